/// The machine-readable side of the site, from the same visible site as the
/// pages: the Atom feed, sitemap and robots.txt, one `.ics` file per event,
/// and the data downloads (CSV and JSON per period, one combined CSV).
public struct PublishedFiles: Sendable {
    public let site: Site
    /// Releases shown only because this is a preview: left out of the sitemap.
    public let unpublished: Set<FiscalPeriod>
    public let isPreview: Bool
    let deriver: StatementDeriver
    let calendar: FinancialCalendar
    let charts: [FiscalPeriod: [ReleaseChart]]
    /// The build's drawn charts, shared with the pages (nil: each file draws its chart).
    let drawings: ChartDrawings?

    /// - Parameters:
    ///   - book: the visible site's fact book, shared with the pages.
    ///   - charts: each release's charts, as the pages resolved them.
    /// Input digests, for incremental builds; nil: every file is made.
    let digests: SiteDigests?
    /// Each period's figures, derived once for its CSV and JSON files.
    let shared = Handover<FiscalPeriod, [Datum]>()

    public init(book: FactBook, unpublished: Set<FiscalPeriod>, isPreview: Bool, charts: [FiscalPeriod: [ReleaseChart]],
                digests: SiteDigests? = nil, calendar: FinancialCalendar? = nil, drawings: ChartDrawings? = nil) {
        self.digests = digests
        site = book.site
        self.unpublished = unpublished
        self.isPreview = isPreview
        deriver = StatementDeriver(book: book)
        self.calendar = calendar ?? FinancialCalendar(site: site)
        self.charts = charts
        self.drawings = drawings
    }

    var host: String { AbsoluteURL.host(of: site.settings.baseURL) ?? "irsite.invalid" }
    /// Dates written alone, spelt out as midnight with the site zone's offset on that date.
    func zoned(_ t: Timestamp) -> Timestamp { site.settings.zone.zoned(t) }

    /// How many releases the feed carries, the most recently updated first.
    public static let feedEntries = 50

    /// Every file, as independent jobs.
    public var jobs: [BuildJob] {
        var jobs = [BuildJob(Routes.feed) { feed() }, BuildJob(Routes.sitemap) { sitemap() }, BuildJob(Routes.robots) { robots() }]
        for entry in calendar.entries { jobs.append(BuildJob(Routes.calendarFile(entry.slug)) { ics(entry) }) }
        for period in site.periods.keys.sorted() {
            let inputs = digests?.data(period, book: deriver.book)
            jobs.append(BuildJob(Routes.data(period, "csv"), inputs: inputs) { csv(period) })
            jobs.append(BuildJob(Routes.data(period, "json"), inputs: inputs) { json(period) })
        }
        return jobs + [allDataJob]
    }

    /// A release's charts as standalone files (made beside its pages, which draw the same charts).
    public func chartJobs(_ release: Release) -> [BuildJob] {
        (charts[release.period] ?? []).map { chart in
            BuildJob(chart.file, inputs: digests?.chart(chart)) { OutputFile(path: chart.file, text: (drawings?.drawing(of: chart) ?? chart.draw()).standaloneSVG) }
        }
    }

    // MARK: Feed and discovery

    func feed() -> OutputFile {
        let entries = site.releases.map { release in
            AtomFeed.Entry(id: AtomFeed.releaseID(authority: host, period: release.period, periodEnd: site.settings.calendar.end(of: release.period)),
                           title: release.title, published: zoned(release.released), updated: zoned(release.updated),
                           path: AbsoluteURL.folderPath(Routes.release(release.period)),
                           summary: PageRenderer.summarize(release.document.outline.firstParagraphText ?? release.title, limit: 600),
                           categories: [AtomFeed.Category(term: release.period.id, label: release.period.longLabel)])
        }
        var feed = AtomFeed(id: AtomFeed.feedID(baseURL: site.settings.baseURL), title: "\(site.settings.company): earnings releases",
                            subtitle: "Quarterly results of \(site.settings.company)", baseURL: site.settings.baseURL,
                            feedPath: Routes.feed, author: AtomFeed.Person(name: site.settings.company),
                            language: site.settings.language, entries: entries)
        // Readers poll the feed for what is new: the latest releases, not the whole archive.
        feed.maxEntries = Self.feedEntries
        return OutputFile(path: Routes.feed, text: feed.render())
    }

