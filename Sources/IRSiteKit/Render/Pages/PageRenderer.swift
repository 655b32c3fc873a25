import Foundation

/// Renders every page of a checked site into ``OutputFile`` values. Pure apart
/// from the templates it was given; pages render independently.
public struct PageRenderer: Sendable {
    public let site: Site
    public let templates: Templates
    /// Releases shown although not published (preview builds only), with why.
    public let unpublished: [FiscalPeriod: ReleaseStatus]
    /// The build's "now" (seconds since 1970): decides upcoming events and quiet periods.
    public let now: Int
    /// Set when the build prints each summary to PDF: pages then link the PDF.
    public let pdfPaper: Paper?
    let calendar: FinancialCalendar
    /// Each release's charts, resolved once against the published site.
    public let charts: [FiscalPeriod: [ReleaseChart]]
    /// The charts drawn for this build's pages and chart files, each once.
    public let drawings: ChartDrawings
    public let book: FactBook
    /// The build's derived tables, shared with the data files.
    public let derived: DerivedTables
    let tables: TableBuilder
    let formatter: FigureFormatter
    /// Input digests, for incremental builds; nil: every page is made.
    public let digests: SiteDigests?
    /// The notice every page shows while a quiet period is in force (worked out once).
    let quietPeriodNotice: String
    /// The interface words: the theme's table with the site's `strings:`.
    public let strings: Translations

    /// - Parameters:
    ///   - book: the site's fact book, when the caller has one (else it is made here).
    ///   - calendar: the site's financial calendar, likewise.
    ///   - charts: each release's charts resolved against `site` (the pipeline's chart step), else resolved here.
    ///   - derived: the build's derived tables, likewise.
    ///   - strings: the interface words (``Templates/strings(for:)``); else the theme's table with the site's overrides it knows.
    public init(site: Site, templates: Templates, now: Int, unpublished: [FiscalPeriod: ReleaseStatus] = [:], pdfPaper: Paper? = nil,
                digests: SiteDigests? = nil, book: FactBook? = nil, calendar: FinancialCalendar? = nil,
                charts: [FiscalPeriod: [ReleaseChart]]? = nil, derived: DerivedTables? = nil,
                strings: Translations? = nil) {
        self.site = site
        let strings = strings ?? templates.translations.overriding(site.settings.strings)
        self.strings = strings
        self.digests = digests
        self.templates = templates
        self.now = now
        self.pdfPaper = pdfPaper
        self.unpublished = unpublished
        self.calendar = calendar ?? FinancialCalendar(site: site)
        self.book = book ?? FactBook(site: site)
        let charts = charts ?? ReleaseCharts.all(in: self.book)
        self.charts = charts
        drawings = ChartDrawings(charts: charts, site: site, strings: strings)
        quietPeriodNotice = Self.quietPeriodNotice(self.calendar, now: now, shortName: site.settings.shortName, strings: strings)
        self.derived = derived ?? DerivedTables(deriver: StatementDeriver(book: self.book))
        tables = TableBuilder(site: site, strings: strings)
        formatter = FigureFormatter(site.settings.figures)
    }

    /// Home, archive and calendar. Home and calendar depend on "now" and the latest body: made every
    /// time (compared by their bytes); the archive by what it lists.
    public var generalJobs: [BuildJob] {
        [BuildJob(Routes.home) { try home() },
         BuildJob(Routes.archive, inputs: digests?.releaseListing(site.releases, unpublished: Set(unpublished.keys))) { try archive() },
         BuildJob(Routes.calendar) { try calendarPage() }]
    }

    /// The quarters the statements page shows, newest first.
    var recentPeriods: [FiscalPeriod] { Array(site.periods.keys.sorted(by: >).prefix(Routes.recentQuarters)) }


    /// The statements page of `periods`, which reads their derived tables.
    func statementsJob(_ periods: [FiscalPeriod], years: [Int], fiscalYear: Int? = nil) -> BuildJob {
        let keys = periods.flatMap { p in site.layouts.map { DerivedTables.Key(p, $0.id) } }
        derived.plan(keys)
        return BuildJob(fiscalYear.map { Routes.statements(fiscalYear: $0) } ?? Routes.statements,
                        inputs: digests?.statements(periods, linking: years, book: book)) {
            defer { derived.done(keys) }
            return try statements(periods, years: years, fiscalYear: fiscalYear)
        }
    }

    /// The fiscal years that have figures on the site, newest first.
    var fiscalYears: [Int] { Set(site.periods.keys.map(\.year)).sorted(by: >) }

