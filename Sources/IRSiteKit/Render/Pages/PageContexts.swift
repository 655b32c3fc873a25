/// The values templates place. Templates hold no logic: every string here is
/// final (formatted, escaped by Mustache unless it is `…HTML`), and every
/// decision (which periods, which rows, signs, footing) was made in Swift.

/// Wraps every page: `Templates/layout.mustache`.
public struct LayoutContext: Sendable {
    /// `lang` attribute.
    public var lang: String
    /// `<title>`: "Page — Company Investor Relations".
    public var documentTitle: String
    public var description: String
    /// Relative path from this page to the site root, "" or "../../" (always ends with "/" unless empty).
    public var root: String
    public var company: String
    public var listing: String
    public var nav: [NavItem]
    /// The page body, already rendered HTML.
    public var contentHTML: String
    public var generator: String
    /// Keep search engines out: set on every page of a preview build.
    public var noindex: Bool
    /// A preview build's site-wide notice ("Preview build: includes material not yet released"); may be "".
    public var previewNotice: String
    /// Shown on every page while the build's "now" falls in a quiet period; may be "".
    public var quietPeriodNotice: String
    /// The Atom feed, relative (`<link rel="alternate">` on every page).
    public var feedHref: String
    /// Absolute URL of this page from `site.yaml`'s base URL (canonical link, Open Graph).
    public var canonicalURL: String
    /// Open Graph: "website" or "article".
    public var ogType: String
    public var ogTitle: String
    /// schema.org JSON-LD for a release page (`NewsArticle`), already safe inside `<script>`; may be "".
    public var jsonLDHTML: String
    /// "page-summary" on the printable summary (print-first styles), else "page-<section>".
    public var bodyClass: String
}

public struct NavItem: Sendable {
    public var label: String
    public var href: String
    public var isCurrent: Bool
}

/// `Templates/index.mustache`: the home page.
public struct HomeContext: Sendable {
    public var company: String
    public var hasRelease: Bool
    public var release: ReleaseSummary?
    public var headline: [HeadlineFigure]
    /// Comparison labels for the headline table header: "2Q01", "vs 2Q00", "vs 1Q01".
    public var currentLabel: String
    public var yoyLabel: String
    public var qoqLabel: String
    public var headlineUnit: String
    public var summaryHTML: String
    public var hasGuidance: Bool
    public var guidance: GuidanceContext?
    public var nextEvent: EventContext?
    public var hasNextEvent: Bool
    /// The latest release's charts marked `home: true`, each rendered with the `chart` partial.
    public var chartsHTML: String
    public var archiveHref: String
    public var statementsHref: String
}

public struct ReleaseSummary: Sendable {
    public var title: String
    public var subtitle: String
    public var hasSubtitle: Bool
    public var periodLabel: String      // "2Q FY2001"
    public var periodDates: String      // "Jul 1, 2001 – Sept 30, 2001"
    public var releasedDate: String     // "November 13, 2001"
    public var releasedISO: String      // "2001-11-13T15:00:00+09:00" for <time datetime>
    public var href: String             // relative to the page it is on
    /// The printable summary, and its PDF when the build made one ("" otherwise).
    public var summaryHref: String
    public var pdfHref: String
    public var attachments: [AttachmentContext]
    public var hasAttachments: Bool
}

/// A file published with a release.
public struct AttachmentContext: Sendable {
    public var name: String             // "2q01-release.pdf"
    public var href: String             // relative to the page it is on
    public var kind: String             // "PDF"
    public var size: String             // "245 KB"
}

public struct HeadlineFigure: Sendable {
    public var label: String
    public var value: String            // "9,528"
    public var yoy: String              // "17.5%" or "(102.5)%" or "n/m"
    public var qoq: String
    public var isNegative: Bool
}

/// `Templates/guidance.mustache`.
public struct GuidanceContext: Sendable {
    public var caption: String          // "Anticipated financial performance, 3Q FY2001 (Oct 1 – Dec 31, 2001)"
    public var periodLabel: String      // "3Q01"
    public var unit: String             // "JPY in millions"
    public var rows: [GuidanceRow]
}

public struct GuidanceRow: Sendable {
    public var label: String
    public var low: String
    public var high: String
}

public struct EventContext: Sendable {
    public var title: String
    public var kind: String             // "Conference call", "Results", "Quiet period", "Event"
    public var when: String             // "November 14, 2001, 09:00 (UTC−05:00)"
    public var iso: String
    public var url: String
    public var hasURL: Bool
    /// The release that announced it, relative to the page.
    public var releaseTitle: String
    public var releaseHref: String
    /// The event's `.ics` file, relative to the page.
    public var icsHref: String
}

/// `Templates/calendar.mustache`: the financial calendar.
public struct CalendarContext: Sendable {
    public var upcoming: [EventContext]
    public var past: [EventContext]
    public var hasUpcoming: Bool
    public var hasPast: Bool
    public var quietPeriodNotice: String
}

/// A dated correction shown with a release.
public struct CorrectionContext: Sendable {
    public var date: String             // "November 20, 2001"
    public var iso: String
    public var note: String
}

/// `Templates/release.mustache`: one release, in full.
public struct ReleasePageContext: Sendable {
    public var release: ReleaseSummary
    /// "NOT FOR RELEASE — embargoed until …" or "… draft" in a preview build; "" when published.
    public var notForRelease: String
    /// Dated corrections, shown above the release text; the release itself stays as issued.
    public var corrections: [CorrectionContext]
    public var hasCorrections: Bool
    public var dateline: String
    public var contacts: [ContactContext]
    public var hasContacts: Bool
    /// The commentary rendered by libcmark-gfm, statements and guidance tables embedded.
    public var bodyHTML: String
    public var archiveHref: String
    public var statementsHref: String
    /// The release's figures as data files.
    public var downloads: [DownloadLink]
}

