/// `site.yaml` as written: the company, its fiscal calendar and conventions.
public struct SiteFile: Decodable, Sendable {
    public var company: String
    public var shortName: String
    public var listing: String?
    public var language: String
    public var baseURL: Located<String>
    public var timeZone: Located<String>?
    public var fiscalYear: FiscalYearSpec
    public var currency: String
    public var translationCurrency: String?
    public var figures: FigureConventions
    public var headline: [HeadlineLine]
    public var contacts: [Contact]
    public var rawHTML: Bool
    public var summary: SummarySettings
    /// Replacements for messages of the theme's translation table.
    public var strings: [Translations.Override]

    enum CodingKeys: String, CodingKey {
        case company, listing, language, currency, figures, headline, contacts, summary, strings
        case shortName = "short_name", baseURL = "base_url", timeZone = "time_zone"
        case fiscalYear = "fiscal_year", translationCurrency = "translation_currency", rawHTML = "raw_html"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        company = try c.decode(String.self, forKey: .company)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName) ?? company
        listing = try c.decodeIfPresent(String.self, forKey: .listing)
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
        baseURL = try c.decode(Located<String>.self, forKey: .baseURL)
        timeZone = try c.decodeIfPresent(Located<String>.self, forKey: .timeZone)
        fiscalYear = try c.decode(FiscalYearSpec.self, forKey: .fiscalYear)
        currency = try c.decode(String.self, forKey: .currency)
        translationCurrency = try c.decodeIfPresent(String.self, forKey: .translationCurrency)
        figures = try c.decodeIfPresent(FigureConventions.self, forKey: .figures) ?? FigureConventions()
        headline = try c.decodeIfPresent([HeadlineLine].self, forKey: .headline) ?? []
        contacts = try c.decodeIfPresent([Contact].self, forKey: .contacts) ?? []
        rawHTML = try c.decodeIfPresent(Bool.self, forKey: .rawHTML) ?? false
        summary = try c.decodeIfPresent(SummarySettings.self, forKey: .summary) ?? SummarySettings()
        strings = try c.decodeIfPresent(TranslationEntries.self, forKey: .strings)?.overrides ?? []
    }
}

public struct FiscalYearSpec: Decodable, Sendable {
    public var startMonth: Located<Int>
    public var namedFor: FiscalCalendar.Naming

    enum CodingKeys: String, CodingKey { case startMonth = "start_month", namedFor = "named_for" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        startMonth = try c.decode(Located<Int>.self, forKey: .startMonth)
        namedFor = try c.decodeIfPresent(FiscalCalendar.Naming.self, forKey: .namedFor) ?? .start
    }
}
