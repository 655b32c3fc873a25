/// Prints figures the way the release does: thousands separators, negatives in
/// parentheses (or with a minus sign), a fixed number of decimals.
public struct FigureFormatter: Sendable {
    public var conventions: FigureConventions

    public init(_ conventions: FigureConventions) { self.conventions = conventions }

    /// `units` counts 10^-places; `suffix` goes inside the parentheses: "(32.4%)".
    public func format(units: Int128, places: Int, suffix: String = "") -> String {
        let negative = units < 0
        var digits = String(units.magnitude)
        if places > 0 { while digits.count <= places { digits = "0" + digits } }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        var whole = String(digits[..<split])
        let fraction = String(digits[split...])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let body = whole + grouped + (places > 0 ? "." + fraction : "") + suffix
        guard negative else { return body }
        return conventions.negative == .parentheses ? "(\(body))" : "−\(body)"
    }

    /// Rounds and prints an exact value.
    public func format(_ value: Exact, places: Int, suffix: String = "") -> String {
        format(units: value.scaled(to: places, conventions.rounding), places: places, suffix: suffix)
    }

    /// The change from `base` to `current` in percent, as the site computes it:
    /// (current − base) / base; nil (printed "n/m") for a zero or missing base,
    /// or across a sign flip when the site says so.
    public func change(from base: Exact?, to current: Exact?) -> Exact? {
        guard let base, let current, !base.isZero else { return nil }
        if conventions.changeOnSignFlip == .notMeaningful, base.signum * current.signum < 0 { return nil }
        return ((current - base) / base).map { $0 * Exact(100) }
    }
}
