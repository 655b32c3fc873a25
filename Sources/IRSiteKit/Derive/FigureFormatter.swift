/// Prints figures the way the release does: thousands separators, negatives in
/// parentheses (or with a minus sign), a fixed number of decimals.
public struct FigureFormatter: Sendable {
    public var conventions: FigureConventions

    public init(_ conventions: FigureConventions) { self.conventions = conventions }

    /// `units` counts 10^-places; `suffix` goes inside the parentheses: "(32.4%)".
    public func format(units: Int128, places: Int, suffix: String = "") -> String {
        // Byte by byte: a release page formats thousands of cells.
        var magnitude = units.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(40)
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        let places = max(0, places)
        while digits.count <= places && places > 0 { digits.append(UInt8(ascii: "0")) }
        // `digits` holds the figure least significant digit first.
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3 + 4 + suffix.utf8.count)
        let negative = units < 0
        let parentheses = negative && conventions.negative == .parentheses
        if parentheses { out.append(UInt8(ascii: "(")) } else if negative { out += "−".utf8 }
        let wholeCount = digits.count - places
        for i in 0..<wholeCount {
            if i > 0, (wholeCount - i) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(digits[digits.count - 1 - i])
        }
        if places > 0 {
            out.append(UInt8(ascii: "."))
            for i in wholeCount..<digits.count { out.append(digits[digits.count - 1 - i]) }
        }
        out += suffix.utf8
        if parentheses { out.append(UInt8(ascii: ")")) }
        return String(decoding: out, as: UTF8.self)
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
