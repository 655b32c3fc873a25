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
