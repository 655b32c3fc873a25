/// How figures are computed and printed; conventions differ between companies.
public struct FigureConventions: Sendable, Hashable {
    public enum SignFlip: String, Sendable, CaseIterable { case compute, notMeaningful = "not_meaningful" }
    public enum Negative: String, Sendable, CaseIterable { case parentheses, minus }

    public var rounding: RoundingRule = .halfAwayFromZero
    public var changeOnSignFlip: SignFlip = .compute
    public var notMeaningful: String = "n/m"
    public var missing: String = "-"
    public var negative: Negative = .parentheses

    public init() {}
}
