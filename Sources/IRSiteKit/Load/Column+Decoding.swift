/// An entry of a layout's `columns`.
extension Column: Decodable {
    enum CodingKeys: String, CodingKey { case show, period, base, label }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        show = try c.decode(Show.self, forKey: .show)
        period = try c.decodeIfPresent(PeriodRole.self, forKey: .period) ?? .current
        base = try c.decodeIfPresent(PeriodRole.self, forKey: .base)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        if show == .change, base == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "a change column needs 'base: prior_year' or 'base: prior_quarter'"))
        }
    }
}
