import XCTest

/// Every internal link and fragment resolves; no file:// or root-relative URL; nothing points to an unpublished page.
final class SiteChecksLinkTests: XCTestCase {
    func check(_ site: CheckedSite, label: String) async throws -> SiteCheckTools.Report {
        var arguments = ["--root", site.output, "--base-url", site.baseURL]
        if !site.unpublished.isEmpty { arguments += ["--unpublished"] + site.unpublished }
        return try await SiteCheckTools.run("check_links.py", arguments, label: label)
    }

    func testSampleSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.sampleSite()
        SiteCheckTools.assertClean(try await check(site, label: "sample-links"), site.name)
    }

    /// Every page of the 40-release site; the embargoed release and the draft must be neither linked nor written.
    func testLargeSite() async throws {
        try SiteCheckTools.requireEnabled()
        let site = try await CheckedSites.shared.largeSite()
        XCTAssertFalse(site.unpublished.isEmpty)
        SiteCheckTools.assertClean(try await check(site, label: "large-links"), site.name)
    }

    func testFailsOnDeadLinks() async throws {
        try SiteCheckTools.requireEnabled()
        let root = try FixturePages.write("links", [
            "valid.html": FixturePages.valid,
            "dead-link.html": FixturePages.page("A dead link", body: #"<p><a href="releases/2001-q3/index.html">The next release</a></p>"#),
            "dead-fragment.html": FixturePages.page("A dead fragment", body: #"<p><a href="valid.html#no-such-id">A missing section</a></p>"#),
            "file-url.html": FixturePages.page("A file URL", body: #"<p><a href="file:///work/Output/index.html">Home</a></p>"#),
            "unpublished.html": FixturePages.page("An unpublished page", body: #"<p><a href="releases/2002-q1/index.html">Soon</a></p>"#),
            "releases/2002-q1/index.html": FixturePages.page("Embargoed", body: "<p>Not yet.</p>"),
        ])
        let site = CheckedSite(name: "fixture", output: root, baseURL: "https://ir.example.com/",
                               unpublished: ["releases/2002-q1/"], accessibilityPages: [], looksPages: [])
        let report = try await check(site, label: "fixture-links")
        SiteCheckTools.assertCaught(report, rule: "dead-link", on: "dead-link.html", clean: ["valid.html"])
        SiteCheckTools.assertCaught(report, rule: "dead-fragment", on: "dead-fragment.html")
        SiteCheckTools.assertCaught(report, rule: "file-url", on: "file-url.html")
        SiteCheckTools.assertCaught(report, rule: "unpublished", on: "unpublished.html")
        SiteCheckTools.assertCaught(report, rule: "unpublished-file", on: "releases/2002-q1/index.html")
    }
}
