/// What the printable quarterly summary shows, besides the release's outlook and contacts.
public struct SummarySettings: Sendable {
    /// Headline figures with their changes (default: the home page's).
    public var figures: [HeadlineLine]?
    /// The segment table: lines, in a unit, with their changes.
    public var segments: [HeadlineLine]
    /// Chart ids of the release to print (two or three).
    public var charts: [String]
    /// `charts` with where each id is written, to report an id no release draws.
    public var chartEntries: [Located<String>]
    /// One line of small type at the foot of the summary.
    public var safeHarbour: String?

    public init() {
        figures = nil
        segments = []
        charts = []
        chartEntries = []
        safeHarbour = nil
    }
}