    func sitemap() -> OutputFile {
        let years = Set(site.periods.keys.map(\.year)).sorted(by: >).map { Routes.statements(fiscalYear: $0) }
        var pages = ([Routes.home, Routes.archive, Routes.statements] + years + [Routes.calendar]).map { Sitemap.Page(path: AbsoluteURL.folderPath($0)) }
        for release in site.releases where !unpublished.contains(release.period) {
            pages.append(Sitemap.Page(path: AbsoluteURL.folderPath(Routes.release(release.period)), lastModified: release.updated))
        }
        return OutputFile(path: Routes.sitemap, text: Sitemap(baseURL: site.settings.baseURL, pages: pages).render())
    }

    func robots() -> OutputFile {
        OutputFile(path: Routes.robots, text: Sitemap.robotsTxt(sitemapURL: AbsoluteURL.join(base: site.settings.baseURL, path: Routes.sitemap),
                                                                allowCrawling: !isPreview))
    }

    // MARK: Calendar

    func ics(_ entry: FinancialCalendar.Entry) -> OutputFile {
        let e = entry.event
        let zone = site.settings.zone
        var end = e.end.map { end in
            // A timed event's date-only end is the midnight after that day, in the zone's offset then.
            e.start.secondsOfDay != nil && end.secondsOfDay == nil ? Timestamp.fromEpochSeconds(zone.endOfDay(end.date), utcOffset: 0) : end
        }
        if end == nil, e.kind == .quietPeriod, let instant = entry.end {
            // A quiet period runs to the day before the results it precedes (all-day, inclusive),
            // that day read in the zone's offset at the end, not at the start.
            end = Timestamp(date: zone.date(at: instant - 1))
        }
        let event = ICalendar.Event(uid: ICalendar.uid(slug: entry.slug, domain: host), stamp: zoned(entry.release.updated), start: e.start, end: end,
                                    summary: e.title, description: "Announced in \(site.settings.company)'s release \"\(entry.release.title)\".",
                                    url: PageRenderer.externalURL(e.url).isEmpty ? nil : PageRenderer.externalURL(e.url))
        let calendar = ICalendar(name: "\(site.settings.company) financial calendar", events: [event])
        return OutputFile(path: Routes.calendarFile(entry.slug), text: calendar.render())
    }

    // MARK: Data downloads

    /// One figure of the data files.
    struct Datum: Sendable {
        var layout: Layout
        var row: LineRow
        var measure: String
        var unit: String
        var value: String?
    }

    /// Every fact and derived figure the statements print for `period`, in statement and row order.
    func data(_ period: FiscalPeriod) -> [Datum] {
        var out: [Datum] = []
        let book = deriver.book
        for layout in site.layouts {
            var columns = [ResolvedColumn(show: .value, period: period)]
            var measures = ["value"]
            if layout.showsTranslation, site.periods[period]?.translation != nil {
                columns.append(ResolvedColumn(show: .translation, period: period)); measures.append("translation")
            }
            if layout.percentOf != nil { columns.append(ResolvedColumn(show: .percent, period: period)); measures.append("percent_of_\(layout.percentOf!)") }
            if book.hasPeriod(period.priorYear) { columns.append(ResolvedColumn(show: .change, period: period, base: period.priorYear)); measures.append("change_pct_vs_\(period.priorYear.id)") }
            if book.hasPeriod(period.priorQuarter) { columns.append(ResolvedColumn(show: .change, period: period, base: period.priorQuarter)); measures.append("change_pct_vs_\(period.priorQuarter.id)") }
            let table = deriver.derive(layout, columns: columns)
            let rows = layout.lineRows
            for (row, derived) in zip(rows, table.rows.filter { !$0.isHeader }) {
                for (i, cell) in derived.cells.enumerated() {
                    let unit: String
                    switch columns[i].show {
                    case .value: unit = row.unit.description
                    case .translation:
                        // The statement's scale in the translation currency: usd_thousands.
                        if case let .money(_, exponent) = layout.unit, let code = site.settings.translationCurrency {
                            unit = Unit.money(currency: code, exponent: exponent).description
                        } else {
                            unit = ""
                        }
                    case .percent, .change: unit = "percent"
                    }
                    switch cell {
                    case .blank: continue
                    case let .figure(units, places, _):
                        // The figure as printed, without separators or parentheses: -68.61, 25.5.
                        out.append(Datum(layout: layout, row: row, measure: measures[i], unit: unit,
                                         value: (Exact(units, 1) * Exact.power10(-places)).plain(places: places)))
                    case .missing, .notMeaningful:
                        out.append(Datum(layout: layout, row: row, measure: measures[i], unit: unit, value: nil))
                    }
                }
            }
        }
        return out
    }

