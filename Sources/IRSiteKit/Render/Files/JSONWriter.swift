import Foundation

/// Deterministic JSON for the data files, with exact numbers.
///
/// Foundation's `JSONEncoder` writes every number through `Double`, so a
/// figure such as `-68.61` or `0.1` is only as exact as its binary
/// approximation and its printing. This writer never does that: an `Exact`
/// figure is wrapped in `JSONWriter.Number`, whose decimal literal (from
/// `Exact.plain(places:)` or the exact terminating expansion) is emitted
/// byte for byte as a raw JSON number (`3431156`, `-68.61`, `0.1`). The
/// values stay numbers for consumers; the file states them exactly.
///
/// A `Value` tree is written as text that matches `JSONEncoder` with `.sortedKeys`,
/// `.prettyPrinted` and `.withoutEscapingSlashes` in spirit (the data files are
/// streamed in the same form by `JSONStream`, which the tests hold to this writer):
/// - keys sorted by Unicode scalar values (locale-independent);
/// - two-space indentation, `"key": value`, `{}` and `[]` when empty, and a
///   final newline (`render(_:pretty: false)` gives one compact line);
/// - `/` is not escaped; `"`, `\`, control characters, U+2028 and U+2029 are;
///   other non-ASCII characters are written as UTF-8.
public enum JSONWriter {
    /// A JSON number, held as its literal text.
    public struct Number: Sendable, Hashable, Encodable, CustomStringConvertible {
        /// The literal, valid under the JSON number grammar.
        public let literal: String

        /// A literal such as `-68.61` or `1e-5`; nil unless it is a valid JSON number.
        public init?(literal: String) {
            guard Number.isValid(literal) else { return nil }
            self.literal = literal
        }

        public init(_ value: Int) { literal = String(value) }

        /// `value` rounded to `places` decimals and written with exactly that many (`-68.61`, `6.40`).
        public init(_ value: Exact, places: Int, rounding: RoundingRule = .halfAwayFromZero) {
            literal = value.plain(places: max(0, places), rounding)
        }

        /// The exact decimal expansion of `value` with no superfluous digits
        /// (`3431156`, `-68.61`, `0.1`); nil when it does not terminate (1/3).
        public init?(exactly value: Exact) {
            guard let places = value.decimalPlaces else { return nil }
            literal = value.plain(places: places)
        }

        public var description: String { literal }

        /// Outside `JSONWriter` (e.g. with `JSONEncoder`) the number is encoded as
        /// its literal string, never through `Double`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(literal)
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
        static func isValid(_ text: String) -> Bool {
            var s = Substring(text).utf8[...]
            func digits() -> Int {
                let n = s.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
                s = s.dropFirst(n)
                return n
            }
            if s.first == UInt8(ascii: "-") { s = s.dropFirst() }
            if s.first == UInt8(ascii: "0") {
                s = s.dropFirst()
            } else {
                guard let f = s.first, f >= UInt8(ascii: "1"), f <= UInt8(ascii: "9") else { return false }
                _ = digits()
            }
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                guard digits() > 0 else { return false }
            }
            if s.first == UInt8(ascii: "e") || s.first == UInt8(ascii: "E") {
                s = s.dropFirst()
                if s.first == UInt8(ascii: "+") || s.first == UInt8(ascii: "-") { s = s.dropFirst() }
                guard digits() > 0 else { return false }
            }
            return s.isEmpty
        }
    }

    /// A JSON document as a value.
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(Number)
        case string(String)
        case array([Value])
        case object([String: Value])
    }

    /// The JSON text of a `Value`.
    public static func render(_ value: Value, pretty: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? "" : nil)
        return pretty ? out + "\n" : out
    }

    // MARK: Text

    private static func write(_ value: Value, into out: inout String, indent: String?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.literal
        case .string(let s): quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            let inner = indent.map { $0 + "  " }
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if let inner { out += "\n" + inner }
                write(item, into: &out, indent: inner)
            }
            if let indent { out += "\n" + indent }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let inner = indent.map { $0 + "  " }
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                if let inner { out += "\n" + inner }
                quote(key, into: &out)
                out += inner == nil ? ":" : ": "
                write(members[key]!, into: &out, indent: inner)
            }
            if let indent { out += "\n" + indent }
            out += "}"
        }
    }

    /// A JSON string literal.
    static func quote(_ s: String, into out: inout String) {
        // Nothing to escape (no control, quote, backslash or U+2028/9, whose UTF-8 starts 0xE2): append whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
