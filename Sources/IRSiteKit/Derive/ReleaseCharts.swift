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
    public static func resolve(_ release: Release, book: FactBook) -> (charts: [ReleaseChart], diagnostics: [Diagnostic]) {
        let site = book.site
        var charts: [ReleaseChart] = []
        var diagnostics: [Diagnostic] = []
        var ids: Set<String> = []
        for block in release.document.charts {
            let embed = block.embed, at = block.location
            let spec: ChartEmbedSpec
            do {
                spec = try block.spec.get()
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
