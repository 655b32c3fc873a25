/// Decoded through ``NodeDecoder``, a value keeps the place of its node.
extension Located: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        location = (decoder as? NodeDecoder)?.location ?? SourceLocation(file: "<unknown>", line: 0, column: 0)
        value = try Value(from: decoder)
    }
}
