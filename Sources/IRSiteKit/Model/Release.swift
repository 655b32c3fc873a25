/// An earnings release: front matter resolved, commentary as Markdown.
public struct Release: Sendable {
    public var file: String
    public var title: String
    public var subtitle: String?
    public var period: FiscalPeriod
    public var released: Timestamp
    public var releasedLocation: SourceLocation
    public var dateline: String?
    public var draft: Bool
    public var guidance: Guidance?
    public var events: [Event]
    /// The Markdown body and the file line its first line is on, minus one.
    public var body: String
    public var bodyLineOffset: Int
    /// Files published next to the release page, in name order.
    public var attachments: [ContentFiles.Attachment]
    /// Dated corrections, oldest first.
    public var corrections: [Correction]

    /// When the release last changed: its latest correction, or its release instant.
    public var updated: Timestamp { corrections.last?.date ?? released }
}

public struct Correction: Sendable {
    public var date: Timestamp
    public var note: String
}
