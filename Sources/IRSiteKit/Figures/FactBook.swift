/// Every line's value in every period: the stated fact, or else the line's
/// formula evaluated on other values. Exact; nothing rounded here.
public struct FactBook: Sendable {
    public let site: Site

    public init(site: Site) { self.site = site }

    public func hasPeriod(_ period: FiscalPeriod) -> Bool { site.periods[period] != nil }

    /// The fact typed for `line` in `period`, if any (its value may be nil: "not reported").
    public func stated(_ line: String, _ period: FiscalPeriod) -> Fact? {
        site.periods[period]?.facts[line]
    }

    /// The value of `line` in `period`, in the line's own unit: stated, or computed.
    public func value(_ line: String, _ period: FiscalPeriod) -> Exact? {
        guard site.periods[period] != nil else { return nil }
        if let fact = stated(line, period) { return fact.value }
        return computed(line, period)
    }

    /// The line's formula evaluated for `period` (nil without a formula or operands).
    public func computed(_ line: String, _ period: FiscalPeriod) -> Exact? {
        guard let formula = site.lines[line]?.formula, site.periods[period] != nil else { return nil }
        return evaluate(formula, period)
    }

    /// Evaluates a formula, each reference in its home unit, for `period`.
    public func evaluate(_ formula: Formula, _ period: FiscalPeriod) -> Exact? {
        formula.evaluate { id, role in value(id, (role ?? .current).resolve(period)) }
    }

    /// The value converted to `unit` (thousands → millions …), unrounded.
    public func value(_ line: String, _ period: FiscalPeriod, in unit: Unit) -> Exact? {
        guard let v = value(line, period), let def = site.lines[line] else { return nil }
        return v * def.unit.factor(to: unit)
    }
}
