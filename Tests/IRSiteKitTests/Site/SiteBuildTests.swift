import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The whole pipeline on the sample site, read back from the written files.
final class SiteBuildTests: XCTestCase {
    func build(content: String = Paths.content, templates: String = Paths.templates, into output: String) async throws -> Pipeline.BuildResult {
        try await Pipeline.build(content: content, templates: templates, output: output, options: .afterTheSeed)
    }

    func testWritesEveryPage() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let result = try await build(into: tmp.path("Output"))
        XCTAssertEqual(result.pages, 8)
        let files = Set(TempDirectory.snapshot(tmp.path("Output")).keys)
        XCTAssertTrue(files.isSuperset(of: ["index.html", "releases/index.html", "releases/2001-q2/index.html",
                                             "statements/index.html", "statements/fy2001/index.html", "statements/fy2000/index.html",
                                             "calendar/index.html", "assets/site.css"]), "\(files.sorted())")
        // Nothing but the output folder and its build cache is left beside it (no staging folders).
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: tmp.path)), ["Output", ".Output.irsite-cache"])
    }

    /// Every row of the seed's three statements, with the seed's label and exactly the seed's
    /// printed figures in the seed's column order, read from the generated release page.
    func testReleasePagePrintsTheSeedsStatements() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try await build(into: tmp.path("Output"))
        let html = try String(contentsOfFile: tmp.path("Output/releases/2001-q2/index.html"), encoding: .utf8)
        let seed = try SeedReference()
        var compared = 0
        for id in ["income_statement", "balance_sheet", "cash_flow"] {
            let ours = try XCTUnwrap(HTMLTable.rows(in: html, figureID: id), "no table \(id)")
                .map { SeedReference.Row(label: $0.label, cells: $0.cells.filter { !$0.isEmpty }) }
            let expected = try XCTUnwrap(seed.sections[id]).filter { !$0.cells.isEmpty }
            XCTAssertEqual(ours.count, expected.count, id)
            for (a, b) in zip(ours, expected) {
                XCTAssertEqual(a, b, id)
                compared += 1
            }
        }
        XCTAssertEqual(compared, 29 + 33 + 28)
    }

    /// At archive scale the statements page shows the latest eight quarters and links one
    /// page per fiscal year, which together show every quarter exactly once per year. A
    /// fiscal year's page links only its neighbouring years (the site would otherwise grow
    /// with the square of its years), and every year is reachable from the recent page.
    func testStatementsShowRecentQuartersAndOnePagePerFiscalYear() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        var generator = GeneratedContent()
        generator.quarters = 30
        let generated = try generator.write(to: tmp.path("generated"))
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: generated.content, templates: Paths.templates, output: output, options: generated.options)
        let site = try XCTUnwrap(Pipeline.check(content: generated.content).site)
        let visible = Publication.visibleSite(site, generated.options).site.periods.keys.sorted(by: >)
        XCTAssertGreaterThan(visible.count, 12)
        /// The period labels of the income statement's header on a page, in order.
        func periods(_ path: String) throws -> [String] {
            let html = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
            let table = try XCTUnwrap(html.range(of: "id=\"income_statement\"").map { html[$0.upperBound...] })
            let head = table[..<(table.range(of: "</thead>")?.lowerBound ?? table.endIndex)]
            return HTMLTable.allMatches(#"<th scope="col"[^>]*>([0-9]Q[0-9]{2})<span"#, in: String(head))
        }
        XCTAssertEqual(try periods("statements/index.html"), visible.prefix(8).map(\.label))
        let years = Set(visible.map(\.year)).sorted(by: >)
        var seen: [String] = []
        for year in years {
            let shown = try periods("statements/fy\(year)/index.html")
            XCTAssertEqual(shown, visible.filter { $0.year == year }.map(\.label), "FY\(year)")
            seen += shown
        }
        XCTAssertEqual(seen, visible.map(\.label))
        let main = try String(contentsOfFile: output + "/statements/index.html", encoding: .utf8)
        for year in years { XCTAssertTrue(main.contains("href=\"../statements/fy\(year)/index.html\"") && main.contains(">FY\(year)</a>"), "FY\(year) linked") }
        XCTAssertGreaterThan(years.count, 2 * Routes.neighbouringYears + 2, "enough years that a fiscal year's page links only some")
        for (at, year) in years.enumerated() {
            let html = try String(contentsOfFile: output + "/statements/fy\(year)/index.html", encoding: .utf8)
            let nav = try XCTUnwrap(html.range(of: "class=\"year-nav\"").map { html[$0.upperBound...] })
            let block = String(nav[..<(nav.range(of: "</nav>")?.lowerBound ?? nav.endIndex)])
            let linked = HTMLTable.allMatches(#"<a href="\.\./\.\./statements/fy([0-9]+)/index\.html""#, in: block)
            let expected = years[max(0, at - Routes.neighbouringYears)...min(years.count - 1, at + Routes.neighbouringYears)].map(String.init)
            XCTAssertEqual(linked, expected, "FY\(year) links the years beside it, newest first")
            XCTAssertTrue(block.contains("<a href=\"../../statements/index.html\">Latest quarters</a>"), "FY\(year) links the page that lists every year")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/statements/fy\((years.last ?? 0) - 1)"))
    }

    /// Two `irsite build` processes give byte-identical sites. Separate processes matter:
    /// Swift seeds its hashing per process, so a page that follows a dictionary's order
    /// differs between runs, while two builds in one process would agree.
    func testBuildsInSeparateProcessesAreByteIdentical() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        var generator = GeneratedContent()
        generator.quarters = 12
        let generated = try generator.write(to: tmp.path("generated"))
        for (name, content, now) in [("sample", Paths.content, "2002-06-01T00:00:00Z"),
                                     ("generated", generated.content, Timestamp.fromEpochSeconds(generated.options.now).description)] {
            var sites: [[String: Data]] = []
            for run in ["a", "b", "c"] {
                let result = try ExternalTool.run(IRSiteExecutable.url.path, ["build", "--content", content, "--templates", Paths.templates,
                                                                              "--output", tmp.path("\(name)-\(run)"), "--now", now, "--quiet"])
                XCTAssertEqual(result.status, 0, result.stderr)
                sites.append(TempDirectory.snapshot(tmp.path("\(name)-\(run)")))
            }
            XCTAssertGreaterThan(sites[0].count, name == "sample" ? 20 : 100, name)
            for other in sites.dropFirst() {
                XCTAssertEqual(Set(other.keys), Set(sites[0].keys), name)
                for (path, bytes) in sites[0] where other[path] != bytes { XCTFail("\(name): \(path) differs between two processes") }
            }
        }
    }

    /// A failing build leaves the previous output byte-identical: bad content, or a broken theme.
    func testFailedBuildLeavesPreviousOutputUntouched() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = tmp.path("Output")
        _ = try await build(into: output)
        let before = TempDirectory.snapshot(output)

        let content = try tmp.copy(Paths.content, as: "BadContent")
        let period = content + "/periods/2001-q2.yaml"
        let text = try String(contentsOfFile: period, encoding: .utf8)
        try text.replacingOccurrences(of: "total_revenues: 9528307", with: "total_revenues: 9528308").write(toFile: period, atomically: true, encoding: .utf8)
        do {
            _ = try await build(content: content, into: output)
            XCTFail("a total that does not foot must fail the build")
        } catch let error as DiagnosticsError {
            XCTAssertTrue(error.diagnostics.contains { $0.severity == .error && $0.message.contains("'total_revenues' is stated as 9,528,308") })
        }
        XCTAssertEqual(TempDirectory.snapshot(output), before)

        let templates = try tmp.copy(Paths.templates, as: "BadTemplates")
        try FileManager.default.removeItem(atPath: templates + "/table.mustache")
        do {
            _ = try await build(templates: templates, into: output)
            XCTFail("a missing template must fail the build")
        } catch let error as LocatedError {
            XCTAssertEqual(error.message, "missing template 'table.mustache'")
        }
        XCTAssertEqual(TempDirectory.snapshot(output), before)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: tmp.path)), ["Output", ".Output.irsite-cache", "BadContent", "BadTemplates"])
    }

    /// The statements page shows every layout across every period, in the layouts' order.
    func testStatementsPageAcrossPeriods() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try await build(into: tmp.path("Output"))
        let html = try String(contentsOfFile: tmp.path("Output/statements/index.html"), encoding: .utf8)
        let ids = ["income_statement", "balance_sheet", "cash_flow", "contracts", "dedicated_revenue", "bandwidth", "backbone_costs", "other_statistics"]
        let positions = ids.map { html.range(of: "<figure class=\"statement\" id=\"\($0)\"")?.lowerBound }
        XCTAssertFalse(positions.contains(nil), "\(positions)")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        // Newest period first, each with JPY and % of the base row: 2Q01, 1Q01, 2Q00.
        let cash = try XCTUnwrap(HTMLTable.rows(in: html, figureID: "balance_sheet")?.first { $0.label == "Cash" })
        XCTAssertEqual(cash.cells, ["11,411,967", "25.5%", "12,574,744", "25.9%", "12,970,293", "23.3%"])
    }

    func testOutputPathsCannotEscape() {
        for bad in ["../x.html", "/etc/passwd", "a/../../b", "a//b", "a\0b", ""] {
            XCTAssertThrowsError(try SiteWriter.validate(bad), bad)
        }
        XCTAssertNoThrow(try SiteWriter.validate("releases/2001-q2/index.html"))
    }

    /// Pages link relatively (file:// and any prefix) and have one h1 and a lang.
    func testPagesAreSelfContained() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try await build(into: tmp.path("Output"))
        for (path, data) in TempDirectory.snapshot(tmp.path("Output")) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), path)
            XCTAssertTrue(html.contains("<html lang=\"en\">"), path)
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(path) needs exactly one h1")
            for href in HTMLTable.allMatches(#"(?:href|src)="([^"]*)""#, in: html) where href.range(of: #"^[a-z]+:"#, options: .regularExpression) == nil && !href.hasPrefix("#") {
                XCTAssertFalse(href.hasPrefix("/"), "\(path): absolute link \(href)")
                let target = URL(fileURLWithPath: tmp.path("Output/" + path)).deletingLastPathComponent().appendingPathComponent(href.components(separatedBy: "#")[0]).standardizedFileURL
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(path): dead link \(href)")
            }
        }
    }
}

