/// A unit written as its name: `jpy_millions`, `count` …
extension Unit: Decodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let unit = Unit(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "unknown unit '\(text)'; expected one of jpy_thousands, jpy_millions, jpy (or another currency code), count, shares, gbps"))
        }
        self = unit
    }
}
