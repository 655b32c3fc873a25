/// An arithmetic expression over lines: `total_revenues - total_costs_and_expenses`,
/// `net_loss * 1000 / weighted_average_ads`, `cash[prior_quarter]`.
public indirect enum Formula: Sendable, Hashable {
    case number(Exact)
    /// A line, optionally of another period than the one evaluated; `offset` is its column in the source text.
    case line(String, period: PeriodRole?, offset: Int)
    case negate(Formula)
    case add(Formula, Formula)
    case subtract(Formula, Formula)
    case multiply(Formula, Formula)
    case divide(Formula, Formula)

    /// Every line reference with its offset in the source text, in order.
    public var references: [(line: String, period: PeriodRole?, offset: Int)] {
        switch self {
        case .number: return []
        case let .line(id, period, offset): return [(id, period, offset)]
        case let .negate(f): return f.references
        case let .add(a, b), let .subtract(a, b), let .multiply(a, b), let .divide(a, b):
            return a.references + b.references
        }
    }

    /// The formula as a signed sum of lines of the same period (`a + b - c`), or
    /// nil when it multiplies, divides or uses constants: such a formula is a
    /// calculation relation along which printed figures must foot.
    public var signedTerms: [(sign: Int, line: String)]? {
        switch self {
        case .number: return nil
        case let .line(id, period, _): return period == nil || period == .current ? [(1, id)] : nil
        case let .negate(f): return f.signedTerms.map { $0.map { (-$0.sign, $0.line) } }
        case let .add(a, b):
            guard let x = a.signedTerms, let y = b.signedTerms else { return nil }
            return x + y
        case let .subtract(a, b):
            guard let x = a.signedTerms, let y = b.signedTerms else { return nil }
            return x + y.map { (-$0.sign, $0.line) }
        case .multiply, .divide: return nil
        }
    }

    /// Evaluates with `value` giving each line's value (nil: missing).
    /// Missing lines count as zero in sums; division by zero or a missing
    /// operand of `*` or `/` gives nil.
    public func evaluate(_ value: (String, PeriodRole?) -> Exact?) -> Exact? {
        switch self {
        case let .number(n): return n
        case let .line(id, period, _): return value(id, period)
        case let .negate(f): return f.evaluate(value).map { -$0 }
        case let .add(a, b):
            let x = a.evaluate(value), y = b.evaluate(value)
            if x == nil, y == nil { return nil }
            return (x ?? .zero) + (y ?? .zero)
        case let .subtract(a, b):
            let x = a.evaluate(value), y = b.evaluate(value)
            if x == nil, y == nil { return nil }
            return (x ?? .zero) - (y ?? .zero)
        case let .multiply(a, b):
            guard let x = a.evaluate(value), let y = b.evaluate(value) else { return nil }
            return x * y
        case let .divide(a, b):
            guard let x = a.evaluate(value), let y = b.evaluate(value) else { return nil }
            return x / y
        }
    }
}

/// A syntax error in a formula, at a character offset of its text.
public struct FormulaError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
}

extension Formula {
    /// Parses an expression (`a + b`).
    public static func parse(_ text: String) throws(FormulaError) -> Formula {
        var parser = FormulaParser(text)
        let f = try parser.expression()
        try parser.expectEnd()
        return f
    }

    /// Parses an equation (`ebitda = operating_income + depreciation_and_amortization`).
    public static func parseEquation(_ text: String) throws(FormulaError) -> (left: Formula, right: Formula) {
        var parser = FormulaParser(text)
        let left = try parser.expression()
        try parser.expect("=")
        let right = try parser.expression()
        try parser.expectEnd()
        return (left, right)
    }
}

private struct FormulaParser {
    /// Parsing, evaluating and hashing a formula recurse through its tree: bounding its
    /// depth keeps a hostile formula (100,000 parentheses) from overflowing the stack.
    static let maxNesting = 64
    static let maxOperators = 500

    let chars: [Character]
    var pos = 0
    /// Open parentheses and unary minus signs around the current position.
    var nesting = 0
    var operators = 0

    init(_ text: String) { chars = Array(text) }

    mutating func skipSpace() { while pos < chars.count, chars[pos].isWhitespace { pos += 1 } }

    mutating func peek() -> Character? {
        skipSpace()
        return pos < chars.count ? chars[pos] : nil
    }

    mutating func expect(_ c: Character) throws(FormulaError) {
        guard peek() == c else { throw FormulaError(message: "expected '\(c)'", offset: pos) }
        pos += 1
    }

    mutating func expectEnd() throws(FormulaError) {
        if let c = peek() { throw FormulaError(message: "unexpected '\(c)'", offset: pos) }
    }

    /// Counts a binary operator at the current position; each one deepens the tree by one.
    mutating func countOperator() throws(FormulaError) {
        operators += 1
        if operators > Self.maxOperators {
            throw FormulaError(message: "a formula has at most \(Self.maxOperators) operators", offset: pos)
        }
    }

    /// Enters a parenthesis or a sign, failing beyond the nesting limit.
    mutating func enter() throws(FormulaError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw FormulaError(message: "parentheses and signs nest more than \(Self.maxNesting) deep", offset: pos)
        }
    }

    mutating func expression() throws(FormulaError) -> Formula {
        var f = try term()
        while let c = peek(), c == "+" || c == "-" {
            try countOperator()
            pos += 1
            let g = try term()
            f = c == "+" ? .add(f, g) : .subtract(f, g)
        }
        return f
    }

    mutating func term() throws(FormulaError) -> Formula {
        var f = try unary()
        while let c = peek(), c == "*" || c == "/" {
            try countOperator()
            pos += 1
            let g = try unary()
            f = c == "*" ? .multiply(f, g) : .divide(f, g)
        }
        return f
    }

    mutating func unary() throws(FormulaError) -> Formula {
        if peek() == "-" {
            try enter()
            pos += 1
            let f = Formula.negate(try unary())
            nesting -= 1
            return f
        }
        return try primary()
    }

    mutating func primary() throws(FormulaError) -> Formula {
        guard let c = peek() else { throw FormulaError(message: "expected a line id, a number or '('", offset: pos) }
        if c == "(" {
            try enter()
            pos += 1
            let f = try expression()
            try expect(")")
            nesting -= 1
            return f
        }
        let start = pos
        if c.isNumber {
            while pos < chars.count, chars[pos].isNumber || chars[pos] == "." { pos += 1 }
            let text = String(chars[start..<pos])
            guard let n = Exact(decimal: text) else { throw FormulaError(message: "bad number '\(text.excerpt)'", offset: start) }
            return .number(n)
        }
        guard c.isLetter || c == "_" else { throw FormulaError(message: "unexpected '\(c)'", offset: pos) }
        while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || chars[pos] == "_" { pos += 1 }
        let id = String(chars[start..<pos])
        var period: PeriodRole?
        if pos < chars.count, chars[pos] == "[" {
            pos += 1
            let roleStart = pos
            while pos < chars.count, chars[pos] != "]" { pos += 1 }
            let role = String(chars[roleStart..<pos])
            guard pos < chars.count, let r = PeriodRole(rawValue: role) else {
                throw FormulaError(message: "expected [prior_year] or [prior_quarter] after '\(id.excerpt)'", offset: roleStart)
            }
            pos += 1
            period = r
        }
        return .line(id, period: period, offset: start)
    }
}