/// A link to a data file: "2Q01 figures (CSV)".
public struct DownloadLink: Sendable {
    public var label: String
    public var format: String           // "CSV", "JSON"
    public var href: String
}

public struct ContactContext: Sendable {
    public var heading: String
    public var organization: String
    public var name: String
    public var role: String
    public var email: String
    public var hasEmail: Bool
    public var phone: String
}

/// `Templates/archive.mustache`: every release, by fiscal year, newest first.
public struct ArchiveContext: Sendable {
    public var years: [ArchiveYear]
    public var hasReleases: Bool
}

public struct ArchiveYear: Sendable {
    public var label: String            // "Fiscal 2001 (April 2001 – March 2002)"
    public var id: String               // "fy2001"
    public var releases: [ReleaseSummary]
}

/// `Templates/statements.mustache`: each layout across every period.
public struct StatementsContext: Sendable {
    /// The quarters shown, newest first (`2Q01, 1Q01, …`), and how many.
    public var periods: String
    public var count: Int
    public var isEmpty: Bool
    /// `FY2001` on a fiscal year's page; empty on the recent quarters' page.
    public var fiscalYear: String
    public var isFiscalYear: Bool
    public var latestHref: String
    /// Every fiscal year's page, newest first (the current one marked).
    public var years: [NavItem]
    public var hasYears: Bool
    /// Each table already rendered with the `table` partial.
    public var tables: [RenderedTable]
    public var downloads: [DownloadLink]
    public var hasDownloads: Bool
}

public struct RenderedTable: Sendable {
    public var id: String
    public var title: String
    public var html: String
}

/// `Templates/table.mustache`: one financial table.
public struct TableContext: Sendable {
    public var id: String               // "income_statement" (used for the element id)
    public var caption: String          // "Consolidated Statements of Operations"
    public var heading: String          // the release's heading line, may be ""
    public var subheading: String       // "For the Three Months Ended Sept 30, 2001, Sept 30, 2000 and Jun 30, 2001"
    public var unitNote: String
    public var hasGroups: Bool
    public var groups: [HeaderCell]
    public var periodHeaders: [HeaderCell]
    /// False when every column label is empty (a count table): the labels row is left out.
    public var hasColumnLabels: Bool
    public var columnLabels: [HeaderCell]
    public var rows: [TableRow]
    public var notes: [String]
    public var hasNotes: Bool

    /// `rows` as HTML (`<tr>` elements), ready to place with `{{{rowsHTML}}}`.
    public var rowsHTML: String { TableRowsHTML.render(rows) }
    /// `groups` as `<colgroup>` elements (empty without groups).
    public var colgroupsHTML: String { TableHeaderHTML.colgroups(groups) }
    /// `groups`, `periodHeaders` and `columnLabels` as the cells of their header rows.
    public var groupsHTML: String { TableHeaderHTML.groups(groups) }
    public var periodHeadersHTML: String { TableHeaderHTML.cells(periodHeaders) }
    public var columnLabelsHTML: String { TableHeaderHTML.cells(columnLabels) }
}

public struct HeaderCell: Sendable {
    public var label: String
    public var detail: String           // e.g. the period end date under "2Q01"; may be ""
    public var span: Int
    public var isNumeric: Bool
}

public struct TableRow: Sendable {
    public var isHeader: Bool
    public var label: String
    /// "indent-0" … "indent-4".
    public var indentClass: String
    /// "total" for computed rows, else "".
    public var kindClass: String
    public var cells: [TableCell]
    /// Number of data columns (for a header row's colspan).
    public var span: Int
}

public struct TableCell: Sendable {
    public var text: String             // "(632,302)", "36.0%", "n/m", "-"
    /// "num", plus " neg" for negatives, " nm" for n/m and missing.
    public var classes: String
    /// Accessible full text when the printed text is terse, e.g. "not meaningful"; may be "".
    public var title: String
}

/// `Templates/chart.mustache`: a chart with its data table and download link.
public struct ChartContext: Sendable {
    public var id: String               // "chart-revenue-by-segment", the figure's element id
    public var title: String
    /// The inline SVG (title, desc, role="img"), generated by the chart engine.
    public var svgHTML: String
    public var table: ChartTableContext
    /// The standalone `.svg` file, relative to the page.
    public var downloadHref: String
}

public struct ChartTableContext: Sendable {
    public var caption: String
    public var columnHeaders: [String]
    public var rows: [ChartTableRow]

    /// `columnHeaders` as `<th>` cells and `rows` as `<tr>` elements, to place with `{{{…HTML}}}`.
    public var columnHeadersHTML: String { TableHeaderHTML.chartHeaders(columnHeaders) }
    public var rowsHTML: String { TableHeaderHTML.chartRows(rows) }
}

public struct ChartTableRow: Sendable {
    public var header: String
    public var cells: [String]
}

/// `Templates/summary.mustache`: the printable quarterly summary of a release.
public struct SummaryContext: Sendable {
    public var company: String
    public var listing: String
    public var release: ReleaseSummary
    public var currentLabel: String
    public var yoyLabel: String
    public var qoqLabel: String
    public var figuresUnit: String
    public var figures: [HeadlineFigure]
    public var segmentsUnit: String
    public var segments: [HeadlineFigure]
    public var hasSegments: Bool
    /// Two or three of the release's charts, rendered with the `chart` partial.
    public var chartsHTML: String
    public var guidance: GuidanceContext?
    public var contacts: [ContactContext]
    public var safeHarbour: String
    public var releaseHref: String
}
