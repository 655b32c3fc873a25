/// The machine-readable side of the site, from the same visible site as the
/// pages: the Atom feed, sitemap and robots.txt, one `.ics` file per event,
/// and the data downloads (CSV and JSON per period, one combined CSV).
public struct PublishedFiles: Sendable {
    public let site: Site
    /// Releases shown only because this is a preview: left out of the sitemap.
    public let unpublished: Set<FiscalPeriod>
    public let isPreview: Bool
    /// The build's derived tables, shared with the pages.
    let derived: DerivedTables
    let calendar: FinancialCalendar
    let charts: [FiscalPeriod: [ReleaseChart]]
    /// The build's drawn charts, shared with the pages (nil: each file draws its chart).
    let drawings: ChartDrawings?

    /// - Parameters:
    ///   - book: the visible site's fact book, shared with the pages.
    ///   - charts: each release's charts, as the pages resolved them.
    ///   - derived: the build's derived tables (the pages read the same); made here when nil.
    /// Input digests, for incremental builds; nil: every file is made.
    let digests: SiteDigests?
    /// The interface words: the feed's title, the calendar files' texts, the charts' words.
    public let strings: Translations
    public init(book: FactBook, unpublished: Set<FiscalPeriod>, isPreview: Bool, charts: [FiscalPeriod: [ReleaseChart]],
                strings: Translations, digests: SiteDigests? = nil, calendar: FinancialCalendar? = nil, drawings: ChartDrawings? = nil,
                derived: DerivedTables? = nil) {
        self.digests = digests
        self.strings = strings
        site = book.site
        self.unpublished = unpublished
        self.isPreview = isPreview
        self.derived = derived ?? DerivedTables(deriver: StatementDeriver(book: book))
        self.calendar = calendar ?? FinancialCalendar(site: site)
        self.charts = charts
        self.drawings = drawings
    }

    var host: String { AbsoluteURL.host(of: site.settings.baseURL) ?? "irsite.invalid" }
    /// Dates written alone, spelt out as midnight with the site zone's offset on that date.
    func zoned(_ t: Timestamp) -> Timestamp { site.settings.zone.zoned(t) }

    /// How many releases the feed carries, the most recently updated first.
    public static let feedEntries = 50

    /// The files about the whole site: feed, sitemap, robots.txt, calendar files, the combined CSV.
    public var siteJobs: [BuildJob] {
        // The feed quotes the newest bodies: made every time. The rest list releases by their front matter.
        let listing = digests?.releaseListing(site.releases, unpublished: unpublished)
        var jobs = [BuildJob(Routes.feed) { feed() }, BuildJob(Routes.sitemap, inputs: listing) { sitemap() },
                    BuildJob(Routes.robots, inputs: listing) { robots() }]
        for entry in calendar.entries { jobs.append(BuildJob(Routes.calendarFile(entry.slug), inputs: listing) { ics(entry) }) }
        return jobs + [allDataJob]
    }

