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

/// A chart of a release, resolved against the facts.
public struct ReleaseChart: Sendable {
    public var embed: MarkdownEmbed
    /// Unique within the release; names the standalone file and the SVG's ids.
    public var id: String
    public var spec: ChartSpec
    public var home: Bool
    /// The standalone file: `charts/2001-q2-revenue-by-segment.svg`.
    public var file: String
    /// The periods whose figures it draws.
    public var periods: [FiscalPeriod]

    /// The chart drawn once and shared by every page that shows it and by its standalone file:
    /// the inline `<svg>` element and the data table.
    public var drawn: (svg: String, table: ChartTable) {
        let drawn = Self.drawings.value(for: digest) { _ in Drawn(svg: ChartRenderer.svg(spec, standalone: false), table: ChartRenderer.table(spec)) }
        return (drawn.svg, drawn.table)
    }

    /// The standalone `.svg` file: the same element behind an XML declaration.
    public var standaloneSVG: String { ChartRenderer.xmlDeclaration + drawn.svg }

    struct Drawn: Sendable {
        var svg: String
        var table: ChartTable
    }

    /// Drawings of the charts being written; a release's pages and files are made
    /// together, so a small table serves them all.
    static let drawings = Memo<Fingerprint, Drawn>(limit: 2_000)

    /// Everything the chart draws, as one digest (its SVG is a function of this alone).
    /// (The figure conventions come from site.yaml, which every page's digest holds.)
    public var digest: Fingerprint {
        var f = Fingerprint()
        func exact(_ e: Exact?) {
            guard let e else { return f.add("-") }
            f.add(Int(truncatingIfNeeded: e.numerator >> 64))
            f.add(Int(truncatingIfNeeded: e.numerator))
            f.add(Int(truncatingIfNeeded: e.denominator >> 64))
            f.add(Int(truncatingIfNeeded: e.denominator))
        }
        f.add("\(spec.kind)")
        for text in [spec.title, spec.subtitle ?? "", spec.unit, spec.idPrefix, spec.valuePrefix, spec.valueSuffix, spec.categoryTitle] { f.add(text) }
        f.add(spec.valueDecimals)
        f.add(spec.valueLabels ? 1 : 0)
        f.add(spec.categories.count)
        for category in spec.categories { f.add(category) }
        f.add(spec.series.count)
        for series in spec.series {
            f.add(series.id)
            f.add(series.label)
            f.add(series.values.count)
            for value in series.values { exact(value) }
        }
        f.add(spec.ranges.count)
        for range in spec.ranges {
            f.add(range.category)
            f.add(range.label)
            exact(range.low)
            exact(range.high)
        }
        f.add(id)
        f.add(file)
        f.add(home ? 1 : 0)
        return f
    }
}

/// Finds and resolves a release's chart blocks. Pure; mistakes are diagnostics
/// located in the release's Markdown file.
public enum ReleaseCharts {
    struct SpecKey: Hashable, Sendable {
        var body: String
        var file: String
        var lineOffset: Int
    }

    /// Chart blocks decode once per process: checks and pages both resolve them, and a
    /// preview server rebuilds with most releases unchanged.
    static let decodedSpecs = Memo<SpecKey, Result<ChartEmbedSpec, any Error>>(limit: 50_000)

    static func decodeSpec(_ key: SpecKey) -> Result<ChartEmbedSpec, any Error> {
        Result { try NodeDecoder.decode(ChartEmbedSpec.self, yaml: key.body, file: key.file, lineOffset: key.lineOffset) }
    }

