import Foundation
import Mustache
import XCTest

@testable import IRSiteKit

/// Renders the real `Templates/` folder with hand-built page contexts.
final class TemplateTests: XCTestCase {
    /// The package root, found from this file (Tests/IRSiteKitTests/Site/TemplateTests.swift).
    static let templatesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path

    static let names = ["layout", "index", "release", "archive", "statements", "table", "guidance", "contacts"]

    func library() async throws -> MustacheLibrary {
        try await MustacheLibrary(directory: Self.templatesDirectory)
    }

    func render(_ context: Any, _ name: String, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let html = try await library().render(context, withTemplate: name)
        return try XCTUnwrap(html, "template '\(name)' is missing", file: file, line: line)
    }

    func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    /// Asserts `needles` occur in `haystack` in this order.
    func assertInOrder(_ needles: [String], in haystack: String, file: StaticString = #filePath, line: UInt = #line) {
        var rest = haystack[...]
        for needle in needles {
            guard let range = rest.range(of: needle) else {
                XCTFail("'\(needle)' not found (in order) in:\n\(haystack)", file: file, line: line)
                return
            }
            rest = rest[range.upperBound...]
        }
    }

    // MARK: Fixtures

    static let release = ReleaseSummary(
        title: "IIJ Announces Positive Operating Income", subtitle: "Expects Further Improvement", hasSubtitle: true,
        periodLabel: "2Q FY2001", periodDates: "Jul 1, 2001 – Sept 30, 2001", releasedDate: "November 13, 2001",
        releasedISO: "2001-11-13T15:00:00+09:00", href: "releases/2001-q2/index.html",
        summaryHref: "releases/2001-q2/summary.html", pdfHref: "",
        attachments: [AttachmentContext(name: "2q01.pdf", href: "releases/2001-q2/2q01.pdf", kind: "PDF", size: "245 KB")],
        hasAttachments: true)

    static let guidance = GuidanceContext(
        caption: "Anticipated financial performance, 3Q FY2001 (Oct 1 – Dec 31, 2001)", periodLabel: "3Q01", unit: "JPY in millions",
        rows: [GuidanceRow(label: "Revenues", low: "10,000", high: "10,500"),
               GuidanceRow(label: "Operating Income", low: "150", high: "300")])

    static func layout(root: String, content: String = "<p>body</p>") -> LayoutContext {
        LayoutContext(
            lang: "en", documentTitle: "Release archive — Internet Initiative Japan Inc.", description: "Every release & more",
            root: root, company: "Internet Initiative Japan Inc.", listing: "Nasdaq: IIJI",
            nav: [NavItem(label: "Home", href: root + "index.html", isCurrent: false),
                  NavItem(label: "Releases", href: root + "releases/index.html", isCurrent: true),
                  NavItem(label: "Financial statements", href: root + "statements/index.html", isCurrent: false)],
            contentHTML: content, generator: "IRSite 0.1.0", noindex: false, previewNotice: "", quietPeriodNotice: "", feedHref: root + "feed.xml",
            canonicalURL: "https://ir.example.com/releases/", ogType: "website", ogTitle: "Release archive", jsonLDHTML: "",
            bodyClass: "page-archive")
    }

    /// A preview build marks every page: a visible notice and noindex.
    func testPreviewLayoutIsMarked() async throws {
        var context = Self.layout(root: "")
        var html = try await render(context, "layout")
        XCTAssertFalse(html.contains("noindex"))
        XCTAssertFalse(html.contains("preview-notice"))
        context.noindex = true
        context.previewNotice = "Preview build: not released"
        html = try await render(context, "layout")
        XCTAssertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        XCTAssertTrue(html.contains("<p class=\"preview-notice\" role=\"note\">Preview build: not released</p>"))
    }