    /// A release's charts as standalone files (made beside its pages, which draw the same charts).
    public func chartJobs(_ release: Release) -> [BuildJob] {
        (charts[release.period] ?? []).map { chart in
            BuildJob(chart.file, inputs: digests?.chart(chart)) { OutputFile(path: chart.file, text: (drawings?.drawing(of: chart) ?? chart.draw(strings: strings)).standaloneSVG) }
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
        var feed = AtomFeed(id: AtomFeed.feedID(baseURL: site.settings.baseURL), title: strings.text("feed_title", ["company": site.settings.company]),
                            subtitle: strings.text("feed_subtitle", ["company": site.settings.company]), baseURL: site.settings.baseURL,
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
                                    summary: e.title, description: strings.text("ics_event_description", ["company": site.settings.company, "title": entry.release.title]),
                                    url: PageRenderer.externalURL(e.url).isEmpty ? nil : PageRenderer.externalURL(e.url))
        let calendar = ICalendar(name: strings.text("ics_calendar_name", ["company": site.settings.company]), events: [event])
        return OutputFile(path: Routes.calendarFile(entry.slug), text: calendar.render())
    }

    // MARK: Data downloads

    /// The layouts a period's CSV and JSON read, as keys of the build's derived tables.
    func dataKeys(_ period: FiscalPeriod) -> [DerivedTables.Key] {
        site.layouts.map { DerivedTables.Key(period, $0.id) }
    }

    /// A period's CSV and JSON files; each hands its derived tables back when made.
    public func dataJobs(_ period: FiscalPeriod) -> [BuildJob] {
        let inputs = digests?.data(period, book: derived.book)
        let keys = dataKeys(period)
        derived.plan(keys)
        derived.plan(keys)
        return [BuildJob(Routes.data(period, "csv"), inputs: inputs) { defer { derived.done(keys) }; return csv(period) },
                BuildJob(Routes.data(period, "json"), inputs: inputs) { defer { derived.done(keys) }; return json(period) }]
    }

    /// One measure of a statement in the data files: which column of the period's table, its name and unit.
    struct Measure {
        var column: Int
        var name: String
        var unit: (LineRow) -> String
    }

    /// What the data files print of `layout` in `period`: the value; the translation when the
    /// period has a rate; the "% of" column; the changes against the prior year and quarter
    /// when those periods have figures.
    func measures(_ layout: Layout, _ period: FiscalPeriod, in table: DerivedTable) -> [Measure] {
        let book = derived.book
        func column(_ show: Column.Show, base: FiscalPeriod? = nil) -> Int? {
            table.columns.firstIndex { $0.show == show && $0.base == base }
        }
        var out: [Measure] = []
        if let i = column(.value) { out.append(Measure(column: i, name: "value") { $0.unit.description }) }
        if layout.showsTranslation, site.periods[period]?.translation != nil, let i = column(.translation) {
            // The statement's scale in the translation currency: usd_thousands.
            let unit: String
            if case let .money(_, exponent) = layout.unit, let code = site.settings.translationCurrency {
                unit = Unit.money(currency: code, exponent: exponent).description
            } else {
                unit = ""
            }
            out.append(Measure(column: i, name: "translation") { _ in unit })
        }
        if let base = layout.percentOf, let i = column(.percent) { out.append(Measure(column: i, name: "percent_of_\(base)") { _ in "percent" }) }
        for base in [period.priorYear, period.priorQuarter] where book.hasPeriod(base) {
            if let i = column(.change, base: base) { out.append(Measure(column: i, name: "change_pct_vs_\(base.id)") { _ in "percent" }) }
        }
        return out
    }

    /// A cell as the data files print it: the figure without separators or parentheses
    /// (-68.61, 25.5); nil for a missing or not meaningful figure, and for a blank cell (left out).
    enum DataValue {
        case figure(String)
        case none
        case blank
    }

    static func dataValue(_ cell: DerivedCell) -> DataValue {
        switch cell {
        case .blank: return .blank
        case let .figure(units, places, _): return .figure(plain(units: units, places: places))
        case .missing, .notMeaningful: return .none
        }
    }

    /// `units` × 10^-places written with exactly `places` decimals, as `Exact.plain(places:)` writes it.
    static func plain(units: Int128, places: Int) -> String {
        var digits = String(units.magnitude)
        if places > 0 {
            if digits.utf8.count <= places { digits = String(repeating: "0", count: places + 1 - digits.utf8.count) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return units < 0 ? "-" + digits : digits
    }

    static let csvHeader = ["period", "period_label", "period_end", "statement", "line", "label", "measure", "unit", "value"]

    /// Every fact and derived figure the statements print for `period`, in statement and row
    /// order, record by record into one buffer.
    func csv(_ period: FiscalPeriod) -> OutputFile {
        var text = CSVWriter.record(Self.csvHeader)
        // Every column but the figure is text a spreadsheet must not run as a formula.
        func field(_ s: String) -> String { CSVWriter.field(CSVWriter.text(s)) }
        let periodFields = [period.id, period.label, site.periods[period]?.end.iso ?? ""].map(field).joined(separator: ",") + ","
        for layout in site.layouts {
            let table = derived.table(layout, period)
            let printed = measures(layout, period, in: table)
            let layoutField = field(layout.id) + ","
            // `lineRows` is computed: once per statement, not per row.
            let lineRows = layout.lineRows
            var lineIndex = 0
            for derivedRow in table.rows where !derivedRow.isHeader {
                let row = lineRows[lineIndex]
                lineIndex += 1
                let rowFields = periodFields + layoutField + field(row.line) + "," + field(row.label) + ","
                for m in printed {
                    let value: String
                    switch Self.dataValue(derivedRow.cells[m.column]) {
                    case .blank: continue
                    case .none: value = ""
                    case .figure(let f): value = f
                    }
                    text += rowFields
                    text += field(m.name) + "," + field(m.unit(row)) + "," + CSVWriter.field(value) + "\r\n"
                }
            }
        }
        return OutputFile(path: Routes.data(period, "csv"), text: text)
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
        // Each line once, in its home statement's row order, with its fields already quoted
        // (the same for every period): "statement,line,label,unit," as bytes.
        /// Text fields quoted as CSV and defused as text, each followed by a comma, as bytes.
        func leadingFields(_ values: [String]) -> [UInt8] {
            Array(values.map { CSVWriter.field(CSVWriter.text($0)) }.joined(separator: ",").utf8) + [UInt8(ascii: ",")]
        }
        var lines: [(line: String, fields: [UInt8])] = []
        for layout in site.layouts {
            for row in layout.lineRows where site.lines[row.line]?.home == layout.id {
                // Text columns cannot become spreadsheet formulas; the value is a plain number.
                lines.append((row.line, leadingFields([layout.id, row.line, row.label, row.unit.description])))
            }
        }
        // Record by record into one byte buffer sized up front: at archive scale this is the
        // largest file, so neither a table of fields nor a String (copied to bytes) is kept.
        let periods = site.periods.keys.sorted(by: >)
        var bytes = Array(CSVWriter.record(Self.factsHeader).utf8)
        bytes.reserveCapacity(bytes.count + periods.count * lines.reduce(0) { $0 + $1.fields.count + 40 })
        for period in periods {
            guard let data = site.periods[period] else { continue }
            let prefix = leadingFields([period.id, data.end.iso])
            for (line, fields) in lines {
                guard let fact = data.facts[line] else { continue }
                bytes += prefix
                bytes += fields
                if let value = fact.value { bytes += value.plain(places: fact.places).utf8 }
                bytes += [0x0D, 0x0A]
            }
        }
        return OutputFile(path: Routes.allData, contents: bytes)
    }

    /// The period's figures as JSON, written straight into one buffer in the fixed, sorted key
    /// order `JSONWriter` would give the same tree (the bytes are the same), without building it.
    func json(_ period: FiscalPeriod) -> OutputFile {
        let data = site.periods[period]
        var out = JSONStream()
        out.open("{")
        out.member("company", string: site.settings.company)
        out.member("currency", string: site.settings.currency)
        out.member("period", string: period.id)
        out.member("period_end", string: data?.end.iso ?? "")
        out.member("period_label", string: period.label)
        out.member("period_start", string: data?.start.iso ?? "")
        out.key("statements")
        out.open("[")
        for layout in site.layouts {
            let table = derived.table(layout, period)
            // A row's measures in key order: the same for every row of the statement.
            let printed = measures(layout, period, in: table)
                .sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
            out.element()
            out.open("{")
            out.member("id", string: layout.id)
            out.key("lines")
            out.open("[")
            // `lineRows` is computed: once per statement, not per row.
            let lineRows = layout.lineRows
            var lineIndex = 0
            for derivedRow in table.rows where !derivedRow.isHeader {
                let row = lineRows[lineIndex]
                lineIndex += 1
                out.element()
                out.open("{")
                out.key("figures")
                out.open("{")
                for m in printed {
                    let value = Self.dataValue(derivedRow.cells[m.column])
                    if case .blank = value { continue }
                    out.key(m.name)
                    out.open("{")
                    out.member("unit", string: m.unit(row))
                    out.key("value")
                    if case .figure(let f) = value, JSONWriter.Number.isValid(f) { out.raw(f) } else { out.raw("null") }
                    out.close("}")
                }
                out.close("}")
                out.member("label", string: row.label)
                out.member("line", string: row.line)
                out.close("}")
            }
            out.close("]")
            out.member("title", string: layout.title)
            out.member("unit", string: layout.unit.description)
            out.close("}")
        }
        out.close("]")
        if let t = data?.translation {
            out.key("translation")
            out.open("{")
            out.member("currency", string: site.settings.translationCurrency ?? "")
            out.key("rate")
            out.raw(JSONWriter.Number.isValid(t.rateText) ? t.rateText : "null")
            out.member("rate_date", string: t.date.iso)
            out.close("}")
        }
        out.close("}")
        out.raw("\n")
        return OutputFile(path: Routes.data(period, "json"), contents: out.bytes)
    }
}
