/// An exact rational number: every figure IRSite prints is computed with it,
/// never with `Double`, so a percentage or a translation is rounded exactly once.
///
/// Values are kept normalised (the denominator is positive and coprime with the
/// numerator), so `==` and `hash` are structural.
public struct Exact: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var numerator: Int128
    public private(set) var denominator: Int128

    public static let zero = Exact(0)
    public static let one = Exact(1)

    /// An integer value.
    public init(_ value: Int) {
        numerator = Int128(value)
        denominator = 1
    }

    /// `numerator / denominator`; the denominator must not be zero.
    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "Exact: zero denominator")
        let g = Exact.gcd(numerator.magnitude, denominator.magnitude)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int128(g)
        self.denominator = sign * denominator / Int128(g)
    }

    /// Parses a plain decimal literal such as `3431156`, `-632302`, `6.4` or `119.23`
    /// (no thousands separators, no exponent). Returns nil for anything else.
    public init?(decimal text: String) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() } else if digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty || parts.count == 2,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty,
              whole.count + fraction.count <= 30 else { return nil }
        var value: Int128 = 0
        for ch in whole + fraction { value = value * 10 + Int128(ch.wholeNumberValue!) }
        var scale: Int128 = 1
        for _ in 0..<fraction.count { scale *= 10 }
        self.init(negative ? -value : value, scale)
    }

    /// The number of decimal places a plain literal was written with (`68.61` → 2).
    public static func decimalPlaces(of text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var magnitude: Exact { Exact(numerator < 0 ? -numerator : numerator, denominator) }
    public var signum: Int { numerator == 0 ? 0 : (numerator < 0 ? -1 : 1) }

    public static func + (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func - (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    public static func * (a: Exact, b: Exact) -> Exact {
        Exact(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// Division; nil when dividing by zero (the caller decides what that prints).
    public static func / (a: Exact, b: Exact) -> Exact? {
        b.isZero ? nil : Exact(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    public static prefix func - (a: Exact) -> Exact { Exact(-a.numerator, a.denominator) }
    public static func += (a: inout Exact, b: Exact) { a = a + b }
    public static func -= (a: inout Exact, b: Exact) { a = a - b }

    public static func < (a: Exact, b: Exact) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// `10^places` as an exact value.
    public static func power10(_ places: Int) -> Exact {
        var v: Int128 = 1
        for _ in 0..<abs(places) { v *= 10 }
        return places >= 0 ? Exact(v, 1) : Exact(1, v)
    }

    /// The value as an integer count of `10^-places` units, rounded by `mode`.
    public func scaled(to places: Int, _ mode: RoundingRule) -> Int128 {
        let s = self * Exact.power10(places)
        let q = s.numerator / s.denominator          // truncates toward zero
        let r = s.numerator - q * s.denominator      // same sign as numerator
        switch mode {
        case .truncate:
            return q
        case .halfAwayFromZero:
            // |r| / d >= 1/2  ⇔  2|r| >= d
            if 2 * r.magnitude >= s.denominator.magnitude { return q + (s.numerator < 0 ? -1 : 1) }
            return q
        }
    }

    /// Rounds to `places` decimals.
    public func rounded(to places: Int, _ mode: RoundingRule) -> Exact {
        Exact(scaled(to: places, mode), 1) * Exact.power10(-places)
    }

    /// A plain decimal string with exactly `places` decimals, after rounding
    /// (`-68.61`); no separators. Used for data files and comparisons.
    public func plain(places: Int, _ mode: RoundingRule = .halfAwayFromZero) -> String {
        let units = scaled(to: places, mode)
        let negative = units < 0
        var digits = String(units.magnitude)
        if places > 0 {
            while digits.count <= places { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative ? "-" : "") + digits
    }

    public var description: String {
        denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}

/// How a figure is rounded to the printed precision.
public enum RoundingRule: String, Sendable, Decodable, CaseIterable {
    /// 0.5 rounds to 1 and −0.5 to −1: the seed's rule.
    case halfAwayFromZero = "half_away_from_zero"
    /// Drop the digits beyond the printed unit (common among Japanese filers).
    case truncate
}
