/// A fiscal quarter, e.g. the second quarter of fiscal 2001 (`2001-q2`).
public struct FiscalPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// The fiscal years content may name: four digits, from the first listed companies on.
    public static let years = 1900...9999

    /// Parses `2001-Q2` or `2001-q2`.
    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]),
              parts[1].count == 2, parts[1].first == "q", let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
        self.init(year: y, quarter: q)
    }

    /// The stable id used in URLs and file names: `2001-q2`.
    public var id: String { "\(year)-q\(quarter)" }

    /// As the release prints it: `2Q01`.
    public var label: String {
        let yy = ((year % 100) + 100) % 100
        return "\(quarter)Q\(yy < 10 ? "0" : "")\(yy)"
    }

    /// `2Q FY2001`.
    public var longLabel: String { "\(quarter)Q FY\(year)" }

    /// The fiscal year it belongs to: `FY2001`.
    public var fiscalYearLabel: String { "FY\(year)" }

    /// The same quarter of the previous fiscal year (YoY base).
    public var priorYear: FiscalPeriod { FiscalPeriod(year: year - 1, quarter: quarter) }

    /// The quarter before (QoQ base).
    public var priorQuarter: FiscalPeriod {
        quarter == 1 ? FiscalPeriod(year: year - 1, quarter: 4) : FiscalPeriod(year: year, quarter: quarter - 1)
    }

    public var next: FiscalPeriod {
        quarter == 4 ? FiscalPeriod(year: year + 1, quarter: 1) : FiscalPeriod(year: year, quarter: quarter + 1)
    }

    public var description: String { id }

    public static func < (a: FiscalPeriod, b: FiscalPeriod) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}

/// Maps fiscal quarters to calendar dates: the site's fiscal-year start month
/// and whether a fiscal year is named for the calendar year it starts or ends in.
public struct FiscalCalendar: Sendable, Hashable {
    public enum Naming: String, Sendable, CaseIterable { case start, end }

    public var startMonth: Int
    public var namedFor: Naming

    public init(startMonth: Int, namedFor: Naming) {
        self.startMonth = startMonth
        self.namedFor = namedFor
    }

    /// First day of the quarter.
    public func start(of period: FiscalPeriod) -> CalendarDate {
        // Calendar year in which the fiscal year begins.
        let firstYear = namedFor == .start || startMonth == 1 ? period.year : period.year - 1
        let monthIndex = (startMonth - 1) + 3 * (period.quarter - 1)
        return CalendarDate(year: firstYear + monthIndex / 12, month: monthIndex % 12 + 1, day: 1)
    }

    /// Last day of the quarter.
    public func end(of period: FiscalPeriod) -> CalendarDate {
        let s = start(of: period)
        let monthIndex = s.month - 1 + 2
        let y = s.year + monthIndex / 12, m = monthIndex % 12 + 1
        return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))
    }

    /// The quarter that contains `date`.
    public func period(containing date: CalendarDate) -> FiscalPeriod {
        let offset = ((date.month - startMonth) % 12 + 12) % 12
        let firstYear = date.month >= startMonth ? date.year : date.year - 1
        let fiscalYear = namedFor == .start || startMonth == 1 ? firstYear : firstYear + 1
        return FiscalPeriod(year: fiscalYear, quarter: offset / 3 + 1)
    }
}