    /// A release's page and printable summary, each fingerprinted by what it shows.
    public func releaseJobs(_ release: Release) -> [BuildJob] {
        let summary = digests?.release(release, charts: charts[release.period] ?? [], status: notForRelease(release), book: book, wholeFile: false)
        // Every table the page could embed (the layouts' columns), handed back once it is made.
        let keys = Set(site.layouts.flatMap { layout in
            StatementDeriver.columns(of: layout, for: release.period).map { DerivedTables.Key($0.period, layout.id) }
        })
        derived.plan(keys)
        return [BuildJob(Routes.release(release.period), inputs: releaseGroup(release)) {
                    defer { derived.done(keys) }
                    return try releasePage(release)
                },
                BuildJob(Routes.summary(release.period), inputs: summary) { try summaryPage(release) }]
    }

    /// What a release's page and attachments depend on (nil without digests).
    public func releaseGroup(_ release: Release) -> Fingerprint? {
        digests?.release(release, charts: charts[release.period] ?? [], status: notForRelease(release), book: book)
    }

    /// Every release's attachments, copied next to its page.
    public var attachmentJobs: [BuildJob] {
        site.releases.flatMap { release in
            let group = releaseGroup(release)
            return release.attachments.map { a in
                let path = Routes.releaseFolder(release.period) + a.name
                return BuildJob(path, inputs: group) { OutputFile(path: path, copying: a.path) }
            }
        }
    }


    // MARK: Pages

    func home() throws -> OutputFile {
        let path = Routes.home
        let latest = site.releases.first
        var context = HomeContext(company: site.settings.company, hasRelease: latest != nil, release: nil, headline: [],
                                  currentLabel: "", yoyLabel: "", qoqLabel: "", headlineUnit: "", summaryHTML: "",
                                  hasGuidance: false, guidance: nil, nextEvent: nil, hasNextEvent: false, chartsHTML: "",
                                  archiveHref: Routes.root(from: path) + Routes.archive, statementsHref: Routes.root(from: path) + Routes.statements)
        if let release = latest {
            let p = release.period
            context.release = summary(release, from: path)
            context.currentLabel = p.label
            context.yoyLabel = strings.text("change_vs", ["period": p.priorYear.label])
            context.qoqLabel = strings.text("change_vs", ["period": p.priorQuarter.label])
            let units = site.settings.headline.map { headlineUnit($0) }
            let shared = Set(units).count == 1 ? units.first : nil
            context.headline = site.settings.headline.map { headlineFigure($0, p, showUnit: shared == nil) }
            context.headlineUnit = shared?.caption ?? ""
            context.summaryHTML = Markdown.firstListHTML(in: release.body, options: markdownOptions) ?? ""
            if let g = release.guidance {
                context.guidance = guidanceContext(g)
                context.hasGuidance = true
            }
            context.chartsHTML = try (charts[release.period] ?? []).filter(\.home)
                .map { try chartHTML($0, from: path) }.joined(separator: "\n")
            if let next = calendar.upcoming(now: now).first {
                context.nextEvent = eventContext(next, from: path)
                context.hasNextEvent = true
            }
        }
        let company = site.settings.company
        let description = latest.map { strings.text("home_description", ["company": company, "period": $0.period.longLabel]) }
            ?? strings.text("home_description_no_release", ["company": company])
        return try page(path, title: strings.text("home_title"), description: description, section: "home",
                        body: try templates.render(context, "index"))
    }

    func archive() throws -> OutputFile {
        let path = Routes.archive
        var years: [ArchiveYear] = []
        for release in site.releases {
            let fy = release.period.year
            if years.last?.id != "fy\(fy)" {
                let start = site.settings.calendar.start(of: FiscalPeriod(year: fy, quarter: 1))
                let end = site.settings.calendar.end(of: FiscalPeriod(year: fy, quarter: 4))
                let label = strings.text("archive_fiscal_year", ["year": String(fy), "start_month": strings.text("month_\(start.month)"),
                                                                 "start_year": String(start.year), "end_month": strings.text("month_\(end.month)"),
                                                                 "end_year": String(end.year)])
                years.append(ArchiveYear(label: label, id: "fy\(fy)", releases: []))
            }
            years[years.count - 1].releases.append(summary(release, from: path))
        }
        let context = ArchiveContext(years: years, hasReleases: !years.isEmpty)
        return try page(path, title: strings.text("archive_title"),
                        description: strings.text("archive_description", ["company": site.settings.company]),
                        section: "archive", body: try templates.render(context, "archive"))
    }