    static let csvHeader = ["period", "period_label", "period_end", "statement", "line", "label", "measure", "unit", "value"]

    func csvRows(_ period: FiscalPeriod) -> [[String]] {
        let end = site.periods[period]?.end.iso ?? ""
        return shared.take(period, uses: 2) { data(period) }.map { d in
            // Every column but the figure is text a spreadsheet must not run as a formula.
            [period.id, period.label, end, d.layout.id, d.row.line, d.row.label, d.measure, d.unit].map(CSVWriter.text) + [d.value ?? ""]
        }
    }

    func csv(_ period: FiscalPeriod) -> OutputFile {
        OutputFile(path: Routes.data(period, "csv"), text: CSVWriter(header: Self.csvHeader, rows: csvRows(period)).render())
    }

    static let factsHeader = ["period", "period_end", "statement", "line", "label", "unit", "value"]

    /// `data/all.csv`: every fact as typed in the period files, one per record
    /// (long format), newest period first, each under its line's home statement
    /// in row order. Derived figures are in the per-period files; a fact
    /// reported as not available is an empty value.
    public var allDataJob: BuildJob {
        BuildJob(Routes.allData, inputs: digests?.allPeriods()) { allData() }
    }

    func allData() -> OutputFile {
        // Each line once, in its home statement's row order.
        var lines: [(layout: Layout, row: LineRow)] = []
        for layout in site.layouts {
            for row in layout.lineRows where site.lines[row.line]?.home == layout.id { lines.append((layout, row)) }
        }
        // Record by record into one buffer: at archive scale this file is the largest, so no table of fields is kept.
        var text = CSVWriter.record(Self.factsHeader)
        for period in site.periods.keys.sorted(by: >) {
            guard let data = site.periods[period] else { continue }
            for (layout, row) in lines {
                guard let fact = data.facts[row.line] else { continue }
                // Text columns cannot become spreadsheet formulas; the value is a plain number.
                text += CSVWriter.record([period.id, data.end.iso, layout.id, row.line, row.label, row.unit.description].map(CSVWriter.text)
                                         + [fact.value.map { $0.plain(places: fact.places) } ?? ""])
            }
        }
        return OutputFile(path: Routes.allData, text: text)
    }

    func json(_ period: FiscalPeriod) -> OutputFile {
        let data = site.periods[period]
        var statements: [JSONWriter.Value] = []
        // Each row's figures, found by statement and line rather than by scanning them all per row.
        var byRow: [String: [String: [Datum]]] = [:]
        for d in shared.take(period, uses: 2, { self.data(period) }) { byRow[d.layout.id, default: [:]][d.row.line, default: []].append(d) }
        for layout in site.layouts {
            var lines: [JSONWriter.Value] = []
            for row in layout.lineRows {
                var measures: [String: JSONWriter.Value] = [:]
                for d in byRow[layout.id]?[row.line] ?? [] {
                    measures[d.measure] = .object(["unit": .string(d.unit),
                                                   "value": d.value.flatMap(JSONWriter.Number.init(literal:)).map(JSONWriter.Value.number) ?? .null])
                }
                lines.append(.object(["line": .string(row.line), "label": .string(row.label), "figures": .object(measures)]))
            }
            statements.append(.object(["id": .string(layout.id), "title": .string(layout.title), "unit": .string(layout.unit.description),
                                       "lines": .array(lines)]))
        }
        var root: [String: JSONWriter.Value] = [
            "company": .string(site.settings.company), "period": .string(period.id), "period_label": .string(period.label),
            "period_start": .string(data?.start.iso ?? ""), "period_end": .string(data?.end.iso ?? ""),
            "currency": .string(site.settings.currency), "statements": .array(statements),
        ]
        if let t = data?.translation {
            root["translation"] = .object(["currency": .string(site.settings.translationCurrency ?? ""),
                                           "rate": JSONWriter.Number(literal: t.rateText).map(JSONWriter.Value.number) ?? .null,
                                           "rate_date": .string(t.date.iso)])
        }
        return OutputFile(path: Routes.data(period, "json"), text: JSONWriter.render(.object(root)))
    }
}
