import XCTest

/// Screenshots of the home and release pages at phone (390 px) and desktop (1280 px) widths; no horizontal
/// overflow; every chart has a box and draws its bars.
final class SiteChecksLooksTests: XCTestCase {
    func check(_ root: String, pages: [String], label: String) async throws -> SiteCheckTools.Report {
        let shots = SiteCheckTools.artifacts.appendingPathComponent("screenshots/\(label)").path
        return try await SiteCheckTools.run("check_looks.py", ["--root", root, "--pages"] + pages + ["--widths", "390", "1280", "--screenshots", shots],
                                        label: label)
    }

    func testSampleSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.sampleSite()
        XCTAssertEqual(site.looksPages, ["index.html", "releases/2001-q2/index.html"])
        SiteCheckTools.assertClean(try await check(site.output, pages: site.looksPages, label: "sample-looks"), site.name)
    }

    func testLargeSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.largeSite()
        SiteCheckTools.assertClean(try await check(site.output, pages: site.looksPages, label: "large-looks"), site.name)
    }

    func testFailsOnOverflowingTable() async throws {
        try SiteCheckTools.requireEnabled()
        let root = try FixturePages.write("looks-overflow", [
            "valid.html": FixturePages.valid,
            "wide-table.html": FixturePages.page("A table wider than a phone", css: "table { width: 900px; }", body: """
                <table><caption>Quarterly figures</caption><tr><th scope="row">Revenues</th><td>9,528</td><td>8,333</td></tr></table>
                """),
        ])
        let report = try await check(root, pages: ["valid.html", "wide-table.html"], label: "fixture-looks-overflow")
        SiteCheckTools.assertCaught(report, rule: "horizontal-overflow", on: "wide-table.html", clean: ["valid.html"])
        XCTAssertTrue(report.violations.contains { $0.rule == "horizontal-overflow" && $0.width == 390 && $0.message.contains("table") },
                      report.violations.map(\.description).joined(separator: "\n"))
        XCTAssertFalse(report.violations.contains { $0.rule == "horizontal-overflow" && $0.width == 1280 })
    }

    func testFailsOnEmptyChart() async throws {
        try SiteCheckTools.requireEnabled()
        let table = #"<table><caption>Data</caption><tbody><tr><th scope="row">2Q01</th><td>712</td></tr></tbody></table>"#
        let root = try FixturePages.write("looks-chart", [
            "no-bars.html": FixturePages.page("A chart without bars", body: """
                <figure id="chart-no-bars"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="EBITDA" viewBox="0 0 10 10" width="200" height="200"><desc>EBITDA by quarter</desc><rect class="background" width="10" height="10" fill="#fff"/><g class="bars"></g></svg>\(table)</figure>
                """),
            "no-box.html": FixturePages.page("A chart without a box", body: """
                <figure id="chart-no-box"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="EBITDA" width="0" height="0"><desc>EBITDA by quarter</desc><g class="bars"><rect class="bar" width="5" height="5"/></g></svg>\(table)</figure>
                """),
        ])
        let report = try await check(root, pages: ["no-bars.html", "no-box.html"], label: "fixture-looks-chart")
        SiteCheckTools.assertCaught(report, rule: "chart-no-bars", on: "no-bars.html")
        SiteCheckTools.assertCaught(report, rule: "chart-empty-box", on: "no-box.html")
    }
}