    /// The statements across `periods` (newest first): the recent quarters at
    /// `statements/`, or one fiscal year's quarters on its own page.
    func statements(_ periods: [FiscalPeriod], years: [Int], fiscalYear: Int? = nil) throws -> OutputFile {
        let path = fiscalYear.map { Routes.statements(fiscalYear: $0) } ?? Routes.statements
        var rendered: [RenderedTable] = []
        for layout in site.layouts where !periods.isEmpty {
            let columns = periods.flatMap { p -> [ResolvedColumn] in
                var c = [ResolvedColumn(show: .value, period: p)]
                if layout.percentOf != nil { c.append(ResolvedColumn(show: .percent, period: p)) }
                return c
            }
            let table = tables.context(derived.table(layout, columns: columns), ownColumns: false)
            rendered.append(RenderedTable(id: layout.id, title: layout.title, html: try templates.render(table, "table")))
        }
        let root = Routes.root(from: path)
        let yearLinks = years.map { year in
            NavItem(label: FiscalPeriod(year: year, quarter: 1).fiscalYearLabel, href: root + Routes.statements(fiscalYear: year),
                     isCurrent: year == fiscalYear)
        }
        let links = downloads(for: periods, from: path)
        let yearLabel = fiscalYear.map { FiscalPeriod(year: $0, quarter: 1).fiscalYearLabel } ?? ""
        let context = StatementsContext(periods: periods.map(\.label).joined(separator: strings.text("list_separator")), count: periods.count, isEmpty: periods.isEmpty,
                                        fiscalYear: yearLabel, isFiscalYear: fiscalYear != nil, latestHref: root + Routes.statements,
                                        years: yearLinks, hasYears: !yearLinks.isEmpty,
                                        tables: rendered, downloads: links, hasDownloads: !links.isEmpty)
        let title = fiscalYear == nil ? strings.text("statements_title") : strings.text("statements_title_fiscal_year", ["year": yearLabel])
        return try page(path, title: title, description: strings.text("statements_description", ["title": title, "company": site.settings.company]),
                        section: "statements", body: try templates.render(context, "statements"))
    }

    func calendarPage() throws -> OutputFile {
        let path = Routes.calendar
        let upcoming = calendar.entries.filter { $0.start >= now || ($0.end.map { now < $0 } ?? false) }
        let past = calendar.entries.filter { e in !upcoming.contains { $0.slug == e.slug } }.reversed()
        let context = CalendarContext(upcoming: upcoming.map { eventContext($0, from: path) }, past: past.map { eventContext($0, from: path) },
                                      hasUpcoming: !upcoming.isEmpty, hasPast: !past.isEmpty, quietPeriodNotice: quietPeriodNotice)
        return try page(path, title: strings.text("calendar_title"), description: strings.text("calendar_description", ["company": site.settings.company]),
                        section: "calendar", body: try templates.render(context, "calendar"))
    }

    /// The notice every page shows while a quiet period is in force.
    static func quietPeriodNotice(_ calendar: FinancialCalendar, now: Int, shortName: String, strings: Translations) -> String {
        guard let q = calendar.quietPeriod(at: now) else { return "" }
        let until = q.until?.long ?? strings.text("quiet_period_until_next_release")
        return strings.text("quiet_period_notice", ["start": q.event.start.date.long, "until": until, "company": shortName])
    }

