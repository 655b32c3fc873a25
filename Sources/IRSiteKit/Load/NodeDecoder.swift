import Yams

/// Decodes a composed YAML node tree into `Decodable` types while keeping
/// source positions: every error is a ``LocatedError`` at the offending node,
/// and a mapping key that no type asked for is reported as an unknown key
/// (usually a typo) after decoding.
///
/// Yams' own decoder drops marks, so content would lose its `file:line:col`.
final class NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let context: Context
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// State shared by the decoders of one document.
    final class Context {
        let file: String
        var lineOffset = 0
        /// Mappings decoded through keyed containers, with the keys that were read.
        var visited: [(mapping: Node.Mapping, read: Set<String>, path: [any CodingKey])] = []
        init(file: String) { self.file = file }
    }

    init(node: Node, codingPath: [any CodingKey], context: Context) {
        self.node = node
        self.codingPath = codingPath
        self.context = context
    }

    var location: SourceLocation { context.location(of: node) }

    /// Decodes `type` from YAML text; throws ``LocatedError``.
    static func decode<T: Decodable>(_ type: T.Type, yaml: String, file: String, lineOffset: Int = 0) throws -> T {
        let (value, unknown) = try decodeReportingUnknownKeys(type, yaml: yaml, file: file, lineOffset: lineOffset)
        if let first = unknown.first { throw first }
        return value
    }

    static func decode<T: Decodable>(_ type: T.Type, node: Node, file: String, lineOffset: Int = 0) throws -> T {
        let (value, unknown) = try decodeReportingUnknownKeys(type, node: node, file: file, lineOffset: lineOffset)
        if let first = unknown.first { throw first }
        return value
    }

    /// Decodes, returning unknown keys as errors beside the value, so that a
    /// typo in one key does not hide the rest of the file from later checks.
    static func decodeReportingUnknownKeys<T: Decodable>(_ type: T.Type, yaml: String, file: String, lineOffset: Int = 0) throws -> (T, [LocatedError]) {
        let node: Node
        do {
            // Scalars are typed by the decoder, never by YAML's implicit tags: the basic
            // resolver skips Yams' per-scalar regular expressions (`no` stays a string).
            guard let composed = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                throw LocatedError("the file is empty; expected a YAML mapping", at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
            }
            node = composed
        } catch let error as YamlError {
            throw LocatedError.yaml(error, file: file, lineOffset: lineOffset, yaml: yaml)
        }
        return try decodeReportingUnknownKeys(type, node: node, file: file, lineOffset: lineOffset)
    }

    static func decodeReportingUnknownKeys<T: Decodable>(_ type: T.Type, node: Node, file: String, lineOffset: Int = 0) throws -> (T, [LocatedError]) {
        let context = Context(file: file)
        context.lineOffset = lineOffset
        let decoder = NodeDecoder(node: node, codingPath: [], context: context)
        let value = try decoder.decodeValue(type)
        return (value, context.unknownKeys())
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try T(from: self)
        } catch {
            // A misspelt key is the likeliest cause of a missing one: report it instead.
            if let typo = misspeltKey() { throw typo }
            if let error = error as? LocatedError { throw error }
            if let error = error as? DecodingError { throw LocatedError(Self.message(for: error), at: location) }
            throw error
        }
    }

    /// In this mapping, a key nobody read that is one typo away from a key the
    /// type asked for and did not find (`lable` for `label`).
    func misspeltKey() -> LocatedError? {
        guard case .mapping(let mapping) = node,
              let entry = context.visited.last(where: { $0.mapping.mark?.line == mapping.mark?.line && $0.mapping.mark?.column == mapping.mark?.column })
        else { return nil }
        let present = Set(mapping.keys.compactMap(\.string))
        let absent = entry.read.subtracting(present)
        for key in mapping.keys {
            guard let name = key.string, !entry.read.contains(name),
                  let near = Suggestion.closest(to: name, in: absent) else { continue }
            return LocatedError("unknown key '\(name.excerpt)'; did you mean '\(near)'?", at: context.location(of: key))
        }
        return nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw LocatedError("expected a mapping (key: value pairs), found \(node.kindDescription)", at: location)
        }
        // Values by key name: a mapping of facts has hundreds of keys, each looked up once.
        var values: [String: Node] = [:]
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let name = key.string ?? ""
            if values.updateValue(value, forKey: name) != nil {
                throw LocatedError("duplicate key '\(name.excerpt)'", at: context.location(of: key))
            }
        }
        let box = KeyedBox<Key>(decoder: self, mapping: mapping, values: values)
        return KeyedDecodingContainer(box)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw LocatedError("expected a list, found \(node.kindDescription)", at: location)
        }
        return UnkeyedBox(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleBox(decoder: self) }

    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], context: context)
    }

    static func message(for error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let ctx): return "expected \(typeName(type)): \(ctx.debugDescription)"
        case .valueNotFound(let type, _): return "missing value of type \(typeName(type))"
        case .keyNotFound(let key, _): return "missing required key '\(key.stringValue)'"
        case .dataCorrupted(let ctx):
            // Swift's own words for an enum value it does not know; ours name the choices.
            if ctx.debugDescription.hasPrefix("Cannot initialize "), let range = ctx.debugDescription.range(of: "invalid String value ") {
                return "unknown value '\(ctx.debugDescription[range.upperBound...].excerpt)'"
            }
            return ctx.debugDescription
        @unknown default: return "\(error)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        default: return String(describing: type)
        }
    }
}

