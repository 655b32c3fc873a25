/// Resolved `site.yaml`.
public struct SiteSettings: Sendable {
    public var company: String
    public var shortName: String
    public var listing: String?
    public var language: String
    public var baseURL: String
    /// The IANA name of the zone that dates written alone are read in.
    public var timeZone: String { zone.identifier }
    public var zone: ZoneRules
    public var calendar: FiscalCalendar
    public var currency: String
    public var translationCurrency: String?
    public var figures: FigureConventions
    public var headline: [HeadlineLine]
    public var contacts: [Contact]
    public var rawHTML: Bool
    public var summary: SummarySettings
    public var file: String
    /// `strings:`: the site's replacements for messages of the theme's translation table.
    public var strings: [Translations.Override] = []
}
