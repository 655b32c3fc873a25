/// The site's routes: where each page lives, relative to the output root.
public enum Routes {
    public static let home = "index.html"
    public static let archive = "releases/index.html"
    public static let statements = "statements/index.html"
    /// The statements of one fiscal year's quarters: `statements/fy2001/index.html`.
    public static func statements(fiscalYear: Int) -> String { "statements/fy\(fiscalYear)/index.html" }
    /// How many quarters, newest first, the statements page shows; the rest are on the fiscal-year pages.
    public static let recentQuarters = 8
    /// How many fiscal years on either side a fiscal year's statements page links to; the
    /// statements page of the recent quarters links to every year. Linking every year from
    /// every year's page made the site grow with the square of its years.
    public static let neighbouringYears = 2

    /// The fiscal years a fiscal year's statements page links, newest first: `year` and the
    /// `neighbouringYears` on either side of it in `years` (newest first); all of `years`
    /// when `year` is not among them.
    public static func linkedYears(from year: Int, in years: [Int]) -> [Int] {
        guard let at = years.firstIndex(of: year) else { return years }
        return Array(years[max(0, at - neighbouringYears)...min(years.count - 1, at + neighbouringYears)])
    }
    public static let stylesheet = "assets/site.css"
    public static let calendar = "calendar/index.html"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"

    /// The absolute URL of a site path under `base` (feeds, sitemap and canonical links only;
    /// pages link relatively). `index.html` is dropped so the URL is the folder's.
    public static func absolute(_ path: String, base: String) -> String {
        AbsoluteURL.join(base: base, path: AbsoluteURL.folderPath(path))
    }

    public static let allData = "data/all.csv"

    /// A release's chart as a standalone file: `charts/2001-q2-revenue-by-segment.svg`.
    public static func chart(_ period: FiscalPeriod, _ id: String) -> String { "charts/\(period.id)-\(id).svg" }

    /// A period's data download: `data/2001-q2.csv`, `data/2001-q2.json`.
    public static func data(_ period: FiscalPeriod, _ ext: String) -> String { "data/\(period.id).\(ext)" }

    /// One event as an iCalendar file.
    public static func calendarFile(_ slug: String) -> String { "calendar/\(slug).ics" }

    public static func release(_ period: FiscalPeriod) -> String { releaseFolder(period) + "index.html" }

    /// The printable quarterly summary and its PDF.
    public static func summary(_ period: FiscalPeriod) -> String { releaseFolder(period) + "summary.html" }
    public static func summaryPDF(_ period: FiscalPeriod) -> String { releaseFolder(period) + "summary.pdf" }

    /// A release's permanent folder, from its fiscal period alone: `releases/2001-q2/`.
    public static func releaseFolder(_ period: FiscalPeriod) -> String { "releases/\(period.id)/" }

    /// The relative prefix from a page at `path` back to the root: "" or "../../".
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
