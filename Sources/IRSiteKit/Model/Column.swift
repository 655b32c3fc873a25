/// A column of a layout: what it shows, for which period, against which base.
public struct Column: Sendable {
    public enum Show: String, Sendable, CaseIterable { case value, translation, percent, change }

    public var show: Show
    public var period: PeriodRole
    /// The period a change column compares with; every change column has one.
    public var base: PeriodRole?
    public var label: String?
}