    static func table(label: String = "Total revenues") -> TableContext {
        TableContext(
            id: "income_statement", caption: "Consolidated Statements of Operations", heading: "",
            subheading: "For the Three Months Ended Sept 30, 2001 and Sept 30, 2000", unitNote: "(JPY in thousands)",
            hasGroups: true,
            groups: [HeaderCell(label: "Year-over-year Comparison", detail: "", span: 3, isNumeric: true)],
            periodHeaders: [HeaderCell(label: "2Q01", detail: "Sept 30, 2001", span: 1, isNumeric: true),
                            HeaderCell(label: "2Q00", detail: "Sept 30, 2000", span: 1, isNumeric: true),
                            HeaderCell(label: "", detail: "", span: 1, isNumeric: true)],
            hasColumnLabels: true,
            columnLabels: [HeaderCell(label: "JPY", detail: "", span: 1, isNumeric: true),
                           HeaderCell(label: "JPY", detail: "", span: 1, isNumeric: true),
                           HeaderCell(label: "YOY Chg %", detail: "", span: 1, isNumeric: true)],
            rows: [TableRow(isHeader: true, label: "Revenues:", indentClass: "indent-0", kindClass: "", cells: [], span: 3),
                   TableRow(isHeader: false, label: label, indentClass: "indent-1", kindClass: "total",
                            cells: [TableCell(text: "9,528,090", classes: "num", title: ""),
                                    TableCell(text: "(632,302)", classes: "num neg", title: ""),
                                    TableCell(text: "n/m", classes: "num nm", title: "not meaningful")],
                            span: 3)],
            notes: ["Note (1): convenience translation."], hasNotes: true)
    }

    // MARK: Tests

