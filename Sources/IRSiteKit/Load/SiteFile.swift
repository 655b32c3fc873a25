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

    enum CodingKeys: String, CodingKey {
        case company, listing, language, currency, figures, headline, contacts, summary
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
    }
}

/// What the printable quarterly summary shows, besides the release's outlook and contacts.
public struct SummarySettings: Decodable, Sendable {
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

    enum CodingKeys: String, CodingKey { case figures, segments, charts, safeHarbour = "safe_harbour" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        figures = try c.decodeIfPresent([HeadlineLine].self, forKey: .figures)
        segments = try c.decodeIfPresent([HeadlineLine].self, forKey: .segments) ?? []
        chartEntries = try c.decodeIfPresent([Located<String>].self, forKey: .charts) ?? []
        charts = chartEntries.map(\.value)
        safeHarbour = try c.decodeIfPresent(String.self, forKey: .safeHarbour)
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

/// How figures are computed and printed; conventions differ between companies.
public struct FigureConventions: Decodable, Sendable, Hashable {
    public enum SignFlip: String, Decodable, Sendable, CaseIterable { case compute, notMeaningful = "not_meaningful" }
    public enum Negative: String, Decodable, Sendable, CaseIterable { case parentheses, minus }

    public var rounding: RoundingRule = .halfAwayFromZero
    public var changeOnSignFlip: SignFlip = .compute
    public var notMeaningful: String = "n/m"
    public var missing: String = "-"
    public var negative: Negative = .parentheses

    public init() {}

    enum CodingKeys: String, CodingKey {
        case rounding, missing, negative
        case changeOnSignFlip = "change_on_sign_flip", notMeaningful = "not_meaningful"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rounding = try c.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? rounding
        changeOnSignFlip = try c.decodeIfPresent(SignFlip.self, forKey: .changeOnSignFlip) ?? changeOnSignFlip
        notMeaningful = try c.decodeIfPresent(String.self, forKey: .notMeaningful) ?? notMeaningful
        missing = try c.decodeIfPresent(String.self, forKey: .missing) ?? missing
        negative = try c.decodeIfPresent(Negative.self, forKey: .negative) ?? negative
    }
}

/// A headline figure on the home page: a line shown in a unit of its own.
public struct HeadlineLine: Decodable, Sendable {
    public var line: Located<String>
    public var label: String
    public var unit: Unit?
}

/// An investor-relations contact printed with each release.
public struct Contact: Decodable, Sendable, Hashable {
    public var heading: String
    public var organization: String?
    public var name: String?
    public var role: String?
    public var email: String?
    public var phone: String?
}
