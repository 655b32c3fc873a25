import XCTest

/// axe-core in headless Chromium finds no serious or critical WCAG 2.2 AA violation; every link and control
/// is reachable by Tab and shows its focus; every chart has a name, a description and a data table.
final class SiteChecksAccessibilityTests: XCTestCase {
    func check(_ root: String, pages: [String], label: String) async throws -> SiteCheckTools.Report {
        try await SiteCheckTools.run("check_accessibility.py", ["--root", root, "--pages"] + pages, label: label)
    }

    /// Home, archive, the release (and any page beside it, such as a printable summary), statements and calendar.
    func testSampleSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.sampleSite()
        XCTAssertTrue(site.accessibilityPages.contains("releases/2001-q2/index.html"), "\(site.accessibilityPages)")
        SiteCheckTools.assertClean(try await check(site.output, pages: site.accessibilityPages, label: "sample-accessibility"), site.name)
    }

    /// The same kinds of page on the 40-release site (first, middle and latest release).
    func testLargeSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.largeSite()
        SiteCheckTools.assertClean(try await check(site.output, pages: site.accessibilityPages, label: "large-accessibility"), site.name)
    }

    func testFailsOnImageWithoutTextAlternative() async throws {
        try SiteCheckTools.requireEnabled()
        let root = try FixturePages.write("accessibility-image", [
            "valid.html": FixturePages.valid,
            "image.html": FixturePages.page("An image without alt", body: #"<p>Our logo:</p><img src="logo.png" width="40" height="40">"#),
        ])
        let report = try await check(root, pages: ["valid.html", "image.html"], label: "fixture-accessibility-image")
        SiteCheckTools.assertCaught(report, rule: "axe:image-alt", on: "image.html", clean: ["valid.html"])
    }

    func testFailsOnHiddenFocusAndUnreachableLink() async throws {
        try SiteCheckTools.requireEnabled()
        let root = try FixturePages.write("accessibility-keyboard", [
            "valid.html": FixturePages.valid,
            "focus.html": FixturePages.page("No focus indicator", css: "a:focus, a:focus-visible { outline: none; }", body: """
                <p><a href="valid.html">A link without a focus style</a></p>
                <p><a href="valid.html" tabindex="-1">A link Tab never reaches</a></p>
                """),
        ])
        let report = try await check(root, pages: ["valid.html", "focus.html"], label: "fixture-accessibility-keyboard")
        SiteCheckTools.assertCaught(report, rule: "focus-not-visible", on: "focus.html", clean: ["valid.html"])
        SiteCheckTools.assertCaught(report, rule: "keyboard-unreachable", on: "focus.html")
    }

    func testFailsOnChartWithoutNameDescriptionOrTable() async throws {
        try SiteCheckTools.requireEnabled()
        let root = try FixturePages.write("accessibility-chart", [
            "chart.html": FixturePages.page("A mute chart", body: """
                <figure id="chart-mute"><svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 10 10" width="200" height="200"><g class="bars"><rect class="bar" x="1" y="2" width="3" height="8"/></g></svg></figure>
                """),
        ])
        let report = try await check(root, pages: ["chart.html"], label: "fixture-accessibility-chart")
        SiteCheckTools.assertCaught(report, rule: "chart-name", on: "chart.html")
        SiteCheckTools.assertCaught(report, rule: "chart-description", on: "chart.html")
        SiteCheckTools.assertCaught(report, rule: "chart-data-table", on: "chart.html")
    }
}