    func testEveryTemplateExistsAndParses() async throws {
        let library = try await library()
        for name in Self.names {
            XCTAssertNotNil(library.getTemplate(named: name), "Templates/\(name).mustache")
        }
        XCTAssertNil(library.render(Self.layout(root: ""), withTemplate: "no-such-template"), "a missing template renders as nil")
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.templatesDirectory + "/assets/site.css"))
    }

    func testLayout() async throws {
        let html = try await render(Self.layout(root: "../../", content: "<p class=\"x\">Body &amp; more</p>"), "layout")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), html)
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        XCTAssertTrue(html.contains("<title>Release archive — Internet Initiative Japan Inc.</title>"))
        XCTAssertTrue(html.contains("<meta name=\"description\" content=\"Every release &amp; more\">"))
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"../../assets/site.css\">"))
        XCTAssertTrue(html.contains("href=\"#main\""))
        XCTAssertEqual(count("<main", in: html), 1)
        XCTAssertTrue(html.contains("<main id=\"main\""))
        XCTAssertEqual(count("<h1", in: html), 0, "the page template supplies the only <h1>")
        XCTAssertTrue(html.contains("<p class=\"x\">Body &amp; more</p>"), "contentHTML is placed unescaped")
        XCTAssertTrue(html.contains("<nav class=\"site-nav\" aria-label=\"Site\">"))
        XCTAssertTrue(html.contains("<a href=\"../../releases/index.html\" aria-current=\"page\">Releases</a>"))
        XCTAssertTrue(html.contains("<a href=\"../../index.html\">Home</a>"))
        XCTAssertEqual(count("aria-current", in: html), 1)
        XCTAssertFalse(html.contains("=\"\""), "no empty attributes")
        XCTAssertTrue(html.contains("href=\"../../index.html\"><span class=\"site-company\">Internet Initiative Japan Inc.</span>"))
        XCTAssertTrue(html.contains("Nasdaq: IIJI"))
        XCTAssertTrue(html.contains("IRSite 0.1.0"))
        assertInOrder(["<head>", "</head>", "<body class=\"page-archive\">", "<header", "</header>", "<main", "</main>", "<footer", "</footer>", "</body>", "</html>"], in: html)

        let atRoot = try await render(Self.layout(root: ""), "layout")
        XCTAssertTrue(atRoot.contains("<link rel=\"stylesheet\" href=\"assets/site.css\">"))
    }

    func testLayoutEscapesText() async throws {
        var context = Self.layout(root: "")
        context.company = "A <script>alert(1)</script> & Co"
        context.documentTitle = "\"Quoted\" <b>"
        let html = try await render(context, "layout")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("A &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        XCTAssertTrue(html.contains("<title>&quot;Quoted&quot; &lt;b&gt;</title>"))
    }

    func testTable() async throws {
        let html = try await render(Self.table(), "table")
        XCTAssertTrue(html.contains("<figure class=\"statement\" id=\"income_statement\">"))
        XCTAssertTrue(html.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Consolidated Statements of Operations (table)\">"))
        assertInOrder(["<caption>", "Consolidated Statements of Operations", "For the Three Months Ended", "(JPY in thousands)", "</caption>"], in: html)
        XCTAssertFalse(html.contains("caption-heading"), "an empty heading is left out")
        // Header rows: groups, periods, column labels; the stub first in each.
        assertInOrder(["<thead>",
                       "<tr class=\"groups\">", "<td class=\"stub\"></td>", "<th scope=\"colgroup\" colspan=\"3\">Year-over-year Comparison</th>",
                       "<tr class=\"periods\">", "<td class=\"stub\"></td>",
                       "<th scope=\"col\" colspan=\"1\" class=\"num\">2Q01<span class=\"detail\">Sept 30, 2001</span></th>",
                       "<th scope=\"col\" colspan=\"1\" class=\"num\">2Q00", "<td colspan=\"1\"></td>",
                       "<tr class=\"labels\">", "<th scope=\"col\" class=\"stub\"><span class=\"visually-hidden\">Line item</span></th>",
                       "<th scope=\"col\" colspan=\"1\" class=\"num\">JPY</th>", "YOY Chg %",
                       "</thead>"], in: html)
        XCTAssertTrue(html.contains("<colgroup span=\"3\"></colgroup>"))
        // Body: a section header row spanning the data columns, then a total row with its cells in order.
        assertInOrder(["<tbody>",
                       "<tr class=\"section-row\">", "<th scope=\"rowgroup\" class=\"indent-0\">Revenues:</th>", "<td colspan=\"3\"></td>",
                       "<tr class=\"total\">", "<th scope=\"row\" class=\"indent-1 total\">Total revenues</th>",
                       "<td class=\"num\">9,528,090</td>",
                       "<td class=\"num neg\">(632,302)</td>",
                       "<td class=\"num nm\" title=\"not meaningful\">n/m</td>",
                       "</tbody>", "</table>", "</div>",
                       "<p class=\"note\">Note (1): convenience translation.</p>", "</figure>"], in: html)
        XCTAssertEqual(count("title=", in: html), 1, "an empty title adds no attribute")
        XCTAssertFalse(html.contains("=\"\""), "no empty attributes")
        XCTAssertEqual(count("<tr", in: html), count("</tr>", in: html))
        XCTAssertEqual(count("<th ", in: html) + count("<th>", in: html), count("</th>", in: html))
        XCTAssertEqual(count("<td", in: html), count("</td>", in: html))
    }

    func testTableWithoutGroupsOrNotes() async throws {
        var table = Self.table()
        table.hasGroups = false
        table.groups = []
        table.heading = "INTERNET INITIATIVE JAPAN INC."
        table.hasNotes = false
        table.notes = []
        table.rows[1].kindClass = ""
        let html = try await render(table, "table")
        XCTAssertFalse(html.contains("colgroup"))
        XCTAssertFalse(html.contains("class=\"groups\""))
        XCTAssertFalse(html.contains("class=\"notes\""))
        XCTAssertTrue(html.contains("<span class=\"caption-heading\">INTERNET INITIATIVE JAPAN INC.</span>"))
        XCTAssertTrue(html.contains("<tr>\n<th scope=\"row\" class=\"indent-1\">Total revenues</th>"))
    }

    func testTableEscapesLabels() async throws {
        let html = try await render(Self.table(label: "Revenues <script>alert(\"x\")</script> & other"), "table")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("Revenues &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; other"))
    }

    func testGuidance() async throws {
        let html = try await render(Self.guidance, "guidance")
        assertInOrder(["<table>", "<caption>Anticipated financial performance, 3Q FY2001 (Oct 1 – Dec 31, 2001)", "(JPY in millions)", "</caption>",
                       "<th scope=\"col\">3Q01</th>",
                       "<th scope=\"row\">Revenues</th>", "<td class=\"num\">10,000</td>", ">to<", "<td class=\"num\">10,500</td>",
                       "<th scope=\"row\">Operating Income</th>", "150", "300", "</table>"], in: html)
    }

    func testHome() async throws {
        let context = HomeContext(
            company: "Internet Initiative Japan Inc.", hasRelease: true, release: Self.release,
            headline: [HeadlineFigure(label: "Total revenues", value: "9,528", yoy: "17.5%", qoq: "14.3%", isNegative: false),
                       HeadlineFigure(label: "Operating income (loss)", value: "(16)", yoy: "(102.5)%", qoq: "n/m", isNegative: true)],
            currentLabel: "2Q01", yoyLabel: "Change vs 2Q00", qoqLabel: "Change vs 1Q01", headlineUnit: "JPY in millions",
            summaryHTML: "<ul><li>Revenues grew.</li></ul>", hasGuidance: true, guidance: Self.guidance,
            nextEvent: EventContext(title: "Conference call", kind: "Conference call", when: "November 14, 2001, 09:00",
                                    iso: "2001-11-14T09:00:00-05:00", url: "http://www.vcall.com", hasURL: true,
                                    releaseTitle: "IIJ Announces", releaseHref: "releases/2001-q2/index.html",
                                    icsHref: "calendar/2001-11-14-conference-call.ics"),
            hasNextEvent: true, chartsHTML: "", archiveHref: "releases/index.html", statementsHref: "statements/index.html")
        let html = try await render(context, "index")
        XCTAssertEqual(count("<h1", in: html), 1)
        XCTAssertTrue(html.contains("<h1>Internet Initiative Japan Inc. Investor Relations</h1>"))
        XCTAssertTrue(html.contains("<a href=\"releases/2001-q2/index.html\">IIJ Announces Positive Operating Income</a>"))
        XCTAssertTrue(html.contains("<time datetime=\"2001-11-13T15:00:00+09:00\">November 13, 2001</time>"))
        XCTAssertTrue(html.contains("Jul 1, 2001 – Sept 30, 2001"))
        assertInOrder(["<table>", "<caption>", "JPY in millions", "</caption>",
                       "<th scope=\"col\">Figure</th>", "<th scope=\"col\" class=\"num\">2Q01</th>",
                       "<th scope=\"col\" class=\"num\">Change vs 2Q00</th>", "<th scope=\"col\" class=\"num\">Change vs 1Q01</th>",
                       "<th scope=\"row\">Total revenues</th>", "<td class=\"num\">9,528</td>", "17.5%", "14.3%",
                       "<th scope=\"row\">Operating income (loss)</th>", "<td class=\"num neg\">(16)</td>", "(102.5)%", "n/m",
                       "</table>"], in: html)
        XCTAssertTrue(html.contains("<ul><li>Revenues grew.</li></ul>"), "summaryHTML is placed unescaped")
        XCTAssertTrue(html.contains("Anticipated financial performance, 3Q FY2001"), "the guidance partial is rendered")
        XCTAssertTrue(html.contains("<a href=\"http://www.vcall.com\">Conference call</a>"))
        XCTAssertTrue(html.contains("<time datetime=\"2001-11-14T09:00:00-05:00\">November 14, 2001, 09:00</time>"))
        XCTAssertTrue(html.contains("href=\"releases/index.html\""))
        XCTAssertTrue(html.contains("href=\"statements/index.html\""))

        let empty = HomeContext(company: "Example", hasRelease: false, release: nil, headline: [], currentLabel: "", yoyLabel: "",
                                qoqLabel: "", headlineUnit: "", summaryHTML: "", hasGuidance: false, guidance: nil,
                                nextEvent: nil, hasNextEvent: false, chartsHTML: "", archiveHref: "releases/index.html",
                                statementsHref: "statements/index.html")
        let emptyHTML = try await render(empty, "index")
        XCTAssertEqual(count("<h1", in: emptyHTML), 1)
        XCTAssertFalse(emptyHTML.contains("<table"))
        XCTAssertTrue(emptyHTML.contains("No earnings releases have been published yet."))
    }

    func testRelease() async throws {
        let body = try await render(Self.table(), "table")
        let context = ReleasePageContext(
            release: Self.release, notForRelease: "", corrections: [], hasCorrections: false, dateline: "Tokyo and New York",
            contacts: [ContactContext(heading: "Contact in Japan", organization: "Internet Initiative Japan Inc.", name: "Junko Higasa",
                                      role: "Investor Relations", email: "ir@iij.ad.jp", hasEmail: true, phone: "81-3-5259-6500"),
                       ContactContext(heading: "Contact in the United States", organization: "", name: "Mami Ogawa",
                                      role: "", email: "", hasEmail: false, phone: "")],
            hasContacts: true, bodyHTML: "<h2>Overview</h2>\n" + body, archiveHref: "../index.html", statementsHref: "../../statements/index.html",
            downloads: [DownloadLink(label: "2Q01 figures", format: "CSV", href: "../../data/2001-q2.csv")])
        let html = try await render(context, "release")
        XCTAssertTrue(html.contains("<a href=\"../../data/2001-q2.csv\" download>2Q01 figures (CSV)</a>"))
        XCTAssertEqual(count("<h1", in: html), 1)
        assertInOrder(["<article", "<h1>IIJ Announces Positive Operating Income</h1>", "Expects Further Improvement",
                       "Tokyo and New York", "<time datetime=\"2001-11-13T15:00:00+09:00\">November 13, 2001</time>",
                       "2Q FY2001", "Jul 1, 2001 – Sept 30, 2001",
                       "<h2>Overview</h2>", "<figure class=\"statement\" id=\"income_statement\">",
                       "Contact in Japan", "<address>", "Junko Higasa", "mailto:ir@iij.ad.jp", "81-3-5259-6500", "</address>",
                       "Contact in the United States", "<address>", "Mami Ogawa", "</address>",
                       "href=\"../index.html\"", "href=\"../../statements/index.html\"", "</article>"], in: html)
        XCTAssertEqual(count("mailto:", in: html), 1, "a contact without email shows no link")
        XCTAssertEqual(count("<address>", in: html), 2)
        XCTAssertFalse(html.contains("=\"\""), "no empty attributes")
    }

    func testArchive() async throws {
        var older = Self.release
        older.title = "1Q results"
        older.href = "2001-q1/index.html"
        let context = ArchiveContext(years: [ArchiveYear(label: "Fiscal 2001 (April 2001 – March 2002)", id: "fy2001", releases: [Self.release, older]),
                                             ArchiveYear(label: "Fiscal 2000 (April 2000 – March 2001)", id: "fy2000", releases: [])],
                                     hasReleases: true)
        let html = try await render(context, "archive")
        XCTAssertEqual(count("<h1", in: html), 1)
        assertInOrder(["<h1>Release archive</h1>",
                       "<h2 id=\"fy2001\">Fiscal 2001 (April 2001 – March 2002)</h2>",
                       "<time datetime=\"2001-11-13T15:00:00+09:00\">November 13, 2001</time>", "2Q FY2001",
                       "<a href=\"releases/2001-q2/index.html\">IIJ Announces Positive Operating Income</a>",
                       "<a href=\"2001-q1/index.html\">1Q results</a>",
                       "<h2 id=\"fy2000\">"], in: html)
        let empty = try await render(ArchiveContext(years: [], hasReleases: false), "archive")
        XCTAssertTrue(empty.contains("No earnings releases have been published yet."))
    }

    func testStatements() async throws {
        let table = try await render(Self.table(), "table")
        let years = [NavItem(label: "FY2001", href: "fy2001/index.html", isCurrent: true), NavItem(label: "FY2000", href: "fy2000/index.html", isCurrent: false)]
        let context = StatementsContext(periods: "2Q01, 1Q01 & more", count: 2, isEmpty: false, fiscalYear: "FY2001", isFiscalYear: true,
                                        latestHref: "../index.html", years: years, hasYears: true,
                                        tables: [RenderedTable(id: "income_statement", title: "Consolidated Statements of Operations", html: table)],
                                        downloads: [], hasDownloads: false)
        let html = try await render(context, "statements")
        XCTAssertEqual(count("<h1", in: html), 1)
        assertInOrder(["<h1>Financial statements, FY2001</h1>", "the quarters of FY2001 on this site (2Q01, 1Q01 &amp; more)",
                       "<nav class=\"year-nav\" aria-label=\"Statements by fiscal year\">", "<a href=\"../index.html\">Latest quarters</a>",
                       "<a href=\"fy2001/index.html\" aria-current=\"page\">FY2001</a>", "<a href=\"fy2000/index.html\">FY2000</a>",
                       "<a href=\"#income_statement\">Consolidated Statements of Operations</a>",
                       "<section", "<h2 id=\"income_statement-heading\">Consolidated Statements of Operations</h2>",
                       "<figure class=\"statement\" id=\"income_statement\">", "</section>"], in: html)
        XCTAssertTrue(html.contains(table), "a rendered table is placed unescaped")

        var latest = context
        latest.isFiscalYear = false
        latest.fiscalYear = ""
        latest.years[0].isCurrent = false
        let page = try await render(latest, "statements")
        assertInOrder(["<h1>Financial statements</h1>", "the latest 2 fiscal quarters on this site (2Q01, 1Q01 &amp; more)",
                       "<a href=\"../index.html\" aria-current=\"page\">Latest quarters</a>"], in: page)
        XCTAssertEqual(count("aria-current", in: page), 1)

        let empty = try await render(StatementsContext(periods: "", count: 0, isEmpty: true, fiscalYear: "", isFiscalYear: false, latestHref: "index.html",
                                                       years: [], hasYears: false, tables: [], downloads: [], hasDownloads: false), "statements")
        XCTAssertTrue(empty.contains("No figures have been published yet."))
        XCTAssertFalse(empty.contains("year-nav"))
    }
}