    func releasePage(_ release: Release) throws -> OutputFile {
        let path = Routes.release(release.period)
        let (layouts, _) = ReleaseEmbeds.statements(in: release, site: site)
        let charts = self.charts[release.period] ?? []
        let body = try Markdown.render(release.body, options: markdownOptions, embedKinds: ReleaseEmbeds.kinds) { embed throws -> String in
            if embed.kind == "guidance", let g = release.guidance {
                return try templates.render(guidanceContext(g), "guidance")
            }
            if embed.kind == "chart", let chart = charts.first(where: { $0.embed == embed }) {
                return try chartHTML(chart, from: path)
            }
            guard let layout = layouts[embed] else {
                throw LocatedError("cannot render embed", at: release.document.location(line: embed.line, column: embed.column))
            }
            let table = derived.table(layout, columns: StatementDeriver.columns(of: layout, for: release.period))
            return try templates.render(tables.context(table), "table")
        }
        let contacts = site.settings.contacts.map {
            ContactContext(heading: $0.heading, organization: $0.organization ?? "", name: $0.name ?? "", role: $0.role ?? "",
                           email: $0.email ?? "", hasEmail: $0.email != nil, phone: $0.phone ?? "")
        }
        let corrections = release.corrections.map { CorrectionContext(date: $0.date.date.long, iso: $0.date.description, note: $0.note) }
        let context = ReleasePageContext(release: summary(release, from: path), notForRelease: notForRelease(release),
                                         corrections: corrections, hasCorrections: !corrections.isEmpty, dateline: release.dateline ?? "",
                                         contacts: contacts, hasContacts: !contacts.isEmpty, bodyHTML: body,
                                         archiveHref: Routes.root(from: path) + Routes.archive,
                                         statementsHref: Routes.root(from: path) + Routes.statements,
                                         downloads: downloads(for: [release.period], from: path))
        let description = release.document.outline.firstParagraphText ?? release.title
        return try page(path, title: release.title, description: description, section: "archive",
                        body: try templates.render(context, "release"), article: release)
    }

    // MARK: Parts

    var markdownOptions: MarkdownOptions { MarkdownOptions(allowRawHTML: site.settings.rawHTML) }

    func page(_ path: String, title: String, description: String, section: String, body: String,
              article: Release? = nil) throws -> OutputFile {
        let root = Routes.root(from: path)
        let nav = [("home", "nav_home", Routes.home), ("archive", "nav_releases", Routes.archive), ("statements", "nav_statements", Routes.statements),
                   ("calendar", "nav_calendar", Routes.calendar)]
            .map { NavItem(label: strings.text($0.1), href: root + $0.2, isCurrent: $0.0 == section) }
        let context = LayoutContext(lang: site.settings.language,
                                    documentTitle: strings.text("document_title", ["title": title, "company": site.settings.company]),
                                    description: Self.summarize(description, limit: 300), root: root, company: site.settings.company,
                                    listing: site.settings.listing ?? "", nav: nav, contentHTML: body, generator: "IRSite \(IRSite.version)",
                                    noindex: !unpublished.isEmpty,
                                    previewNotice: unpublished.isEmpty ? "" : strings.text("preview_notice"),
                                    quietPeriodNotice: quietPeriodNotice, feedHref: root + Routes.feed,
                                    canonicalURL: Routes.absolute(path, base: site.settings.baseURL),
                                    ogType: article == nil ? "website" : "article", ogTitle: title,
                                    jsonLDHTML: article.map { jsonLD($0, path: path, description: description) } ?? "",
                                    bodyClass: "page-\(section)")
        return OutputFile(path: path, contents: try templates.renderBytes(context, "layout"))
    }

    /// A description that ends at a sentence (or word) boundary within `limit` characters.
    static func summarize(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = String(text.prefix(limit))
        if let end = head.range(of: ". ", options: .backwards), head.distance(from: head.startIndex, to: end.lowerBound) > limit / 3 {
            return String(head[...end.lowerBound])
        }
        let words = head.split(separator: " ").dropLast().joined(separator: " ")
        return words + "…"
    }

    /// schema.org `NewsArticle` for a release page, safe inside `<script>`.
    func jsonLD(_ release: Release, path: String, description: String) -> String {
        // Written straight out in sorted key order, as `JSONWriter` prints the same object.
        var out = JSONStream()
        func organization() {
            out.open("{")
            out.member("@type", string: "Organization")
            out.member("name", string: site.settings.company)
            out.close("}")
        }
        out.open("{")
        out.member("@context", string: "https://schema.org")
        out.member("@type", string: "NewsArticle")
        out.key("author")
        organization()
        out.member("dateModified", string: release.updated.description)
        out.member("datePublished", string: release.released.description)
        out.member("description", string: Self.summarize(description, limit: 300))
        out.member("headline", string: release.title)
        out.key("publisher")
        organization()
        out.member("url", string: Routes.absolute(path, base: site.settings.baseURL))
        out.close("}")
        // `<`, `>` and `&` occur only inside JSON strings, where their \u escapes mean the same:
        // the text can never close the script element.
        let json = out.text
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return "<script type=\"application/ld+json\">\n" + json + "\n</script>"
    }

