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
/// Any `Encodable` value goes through an internal encoder into a `Value`
/// tree, then out as text that matches `JSONEncoder` with `.sortedKeys`,
/// `.prettyPrinted` and `.withoutEscapingSlashes` in spirit:
/// - keys sorted by Unicode scalar values (locale-independent);
/// - two-space indentation, `"key": value`, `{}` and `[]` when empty, and a
///   final newline (`render(_:pretty: false)` gives one compact line);
/// - `/` is not escaped; `"`, `\`, control characters, U+2028 and U+2029 are;
///   other non-ASCII characters are written as UTF-8.
/// Integers are written as integers; `Double` and `Float` (avoid them for
/// figures) as the shortest text that reads back the same binary value;
/// Foundation's `Decimal` as its decimal text; `URL` as its absolute string.
/// NaN and infinities throw `EncodingError.invalidValue`.
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
    public indirect enum Value: Sendable, Hashable, Encodable {
        case null
        case bool(Bool)
        case number(Number)
        case string(String)
        case array([Value])
        case object([String: Value])

        /// Encodes structurally; with `JSONWriter` the tree is taken as is.
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .null:
                var c = encoder.singleValueContainer(); try c.encodeNil()
            case .bool(let b):
                var c = encoder.singleValueContainer(); try c.encode(b)
            case .number(let n):
                try n.encode(to: encoder)
            case .string(let s):
                var c = encoder.singleValueContainer(); try c.encode(s)
            case .array(let items):
                var c = encoder.unkeyedContainer()
                for item in items { try c.encode(item) }
            case .object(let members):
                var c = encoder.container(keyedBy: JSONTreeEncoding.AnyKey.self)
                for key in members.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
                    try c.encode(members[key]!, forKey: JSONTreeEncoding.AnyKey(key))
                }
            }
        }
    }

    /// The JSON text of any `Encodable` value.
    public static func render(_ value: some Encodable, pretty: Bool = true) throws -> String {
        render(try self.value(of: value), pretty: pretty)
    }

    /// The JSON text of a `Value`.
    public static func render(_ value: Value, pretty: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? "" : nil)
        return pretty ? out + "\n" : out
    }

    /// The `Value` tree an `Encodable` value encodes to.
    public static func value(of value: some Encodable) throws -> Value {
        try JSONTreeEncoding.box(value, codingPath: [])
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

// MARK: - The encoder behind JSONWriter

/// Encodes into a mutable tree of nodes, then freezes it into a `JSONWriter.Value`.
enum JSONTreeEncoding {
    /// A coding key made from any string or index.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }

    final class Node {
        var value: JSONWriter.Value?
        var object: [String: Node]?
        var array: [Node]?

        func freeze() -> JSONWriter.Value {
            if let object { return .object(object.mapValues { $0.freeze() }) }
            if let array { return .array(array.map { $0.freeze() }) }
            return value ?? .object([:]) // a value that encoded nothing: `{}`, as JSONEncoder does
        }
    }

    /// A value as a `JSONWriter.Value`: primitives and the writer's own types directly,
    /// anything else through its `encode(to:)`.
    static func box(_ value: some Encodable, codingPath: [any CodingKey]) throws -> JSONWriter.Value {
        switch value {
        case let v as JSONWriter.Value: return v
        case let v as JSONWriter.Number: return .number(v)
        case let v as String: return .string(v)
        case let v as Bool: return .bool(v)
        case let v as Int: return .number(JSONWriter.Number(v))
        case let v as Int8: return integer(v)
        case let v as Int16: return integer(v)
        case let v as Int32: return integer(v)
        case let v as Int64: return integer(v)
        case let v as Int128: return integer(v)
        case let v as UInt: return integer(v)
        case let v as UInt8: return integer(v)
        case let v as UInt16: return integer(v)
        case let v as UInt32: return integer(v)
        case let v as UInt64: return integer(v)
        case let v as UInt128: return integer(v)
        case let v as Double: return try floating(v, v.isFinite, codingPath)
        case let v as Float: return try floating(v, v.isFinite, codingPath)
        case let v as Decimal:
            guard !v.isNaN, let n = JSONWriter.Number(literal: v.description) else {
                throw EncodingError.invalidValue(v, .init(codingPath: codingPath, debugDescription: "Decimal \(v) is not a JSON number"))
            }
            return .number(n)
        case let v as URL: return .string(v.absoluteString)
        default:
            let node = Node()
            try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
            return node.freeze()
        }
    }

    static func integer(_ v: some BinaryInteger) -> JSONWriter.Value {
        .number(JSONWriter.Number(literal: String(v))!)
    }

    static func floating(_ v: some LosslessStringConvertible, _ finite: Bool, _ codingPath: [any CodingKey]) throws -> JSONWriter.Value {
        // `description` is the shortest text that reads back as the same binary value.
        guard finite, let n = JSONWriter.Number(literal: v.description) else {
            throw EncodingError.invalidValue(v, .init(codingPath: codingPath, debugDescription: "\(v) is not a finite JSON number"))
        }
        return .number(n)
    }

    struct TreeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.object == nil { node.object = [:]; node.array = nil; node.value = nil }
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.array == nil { node.array = []; node.object = nil; node.value = nil }
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: node, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        private func set(_ value: JSONWriter.Value, _ key: Key) {
            let child = Node()
            child.value = value
            node.object![key.stringValue] = child
        }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(try box(value, codingPath: codingPath + [key]), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { set(try box(value, codingPath: codingPath + [key]), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: Int128, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode(_ value: UInt128, forKey key: Key) throws { set(integer(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try box(value, codingPath: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = Node()
            node.object![key.stringValue] = child
            return TreeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node()
            node.object![key.stringValue] = child
            return TreeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Node()
            node.object![key.stringValue] = child
            return TreeEncoder(node: child, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.array!.count }

        private func append(_ value: JSONWriter.Value) {
            let child = Node()
            child.value = value
            node.array!.append(child)
        }

        private var nextKey: AnyKey { AnyKey(intValue: count)! }

        mutating func encodeNil() throws { append(.null) }
        mutating func encode(_ value: Bool) throws { append(.bool(value)) }
        mutating func encode(_ value: String) throws { append(.string(value)) }
        mutating func encode(_ value: Int) throws { append(integer(value)) }
        mutating func encode(_ value: Int128) throws { append(integer(value)) }
        mutating func encode(_ value: UInt128) throws { append(integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            append(try box(value, codingPath: codingPath + [nextKey]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Node()
            let path = codingPath + [nextKey]
            node.array!.append(child)
            return TreeEncoder(node: child, codingPath: path).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node()
            let path = codingPath + [nextKey]
            node.array!.append(child)
            return TreeEncoder(node: child, codingPath: path).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let child = Node()
            let path = codingPath + [nextKey]
            node.array!.append(child)
            return TreeEncoder(node: child, codingPath: path)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        private func set(_ value: JSONWriter.Value) {
            node.value = value
            node.object = nil
            node.array = nil
        }

        mutating func encodeNil() throws { set(.null) }
        mutating func encode(_ value: Bool) throws { set(.bool(value)) }
        mutating func encode(_ value: String) throws { set(.string(value)) }
        mutating func encode(_ value: Int) throws { set(integer(value)) }
        mutating func encode(_ value: Int128) throws { set(integer(value)) }
        mutating func encode(_ value: UInt128) throws { set(integer(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { set(try box(value, codingPath: codingPath)) }
    }
}
