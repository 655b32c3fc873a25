/// Which period a column reads, relative to the release's period.
public enum PeriodRole: String, Sendable, CaseIterable {
    case current
    case priorYear = "prior_year"
    case priorQuarter = "prior_quarter"

    public func resolve(_ current: FiscalPeriod) -> FiscalPeriod {
        switch self {
        case .current: return current
        case .priorYear: return current.priorYear
        case .priorQuarter: return current.priorQuarter
        }
    }
}
