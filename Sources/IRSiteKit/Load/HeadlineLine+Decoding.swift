/// An entry of `headline` (and of the summary's `figures` and `segments`) in `site.yaml`.
extension HeadlineLine: Decodable {
    enum CodingKeys: String, CodingKey { case line, label, unit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        line = try c.decode(Located<String>.self, forKey: .line)
        label = try c.decode(String.self, forKey: .label)
        unit = try c.decodeIfPresent(Unit.self, forKey: .unit)
    }
}
