/// The whole site after loading: settings, layouts, periods and releases,
/// resolved and cross-referenced. A value; every later stage reads it.
public struct Site: Sendable {
    public var settings: SiteSettings
    /// Layouts in display order.
    public var layouts: [Layout]
    /// Every line by id: where it is at home, its unit and formula.
    public var lines: [String: LineDefinition]
    /// Period data by period, in period order.
    public var periods: [FiscalPeriod: PeriodData]
    /// Releases, newest period first.
    public var releases: [Release]

    public func layout(_ id: String) -> Layout? { layouts.first { $0.id == id } }
}

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
    public var headline: [HeadlineSpec]
    public var contacts: [Contact]
    public var rawHTML: Bool
    public var summary: SummarySpec
    public var file: String
}

/// A statement layout: rows and columns as the release prints them.
public struct Layout: Sendable {
    public var id: String
    public var file: String
    public var order: Int
    public var title: String
    public var heading: String?
    public var basis: LayoutFile.Basis
    public var unit: Unit
    public var unitNote: String?
    public var percentOf: String?
    public var translationNote: String?
    public var missing: String?
    public var decimals: Int
    public var groups: [ColumnGroupSpec]
    public var columns: [ColumnSpec]
    public var rows: [Row]
    public var checks: [Check]
    public var notes: [String]

    public var lineRows: [LineRow] { rows.compactMap { if case .line(let l) = $0.content { return l } else { return nil } } }
    public var showsTranslation: Bool { columns.contains { $0.show == .translation } }
}

public struct Row: Sendable {
    public enum Content: Sendable {
        case header(String)
        case line(LineRow)
    }
    public var content: Content
    public var indent: Int
    public var location: SourceLocation
}

/// A row that shows a line's figures.
public struct LineRow: Sendable {
    public var line: String
    public var label: String
    /// The unit this row prints in (the layout's, unless the row sets its own).
    public var unit: Unit
    public var decimals: Int
    public var percentSign: Bool
    /// True when the row prints in the layout's unit: only then are the
    /// translation and "% of" columns meaningful.
    public var inLayoutUnit: Bool
    public var location: SourceLocation
}

/// Where a line lives and how it is computed.
public struct LineDefinition: Sendable {
    public var id: String
    public var label: String
    public var home: String
    public var unit: Unit
    public var decimals: Int
    public var formula: Formula?
    public var formulaLocation: SourceLocation?
    public var location: SourceLocation

    /// A total or derived line (rounded on its own when printed figures foot).
    public var isComputed: Bool { formula != nil }
}

/// An extra relation that must hold between lines.
public struct Check: Sendable {
    public var left: Formula
    public var right: Formula
    public var text: String
    public var severity: Diagnostic.Severity
    public var message: String?
    public var location: SourceLocation
}

/// One fiscal quarter's facts.
public struct PeriodData: Sendable {
    public var period: FiscalPeriod
    public var file: String
    public var start: CalendarDate
    public var end: CalendarDate
    public var translation: Translation?
    /// Stated facts by line id (value nil: reported as not available).
    public var facts: [String: Fact]
    /// Overrides by layout id, then line id.
    public var overrides: [String: [String: Override]]
    /// Stated totals known not to foot, printed as released: line id → reason.
    public var discrepancies: [String: Located<String>]
}

public struct Translation: Sendable, Hashable {
    /// Units of the site currency per one unit of the translation currency (119.23).
    public var rate: Exact
    public var rateText: String
    public var date: CalendarDate
    /// Where the rate is written.
    public var location: SourceLocation? = nil
}

public struct Fact: Sendable, Equatable {
    public var value: Exact?
    public var places: Int
    public var location: SourceLocation
}

public struct Override: Sendable {
    public var translation: DecimalLiteral?
    public var percent: DecimalLiteral?
    public var reason: String?
    public var location: SourceLocation
}

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

public struct Guidance: Sendable {
    public var period: FiscalPeriod
    public var unit: Unit
    public var items: [GuidanceItemSpec]
    public var location: SourceLocation
}

public struct Event: Sendable {
    public var title: String
    public var kind: EventSpec.Kind
    public var start: Timestamp
    public var end: Timestamp?
    public var url: String?
    public var location: SourceLocation
}
