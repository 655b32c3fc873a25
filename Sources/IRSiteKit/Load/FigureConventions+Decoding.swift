/// The `figures` mapping of `site.yaml`: every key is optional and keeps its default.
extension FigureConventions: Decodable {
    enum CodingKeys: String, CodingKey {
        case rounding, missing, negative
        case changeOnSignFlip = "change_on_sign_flip", notMeaningful = "not_meaningful"
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rounding = try c.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? rounding
        changeOnSignFlip = try c.decodeIfPresent(SignFlip.self, forKey: .changeOnSignFlip) ?? changeOnSignFlip
        notMeaningful = try c.decodeIfPresent(String.self, forKey: .notMeaningful) ?? notMeaningful
        missing = try c.decodeIfPresent(String.self, forKey: .missing) ?? missing
        negative = try c.decodeIfPresent(Negative.self, forKey: .negative) ?? negative
    }
}
