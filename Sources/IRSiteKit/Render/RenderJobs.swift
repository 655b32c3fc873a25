/// Every page and generated file of a site as build jobs, in an order that keeps
/// few derived tables in memory: period by period, newest first, each period's
/// release page, summary and charts, then its CSV and JSON, then a statements
/// page as soon as the periods it shows are done. A period's table is read by
/// the releases of the next quarter and of the same quarter a year later, by its
/// own release and data files and by a statements page, all within a few periods
/// of each other, and dropped after the last of them.
public struct RenderJobs: Sendable {
    public private(set) var jobs: [BuildJob] = []
    /// How many of them are HTML pages, chart files and other generated files (feed, data …).
    public private(set) var pages = 0
    public private(set) var charts = 0
    public private(set) var dataFiles = 0

    public init(renderer: PageRenderer, published: PublishedFiles) {
        let site = renderer.site
        let general = renderer.generalJobs, files = published.siteJobs
        jobs = general + files
        pages = general.count
        dataFiles = files.count
        let years = renderer.fiscalYears
        let recent = renderer.recentPeriods
        let releases = Dictionary(site.releases.map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        let periods = Set(site.periods.keys).union(releases.keys).sorted(by: >)
        // A fiscal year's page comes after its oldest period; the recent page after the last it shows.
        let oldestOfYear = Dictionary(periods.map { ($0.year, $0) }, uniquingKeysWith: min)
        // Each fiscal year's quarters, newest first (grouped once: asking per year scanned every period).
        let quartersOfYear = Dictionary(grouping: site.periods.keys.sorted(by: >), by: \.year)
        var statements: [BuildJob] = []
        if recent.isEmpty || periods.isEmpty { statements.append(renderer.statementsJob(recent, years: years)) }
        for period in periods {
            if let release = releases[period] {
                let releasePages = renderer.releaseJobs(release), releaseCharts = published.chartJobs(release)
                jobs += releasePages + releaseCharts
                pages += releasePages.count
                charts += releaseCharts.count
            }
            if site.periods[period] != nil {
                let data = published.dataJobs(period)
                jobs += data
                dataFiles += data.count
            }
            if period == recent.last { statements.append(renderer.statementsJob(recent, years: years)) }
            if oldestOfYear[period.year] == period, years.contains(period.year) {
                statements.append(renderer.statementsJob(quartersOfYear[period.year] ?? [], years: Routes.linkedYears(from: period.year, in: years),
                                                         fiscalYear: period.year))
            }
            jobs += statements
            pages += statements.count
            statements = []
        }
        jobs += statements
        pages += statements.count
    }
}
