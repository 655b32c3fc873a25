/// A number as typed in content: its exact value and how many decimals it was
/// written with (a stated `-68.61` is checked to two decimals).
public struct DecimalLiteral: Sendable, Hashable, Decodable, CustomStringConvertible {
    public var value: Exact
    public var places: Int

    public init(_ value: Exact, places: Int = 0) {
        self.value = value
        self.places = places
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Exact(decimal: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "expected a plain number such as 3431156, -632302 or 6.4 (no separators, no parentheses), found '\(text.excerpt)'"))
        }
        self.value = value
        places = Exact.decimalPlaces(of: text)
    }

    public var description: String { value.plain(places: places) }
}