/// Tables 1–5 of the seed, read back from the release page.
final class SeedTablesTests: XCTestCase {
    /// The seed's lines `label<TAB>2Q01<TAB>1Q01<TAB>2Q00`, with its inline markup (`<i>`, `^(*1)`) reduced to text.
    func seedRows() throws -> [String: [String]] {
        let text = try String(contentsOf: Paths.fixtures.appendingPathComponent("seed-2001-q2.txt"), encoding: .utf8)
        var rows: [String: [String]] = [:]
        for line in text.components(separatedBy: "\n") {
            let fields = line.components(separatedBy: "\t")
            guard fields.count >= 4, !fields[0].isEmpty else { continue }
            let cells = Array(fields[1...3])
            guard cells.allSatisfy({ $0.range(of: #"^(N/A|[\d,.]+)$"#, options: .regularExpression) != nil }) else { continue }
            let label = fields[0].replacingOccurrences(of: "<i>", with: "").replacingOccurrences(of: "</i>", with: "")
                .replacingOccurrences(of: "^(", with: "(")
            rows[label] = cells
        }
        return rows
    }

    func testTablesOneToFiveMatchTheSeed() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try await Pipeline.build(content: Paths.content, templates: Paths.templates, output: tmp.path("Output"), options: .afterTheSeed)
        let html = try String(contentsOfFile: tmp.path("Output/releases/2001-q2/index.html"), encoding: .utf8)
        let seed = try seedRows()
        var compared = 0
        for id in ["contracts", "dedicated_revenue", "bandwidth", "backbone_costs", "other_statistics"] {
            for row in try XCTUnwrap(HTMLTable.rows(in: html, figureID: id), id) {
                let expected = try XCTUnwrap(seed[row.label], "\(id): seed has no row '\(row.label)'")
                XCTAssertEqual(row.cells, expected, "\(id) '\(row.label)'")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 14 + 2 + 1 + 2 + 3)
    }
}
