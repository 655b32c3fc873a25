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