    public static func resolve(_ release: Release, book: FactBook) -> (charts: [ReleaseChart], diagnostics: [Diagnostic]) {
        let site = book.site
        var charts: [ReleaseChart] = []
        var diagnostics: [Diagnostic] = []
        var ids: Set<String> = []
        for embed in Markdown.outline(of: release.body).embeds(["chart"]) {
            let at = SourceLocation(file: release.file, line: embed.line + release.bodyLineOffset, column: embed.column)
            let spec: ChartEmbedSpec
            do {
                spec = try decodedSpecs.value(for: SpecKey(body: embed.body, file: release.file, lineOffset: embed.bodyLine + release.bodyLineOffset - 1),
                                              decodeSpec).get()
            } catch let error as LocatedError {
                diagnostics.append(Diagnostic(.error, "chart block: \(error.message)", at: error.location))
                continue
            } catch {
                diagnostics.append(Diagnostic(.error, "chart block: \(error)", at: at))
                continue
            }
            var ok = true
            func fail(_ message: String, _ location: SourceLocation) {
                diagnostics.append(Diagnostic(.error, message, at: location))
                ok = false
            }
            var lines: [LineDefinition] = []
            for s in spec.series {
                if let def = site.lines[s.value] { lines.append(def) } else {
                    fail("unknown line '\(s.value)' in chart\(Suggestion.didYouMean(s.value, site.lines.keys))", s.location)
                }
            }
            var periods: [FiscalPeriod] = []
            if let given = spec.periods {
                for p in given {
                    guard let period = FiscalPeriod(p.value) else { fail("expected a fiscal period such as 2001-Q2, found '\(p.value.excerpt)'", p.location); continue }
                    guard site.periods[period] != nil else { fail("no facts for \(period.label) (periods/\(period.id).yaml)", p.location); continue }
                    periods.append(period)
                }
            } else {
                periods = [release.period.priorYear, release.period.priorQuarter, release.period].filter { site.periods[$0] != nil }
            }
            let unit = spec.unit ?? lines.first?.unit ?? .count
            for def in lines where !def.unit.isCommensurable(with: unit) {
                fail("'\(def.id)' is in \(def.unit) and cannot be drawn in \(unit)", spec.series.first { $0.value == def.id }!.location)
            }
            var ranges: [ChartRange] = []
            if let g = spec.guidance {
                if let guidance = release.guidance, let item = guidance.items.first(where: { $0.line.value == g.value }) {
                    let factor = guidance.unit.factor(to: unit)
                    ranges.append(ChartRange(category: guidance.period.label, low: item.low.value.value * factor,
                                             high: item.high.value.value * factor, label: "Guidance"))
                } else {
                    fail("the release gives no guidance for '\(g.value)'", g.location)
                }
            }
            let id = spec.id?.value ?? FinancialCalendar.slugify(spec.title)
            if spec.id != nil, id != FinancialCalendar.slugify(id) {
                fail("a chart id is lower-case letters, digits and hyphens, such as '\(FinancialCalendar.slugify(id))'", spec.id!.location)
            }
            if !ids.insert(id).inserted { fail("two charts of this release are called '\(id)'; give one an 'id'", spec.id?.location ?? at) }
            guard ok else { continue }
            let decimals = spec.decimals ?? (lines.allSatisfy { $0.unit == unit } ? lines.map(\.decimals).max() ?? 0 : 0)
            let (prefix, suffix) = affixes(unit, site.settings)
            let chartSpec: ChartSpec
            if spec.kind == .horizontalBar {
                // Long labels down the side: the lines are the categories, each period a series.
                chartSpec = ChartSpec(kind: .horizontalBar, title: spec.title, categories: lines.map { spec.labels[$0.id] ?? $0.label },
                                      series: periods.map { p in ChartSeries(id: p.id, label: p.label, values: lines.map { book.value($0.id, p, in: unit) }) },
                                      unit: unit.caption, valueDecimals: decimals, conventions: site.settings.figures, idPrefix: "chart-\(id)",
                                      valuePrefix: prefix, valueSuffix: suffix, categoryTitle: "Line")
            } else {
                chartSpec = ChartSpec(kind: spec.kind, title: spec.title, categories: periods.map(\.label),
                                      series: lines.map { def in ChartSeries(id: def.id, label: spec.labels[def.id] ?? def.label,
                                                                             values: periods.map { book.value(def.id, $0, in: unit) }) },
                                      ranges: ranges, unit: unit.caption, valueDecimals: decimals, conventions: site.settings.figures,
                                      idPrefix: "chart-\(id)", valuePrefix: prefix, valueSuffix: suffix)
            }
            charts.append(ReleaseChart(embed: embed, id: id, spec: chartSpec, home: spec.home,
                                       file: Routes.chart(release.period, id), periods: periods))
        }
        return (charts, diagnostics)
    }

    /// Every release's charts, resolved once for a build (pages and standalone files share them).
    public static func all(in book: FactBook) -> [FiscalPeriod: [ReleaseChart]] {
        Dictionary(uniqueKeysWithValues: book.site.releases.map { ($0.period, resolve($0, book: book).charts) })
    }

    /// Words around a value in sentences and tooltips: "¥8,108 million", "6.4 Gbps".
    static func affixes(_ unit: Unit, _ settings: SiteSettings) -> (String, String) {
        switch unit {
        case let .money(code, exponent):
            let symbol = code == "JPY" ? "¥" : (code == "USD" ? "$" : code + " ")
            return (symbol, [3: " thousand", 6: " million", 9: " billion"][exponent] ?? "")
        case .gbps: return ("", " Gbps")
        case .shares: return ("", " shares")
        case .count: return ("", "")
        }
    }
}
