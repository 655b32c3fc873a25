import XCTest

/// Every generated HTML page passes the Nu HTML Checker with no error; every SVG (file or inline) is well-formed XML.
final class SiteChecksHTMLValidityTests: XCTestCase {
    func validate(_ root: String, label: String) async throws -> SiteCheckTools.Report {
        try await SiteCheckTools.run("validate_html.py", ["--root", root], label: label)
    }

    func testSampleSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.sampleSite()
        let report = try await validate(site.output, label: "sample-html-validity")
        SiteCheckTools.assertClean(report, site.name)
    }

    /// All pages of the 40-release site, in one validator run.
    func testLargeSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.largeSite()
        let report = try await validate(site.output, label: "large-html-validity")
        SiteCheckTools.assertClean(report, site.name)
    }

    func testFailsOnInvalidElementAndMalformedSVG() async throws {
        try SiteCheckTools.requireEnabled()
        let root = try FixturePages.write("html-validity", [
            "valid.html": FixturePages.valid,
            "invalid-element.html": FixturePages.page("An invalid element", body: "<p>Old markup: <blink>figures</blink></p>"),
            "inline-svg.html": FixturePages.page("A malformed inline SVG", body: """
                <figure><svg viewBox="0 0 10 10" role="img" aria-label="Bars"><g><rect x="0" y="0" width="5" height="5"></svg></figure>
                """),
            "charts/broken.svg": #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><rect width="5" height="5"/></svg>"#,
            "charts/fine.svg": #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>"#,
        ])
        let report = try await validate(root, label: "fixture-html-validity")
        SiteCheckTools.assertCaught(report, rule: "nu-html-checker", on: "invalid-element.html", clean: ["valid.html", "charts/fine.svg"])
        XCTAssertTrue(report.violations.contains { $0.page == "invalid-element.html" && $0.message.contains("blink") },
                      report.violations.map(\.description).joined(separator: "\n"))
        SiteCheckTools.assertCaught(report, rule: "svg-well-formed", on: "charts/broken.svg")
        SiteCheckTools.assertCaught(report, rule: "svg-well-formed", on: "inline-svg.html")
    }
}