extension NodeDecoder.Context {
    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func unknownKeys() -> [LocatedError] {
        var errors: [LocatedError] = []
        for entry in visited {
            for key in entry.mapping.keys {
                let name = key.string ?? ""
                if !entry.read.contains(name) {
                    let known = Set(entry.read)
                    errors.append(LocatedError("unknown key '\(name.excerpt)'\(Suggestion.didYouMean(name, known))", at: location(of: key)))
                }
            }
        }
        return errors
    }
}

// MARK: - Containers

private final class KeyedBox<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let mapping: Node.Mapping
    let values: [String: Node]
    let index: Int
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(decoder: NodeDecoder, mapping: Node.Mapping, values: [String: Node]) {
        self.decoder = decoder
        self.mapping = mapping
        self.values = values
        decoder.context.visited.append((mapping, [], decoder.codingPath))
        index = decoder.context.visited.count - 1
    }

    private func markRead(_ name: String) { decoder.context.visited[index].read.insert(name) }

    var allKeys: [Key] {
        mapping.keys.compactMap { key in
            guard let name = key.string else { return nil }
            markRead(name)
            return Key(stringValue: name)
        }
    }

    func contains(_ key: Key) -> Bool {
        markRead(key.stringValue)
        return value(for: key) != nil
    }

    private func value(for key: Key) -> Node? {
        values[key.stringValue]
    }

    private func require(_ key: Key) throws -> Node {
        markRead(key.stringValue)
        guard let node = value(for: key) else {
            throw LocatedError("missing required key '\(key.stringValue)'", at: decoder.location)
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        markRead(key.stringValue)
        guard let node = value(for: key) else { return true }
        return node.isNullScalar
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(try require(key), key: key).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        markRead(key.stringValue)
        guard let node = value(for: key), !node.isNullScalar else { return nil }
        return try decoder.child(node, key: key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try require(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try require(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try require(key), key: key) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedBox: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(decoder: NodeDecoder, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw LocatedError("the list ended early", at: decoder.location) }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNullScalar else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleBox: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    private func scalar(_ what: String) throws -> Node.Scalar {
        guard case .scalar(let scalar) = decoder.node else {
            throw LocatedError("expected \(what), found \(decoder.node.kindDescription)", at: decoder.location)
        }
        return scalar
    }

    func decodeNil() -> Bool { decoder.node.isNullScalar }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try scalar("true or false").string {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        case let other: throw LocatedError("expected true or false, found '\(other.excerpt)'", at: decoder.location)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        let s = try scalar("a string")
        if decoder.node.isNullScalar { throw LocatedError("expected a string, found null", at: decoder.location) }
        if let control = ContentText.controlCharacter(in: s.string) {
            throw LocatedError("a string cannot contain the control character \(ContentText.name(of: control)); pages would be invalid HTML", at: decoder.location)
        }
        return s.string
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalar("a number").string
        guard let v = Double(text) else { throw LocatedError("expected a number, found '\(text.excerpt)'", at: decoder.location) }
        return v
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode<T: FixedWidthInteger & Decodable>(integer type: T.Type) throws -> T {
        let text = try scalar("an integer").string
        guard let v = T(text) else { throw LocatedError("expected an integer, found '\(text.excerpt)'", at: decoder.location) }
        return v
    }

    func decode(_ type: Int.Type) throws -> Int { try decode(integer: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(integer: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(integer: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(integer: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(integer: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(integer: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(integer: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(integer: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(integer: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(integer: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}

extension Node {
    /// A plain `~`, `null` or empty scalar.
    var isNullScalar: Bool {
        guard case .scalar(let s) = self, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    var kindDescription: String {
        switch self {
        case .scalar(let s): return isNullScalar ? "null" : "the value '\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension LocatedError {
    /// A YAML syntax error with libyaml's position.
    static func yaml(_ error: YamlError, file: String, lineOffset: Int, yaml: String) -> LocatedError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams names the mapping; point at the second occurrence of the key.
            let key = duplicates.sorted().first ?? ""
            let lines: [Substring] = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            var hits: [Int] = []
            for (i, text) in lines.enumerated() where i + 1 >= context.mark.line {
                let trimmed: Substring = text.drop(while: { $0 == " " || $0 == "-" })
                if trimmed.hasPrefix(key + ":") { hits.append(i) }
            }
            let line: Int = hits.count >= 2 ? hits[1] + 1 : context.mark.line
            let first = hits.first.map { " (first on line \($0 + 1 + lineOffset))" } ?? ""
            return LocatedError("duplicate key '\(key)'\(first)", at: SourceLocation(file: file, line: line + lineOffset, column: 1))
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem.excerpt)"
            if let context { message += " (\(context.text.excerpt))" }
            return LocatedError(message, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column))
        default:
            return LocatedError("invalid YAML: \(String(describing: error).excerpt)", at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
        }
    }
}
