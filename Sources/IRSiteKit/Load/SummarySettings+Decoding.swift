/// The `summary` mapping of `site.yaml`.
extension SummarySettings: Decodable {
    enum CodingKeys: String, CodingKey { case figures, segments, charts, safeHarbour = "safe_harbour" }

    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        figures = try c.decodeIfPresent([HeadlineLine].self, forKey: .figures)
        segments = try c.decodeIfPresent([HeadlineLine].self, forKey: .segments) ?? []
        chartEntries = try c.decodeIfPresent([Located<String>].self, forKey: .charts) ?? []
        charts = chartEntries.map(\.value)
        safeHarbour = try c.decodeIfPresent(String.self, forKey: .safeHarbour)
    }
}
