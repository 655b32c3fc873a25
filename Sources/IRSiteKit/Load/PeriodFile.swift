/// `periods/<year>-q<n>.yaml` as written: one fiscal quarter's facts.
public struct PeriodFile: Decodable, Sendable {
    public var fiscalYear: Located<Int>
    public var quarter: Located<Int>
    public var translation: TranslationSpec?
    /// Home layout id → line id → value (nil: not reported).
    public var facts: [String: Located<[String: Located<DecimalLiteral?>]>]
    /// Layout id → line id → the printed cells fixed by hand.
    public var overrides: [String: Located<[String: Located<OverrideSpec>]>]
    /// Line id → why a stated total that does not foot is printed as the release printed it.
    public var discrepancies: [String: Located<String>]

    enum CodingKeys: String, CodingKey {
        case quarter, translation, facts, overrides, discrepancies
        case fiscalYear = "fiscal_year"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fiscalYear = try c.decode(Located<Int>.self, forKey: .fiscalYear)
        quarter = try c.decode(Located<Int>.self, forKey: .quarter)
        translation = try c.decodeIfPresent(TranslationSpec.self, forKey: .translation)
        facts = try c.decodeIfPresent(PeriodFacts.self, forKey: .facts)?.facts ?? [:]
        overrides = try c.decodeIfPresent([String: Located<[String: Located<OverrideSpec>]>].self, forKey: .overrides) ?? [:]
        discrepancies = try c.decodeIfPresent([String: Located<String>].self, forKey: .discrepancies) ?? [:]
    }
}

/// The convenience translation rate stated for a period.
public struct TranslationSpec: Decodable, Sendable {
    public var rate: Located<DecimalLiteral>
    public var date: Located<String>
}

/// A printed cell set by hand where no rule reproduces the release.
public struct OverrideSpec: Decodable, Sendable {
    public var translation: DecimalLiteral?
    public var percent: DecimalLiteral?
    public var reason: String?
}