    /// A chart as a figure: inline SVG, its data as a table, a link to the standalone file.
    func chartHTML(_ chart: ReleaseChart, from path: String) throws -> String {
        let drawn = drawings.drawing(of: chart)
        let svg = drawn.svg, table = drawn.table
        let context = ChartContext(id: "chart-\(chart.id)", title: chart.spec.title, svgHTML: svg,
                                   table: ChartTableContext(caption: table.caption, columnHeaders: table.columnHeaders,
                                                            rows: table.rows.map { ChartTableRow(header: $0.header, cells: $0.cells) }),
                                   downloadHref: Routes.root(from: path) + chart.file)
        return try templates.render(context, "chart")
    }

    /// The printable quarterly summary: paper first, two pages at most.
    func summaryPage(_ release: Release) throws -> OutputFile {
        let path = Routes.summary(release.period)
        let p = release.period
        let figureSpecs = site.settings.summary.figures ?? site.settings.headline
        // The caption names the first figure's unit; a figure in another unit names its own.
        func rows(_ specs: [HeadlineLine]) -> (caption: String, rows: [HeadlineFigure]) {
            guard let first = specs.first.map(headlineUnit) else { return ("", []) }
            return (first.caption, specs.map { spec in
                headlineFigure(spec, p, showUnit: headlineUnit(spec) != first && !spec.label.contains("("))
            })
        }
        let figures = rows(figureSpecs)
        let segments = rows(site.settings.summary.segments)
        let charts = self.charts[release.period] ?? []
        let chosen = site.settings.summary.charts.compactMap { id in charts.first { $0.id == id } }
        let contacts = site.settings.contacts.map {
            ContactContext(heading: $0.heading, organization: $0.organization ?? "", name: $0.name ?? "", role: $0.role ?? "",
                           email: $0.email ?? "", hasEmail: $0.email != nil, phone: $0.phone ?? "")
        }
        let context = SummaryContext(
            company: site.settings.company, listing: site.settings.listing ?? "", release: summary(release, from: path),
            currentLabel: p.label, yoyLabel: strings.text("change_vs", ["period": p.priorYear.label]),
            qoqLabel: strings.text("change_vs", ["period": p.priorQuarter.label]),
            figuresUnit: figures.caption, figures: figures.rows,
            segmentsUnit: segments.caption, segments: segments.rows, hasSegments: !segments.rows.isEmpty,
            chartsHTML: try chosen.map { try chartHTML($0, from: path) }.joined(separator: "\n"),
            guidance: release.guidance.map(guidanceContext), contacts: contacts,
            safeHarbour: site.settings.summary.safeHarbour ?? "", releaseHref: Routes.root(from: path) + Routes.release(p))
        return try page(path, title: strings.text("summary_title", ["period": p.longLabel]),
                        description: strings.text("summary_description", ["company": site.settings.company, "period": p.longLabel, "title": release.title]),
                        section: "summary", body: try templates.render(context, "summary"))
    }

    /// Links to the data files of `periods`, then the combined file.
    func downloads(for periods: [FiscalPeriod], from path: String) -> [DownloadLink] {
        let root = Routes.root(from: path)
        let shown = periods.filter { site.periods[$0] != nil }
        guard !shown.isEmpty else { return [] }
        return shown.flatMap { p in
            [DownloadLink(label: strings.text("download_figures", ["period": p.label]), format: "CSV", href: root + Routes.data(p, "csv")),
             DownloadLink(label: strings.text("download_figures", ["period": p.label]), format: "JSON", href: root + Routes.data(p, "json"))]
        } + [DownloadLink(label: strings.text("download_all_quarters"), format: "CSV", href: root + Routes.allData)]
    }

    /// The banner of a release shown in a preview before it is out.
    func notForRelease(_ release: Release) -> String {
        switch unpublished[release.period] {
        case nil, .published?: return ""
        case .draft?: return strings.text("not_for_release_draft")
        case .embargoed(let until)?:
            let when = until.timeText.map { strings.text("date_and_time", ["date": until.date.long, "time": $0]) } ?? until.date.long
            return strings.text("not_for_release_embargoed", ["until": when])
        }
    }

    func summary(_ release: Release, from path: String) -> ReleaseSummary {
        let p = release.period
        let data = site.periods[p]
        let start = data?.start ?? site.settings.calendar.start(of: p)
        let end = data?.end ?? site.settings.calendar.end(of: p)
        let folder = Routes.root(from: path) + Routes.releaseFolder(p)
        let attachments = release.attachments.map {
            AttachmentContext(name: $0.name, href: folder + $0.name, kind: Self.kind(of: $0.name, strings: strings),
                              size: Self.size($0.size, strings: strings))
        }
        return ReleaseSummary(title: release.title, subtitle: release.subtitle ?? "", hasSubtitle: release.subtitle != nil,
                              periodLabel: p.longLabel, periodDates: strings.text("date_range", ["start": start.short, "end": end.short]),
                              releasedDate: release.released.date.long, releasedISO: release.released.description,
                              href: Routes.root(from: path) + Routes.release(p), summaryHref: Routes.root(from: path) + Routes.summary(p),
                              pdfHref: pdfPaper == nil ? "" : Routes.root(from: path) + Routes.summaryPDF(p),
                              attachments: attachments, hasAttachments: !attachments.isEmpty)
    }

