/// An entry of a release's `guidance.items`.
extension GuidanceItem: Decodable {
    enum CodingKeys: String, CodingKey { case line, label, low, high }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        line = try c.decode(Located<String>.self, forKey: .line)
        label = try c.decode(String.self, forKey: .label)
        low = try c.decode(Located<DecimalLiteral>.self, forKey: .low)
        high = try c.decode(Located<DecimalLiteral>.self, forKey: .high)
    }
}
