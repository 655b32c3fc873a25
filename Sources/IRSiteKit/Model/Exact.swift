/// An exact rational number: every figure IRSite prints is computed with it,
/// never with `Double`, so a percentage or a translation is rounded exactly once.
///
/// Values are kept normalised (the denominator is positive and coprime with the
/// numerator), so `==` and `hash` are structural.
///
/// Arithmetic never traps: a result that does not fit 128 bits is ``overflow``,
/// which every later operation keeps, so checks can report it at the figure's
/// place in the content (hostile or mistyped content must not crash a build).
public struct Exact: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var numerator: Int128
    /// Positive; zero only for ``overflow``.
    public private(set) var denominator: Int128

    public static let zero = Exact(0)
    public static let one = Exact(1)
    /// A result too large (or too precise) for 128 bits; compares above every number.
    public static let overflow = Exact(raw: 0, 0)

    /// Whether an operation leading to this value overflowed.
    public var isOverflow: Bool { denominator == 0 }

    private init(raw numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// An integer value.
    public init(_ value: Int) {
        numerator = Int128(value)
        denominator = 1
    }

    /// `numerator / denominator`; the denominator must not be zero.
    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "Exact: zero denominator")
        self = Exact.normalised(numerator, denominator)
    }

    /// `n / d` in lowest terms with a positive denominator, or ``overflow`` when that does not fit.
    private static func normalised(_ n: Int128, _ d: Int128) -> Exact {
        // 2^127 (n and d both Int128.min) is the one gcd that does not fit.
        guard let g = Int128(exactly: gcd(n.magnitude, d.magnitude)) else { return .overflow }
        var n = n / g, d = d / g
        if d < 0 {
            let (nn, o1) = Int128.zero.subtractingReportingOverflow(n)
            let (dd, o2) = Int128.zero.subtractingReportingOverflow(d)
            if o1 || o2 { return .overflow }
            (n, d) = (nn, dd)
        }
        return Exact(raw: n, d)
    }

    /// `a * b`, nil on overflow.
    private static func times(_ a: Int128, _ b: Int128) -> Int128? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    /// `a + b`, nil on overflow.
    private static func plus(_ a: Int128, _ b: Int128) -> Int128? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    /// Parses a plain decimal literal such as `3431156`, `-632302`, `6.4` or `119.23`
    /// (no thousands separators, no exponent). Returns nil for anything else.
    public init?(decimal text: String) {
        // Facts are almost all plain ASCII numbers: read their bytes (the same value as below).
        if let value = Exact.plainASCIIDecimal(text) {
            self = value
            return
        }
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

    /// `[+-]?[0-9]*(\.[0-9]+)?` with at least one digit and at most 30, read byte by byte;
    /// nil for anything else, which `init?(decimal:)` then reads by characters.
    private static func plainASCIIDecimal(_ text: String) -> Exact? {
        var text = text
        return text.withUTF8 { bytes -> Exact? in
            var i = 0
            var negative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var value: Int128 = 0, scale: Int128 = 1, digits = 0, fraction = -1
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "."), fraction < 0 {
                    fraction = 0
                } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    digits += 1
                    guard digits <= 30 else { return nil }
                    value = value * 10 + Int128(byte - UInt8(ascii: "0"))
                    if fraction >= 0 { fraction += 1; scale *= 10 }
                } else {
                    return nil
                }
                i += 1
            }
            guard digits > 0, fraction != 0 else { return nil }
            return fraction < 0 ? Exact(raw: negative ? -value : value, 1) : Exact(negative ? -value : value, scale)
        }
    }

    /// The number of decimal places a plain literal was written with (`68.61` → 2).
    public static func decimalPlaces(of text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// How many decimals print the value exactly (`1/8` → 3), or nil when no number
    /// of decimals does (`1/3`).
    public var decimalPlaces: Int? {
        guard !isOverflow else { return nil }
        var d = denominator, twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        return d == 1 ? max(twos, fives) : nil
    }

    public var isZero: Bool { numerator == 0 }
    public var isNegative: Bool { numerator < 0 }
    public var magnitude: Exact { numerator < 0 ? -self : self }
    public var signum: Int { numerator == 0 ? 0 : (numerator < 0 ? -1 : 1) }

    public static func + (a: Exact, b: Exact) -> Exact {
        guard !a.isOverflow, !b.isOverflow else { return .overflow }
        // Over the least common denominator, to keep intermediate values small.
        let g = Int128(gcd(a.denominator.magnitude, b.denominator.magnitude))
        guard let x = times(a.numerator, b.denominator / g), let y = times(b.numerator, a.denominator / g),
              let n = plus(x, y), let d = times(a.denominator, b.denominator / g) else { return .overflow }
        return normalised(n, d)
    }
    public static func - (a: Exact, b: Exact) -> Exact { a + -b }
    public static func * (a: Exact, b: Exact) -> Exact {
        guard !a.isOverflow, !b.isOverflow else { return .overflow }
        // Cancel across first: (a/b)(c/d) with gcd(a,d) and gcd(c,b) divided out is already in lowest terms.
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude))
        let g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        guard let n = times(a.numerator / g1, b.numerator / g2), let d = times(a.denominator / g2, b.denominator / g1) else { return .overflow }
        return normalised(n, d)
    }
    /// Division; nil when dividing by zero (the caller decides what that prints).
    public static func / (a: Exact, b: Exact) -> Exact? {
        if b.isOverflow { return .overflow }
        if b.isZero { return nil }
        return a * normalised(b.denominator, b.numerator)
    }
    public static prefix func - (a: Exact) -> Exact {
        guard !a.isOverflow else { return .overflow }
        let (n, o) = Int128.zero.subtractingReportingOverflow(a.numerator)
        return o ? .overflow : Exact(raw: n, a.denominator)
    }
    public static func += (a: inout Exact, b: Exact) { a = a + b }
    public static func -= (a: inout Exact, b: Exact) { a = a - b }

    /// Compared without multiplying out (which could overflow): by integer parts, then
    /// by the reciprocals of the remainders, as in Euclid's algorithm.
    public static func < (a: Exact, b: Exact) -> Bool {
        if a.isOverflow || b.isOverflow { return !a.isOverflow }
        var (n1, d1, n2, d2) = (a.numerator, a.denominator, b.numerator, b.denominator)
        var flipped = false
        while true {
            let (q1, r1) = floorDivision(n1, d1), (q2, r2) = floorDivision(n2, d2)
            if q1 != q2 { return (q1 < q2) != flipped }
            // Same integer part: compare r1/d1 with r2/d2, both in [0, 1).
            if r1 == 0 || r2 == 0 { return (r1 == 0 && r2 != 0) != flipped && r1 != r2 }
            // r1/d1 < r2/d2  ⇔  d1/r1 > d2/r2
            (n1, d1, n2, d2) = (d1, r1, d2, r2)
            flipped.toggle()
        }
    }

    /// `n = q·d + r` with `0 ≤ r < d` (`d > 0`).
    private static func floorDivision(_ n: Int128, _ d: Int128) -> (Int128, Int128) {
        var q = n / d, r = n % d
        if r < 0 { q -= 1; r += d }
        return (q, r)
    }

    /// `10^places` as an exact value (``overflow`` beyond 10^38).
    public static func power10(_ places: Int) -> Exact {
        guard places.magnitude <= 38 else { return .overflow }
        var v: Int128 = 1
        for _ in 0..<abs(places) { v *= 10 }
        return places >= 0 ? Exact(v, 1) : Exact(1, v)
    }

    /// The value as an integer count of `10^-places` units, rounded by `mode`.
    /// An ``overflow`` value (which checks report before anything prints) counts as 0.
    public func scaled(to places: Int, _ mode: RoundingRule) -> Int128 {
        let s = self * Exact.power10(places)
        guard !s.isOverflow else { return 0 }
        let q = s.numerator / s.denominator          // truncates toward zero
        let r = s.numerator - q * s.denominator      // same sign as numerator
        switch mode {
        case .truncate:
            return q
        case .halfAwayFromZero:
            // |r| / d >= 1/2  ⇔  2|r| >= d
            if 2 * r.magnitude >= s.denominator.magnitude { return q &+ (s.numerator < 0 ? -1 : 1) }
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
        if isOverflow { return "overflow" }
        return denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        // 128-bit remainders are a library call: once both fit 64 bits, the machine's own division does.
        while b != 0, a > UInt128(UInt64.max) || b > UInt128(UInt64.max) { (a, b) = (b, a % b) }
        guard b != 0 else { return a == 0 ? 1 : a }
        var (x, y) = (UInt64(a), UInt64(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : UInt128(x)
    }
}

/// How a figure is rounded to the printed precision.
public enum RoundingRule: String, Sendable, CaseIterable {
    /// 0.5 rounds to 1 and −0.5 to −1: the seed's rule.
    case halfAwayFromZero = "half_away_from_zero"
    /// Drop the digits beyond the printed unit (common among Japanese filers).
    case truncate
}