    /// "PDF", "PPTX", … from the file name.
    static func kind(of name: String, strings: Translations) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return strings.text("file_kind_unknown") }
        return name[name.index(after: dot)...].uppercased()
    }

    /// A file size as people read it: "812 bytes", "245 KB", "3.4 MB".
    static func size(_ bytes: Int, strings: Translations) -> String {
        if bytes < 1024 { return strings.plural("file_size_bytes", count: bytes) }
        if bytes < 1024 * 1024 { return strings.text("file_size_kb", ["size": String((bytes + 512) / 1024)]) }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return strings.text("file_size_mb", ["size": "\(tenths / 10).\(tenths % 10)"])
    }

    func headlineUnit(_ spec: HeadlineLine) -> Unit { spec.unit ?? site.lines[spec.line.value]?.unit ?? .count }

    func headlineFigure(_ spec: HeadlineLine, _ period: FiscalPeriod, showUnit: Bool) -> HeadlineFigure {
        let unit = headlineUnit(spec)
        let def = site.lines[spec.line.value]
        // The line's own precision (6.4 Gbps, (68.61) yen); whole units once converted to a coarser unit.
        let places = def.map { $0.unit == unit ? $0.decimals : 0 } ?? 0
        let current = book.value(spec.line.value, period, in: unit)
        func change(_ base: FiscalPeriod) -> String {
            guard let c = formatter.change(from: book.value(spec.line.value, base), to: book.value(spec.line.value, period)) else {
                return current == nil ? site.settings.figures.missing : site.settings.figures.notMeaningful
            }
            return formatter.format(c, places: 1, suffix: "%")
        }
        return HeadlineFigure(label: showUnit ? strings.text("headline_label_with_unit", ["label": spec.label, "unit": unit.caption]) : spec.label,
                              value: current.map { formatter.format($0, places: places) } ?? site.settings.figures.missing,
                              yoy: change(period.priorYear), qoq: change(period.priorQuarter), isNegative: current?.isNegative ?? false)
    }

    func guidanceContext(_ g: Guidance) -> GuidanceContext {
        let start = site.settings.calendar.start(of: g.period), end = site.settings.calendar.end(of: g.period)
        return GuidanceContext(caption: strings.text("guidance_caption", ["period": g.period.longLabel, "start": start.short, "end": end.short]),
                               periodLabel: g.period.label, unit: g.unit.caption,
                               rows: g.items.map { GuidanceRow(label: $0.label, low: formatter.format($0.low.value.value, places: $0.low.value.places),
                                                               high: formatter.format($0.high.value.value, places: $0.high.value.places)) })
    }

    func eventContext(_ entry: FinancialCalendar.Entry, from path: String) -> EventContext {
        let e = entry.event
        func moment(_ t: Timestamp) -> String {
            t.timeText.map { strings.text("date_and_time", ["date": t.date.long, "time": $0]) } ?? t.date.long
        }
        var when = moment(e.start)
        if let end = e.end { when = strings.text("event_span", ["start": when, "end": moment(end)]) }
        let key = ["call": "event_kind_call", "results": "event_kind_results", "quietPeriod": "event_kind_quiet_period"]["\(e.kind)"] ?? "event_kind_event"
        let kind = strings.text(key)
        let root = Routes.root(from: path)
        return EventContext(title: e.title, kind: kind, when: when, iso: e.start.description, url: Self.externalURL(e.url), hasURL: e.url != nil,
                            releaseTitle: entry.release.title, releaseHref: root + Routes.release(entry.release.period),
                            icsHref: root + Routes.calendarFile(entry.slug))
    }

    /// A link from content as an absolute URL: `www.vcall.com` becomes `https://www.vcall.com`.
    static func externalURL(_ url: String?) -> String {
        guard let url, !url.isEmpty else { return "" }
        return url.contains("://") || url.hasPrefix("mailto:") ? url : "https://" + url
    }
}
