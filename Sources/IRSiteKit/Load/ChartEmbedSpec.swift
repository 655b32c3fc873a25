/// The YAML inside a ```` ```chart ```` block: what to draw, by line id and period.
public struct ChartEmbedSpec: Decodable, Sendable {
    public var kind: ChartKind
    public var title: String
    /// Line ids: the series (or, for horizontal bars, the categories).
    public var series: [Located<String>]
    /// Series labels by line id; default: the line's label.
    public var labels: [String: String]
    /// Fiscal periods such as 2001-Q2; default: the release's prior year, prior quarter and own period.
    public var periods: [Located<String>]?
    public var unit: Unit?
    public var decimals: Int?
    /// A line of the release's guidance to draw as a range after the actual quarters.
    public var guidance: Located<String>?
    /// File name of the standalone SVG (`charts/<period>-<id>.svg`); default: from the title.
    public var id: Located<String>?
    /// Show this chart on the home page too.
    public var home: Bool

    enum CodingKeys: String, CodingKey { case kind, title, series, labels, periods, unit, decimals, guidance, id, home }

    /// A spec as the persistent build cache stored it.
    init(kind: ChartKind, title: String, series: [Located<String>], labels: [String: String], periods: [Located<String>]?,
         unit: Unit?, decimals: Int?, guidance: Located<String>?, id: Located<String>?, home: Bool) {
        self.kind = kind
        self.title = title
        self.series = series
        self.labels = labels
        self.periods = periods
        self.unit = unit
        self.decimals = decimals
        self.guidance = guidance
        self.id = id
        self.home = home
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(ChartKind.self, forKey: .kind)
        title = try c.decode(String.self, forKey: .title)
        series = try c.decode([Located<String>].self, forKey: .series)
        let labels = try c.decodeIfPresent([String: Located<String>].self, forKey: .labels) ?? [:]
        self.labels = labels.mapValues(\.value)
        let periods = try c.decodeIfPresent(Located<[Located<String>]>.self, forKey: .periods)
        self.periods = periods?.value
        unit = try c.decodeIfPresent(Unit.self, forKey: .unit)
        decimals = try c.decodeIfPresent(Int.self, forKey: .decimals)
        guidance = try c.decodeIfPresent(Located<String>.self, forKey: .guidance)
        id = try c.decodeIfPresent(Located<String>.self, forKey: .id)
        home = try c.decodeIfPresent(Bool.self, forKey: .home) ?? false
        if series.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a chart needs at least one line in 'series'"))
        }
        if let problem = Self.referenceProblem(series: series, labels: labels, periods: periods) { throw problem }
    }
}

extension ChartKind: ContentChoice {}
