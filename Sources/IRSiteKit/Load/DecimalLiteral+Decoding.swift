/// A plain decimal number written as a YAML scalar.
extension DecimalLiteral: Decodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Exact(decimal: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "expected a plain number such as 3431156, -632302 or 6.4 (no separators, no parentheses), found '\(text.excerpt)'"))
        }
        self.init(value, places: Exact.decimalPlaces(of: text))
    }
}
