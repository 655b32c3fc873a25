import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// `live.js` in a real browser: headless Chromium (driven by Selenium through
/// Tests/SiteChecks/check_live_reload.py) on a page of a real `irsite serve`.
/// The page reloads after a good build, shows the diagnostics of a template
/// error and of a content error, and reconnects by itself after the server
/// restarts on the same port. Runs in every `swift test` (about 20 s); skipped
/// only where Chromium or chromedriver is missing.
final class ServeBrowserLiveReloadTests: XCTestCase {
    struct Verdict: Decodable {
        struct Violation: Decodable {
            var page: String
            var rule: String
            var message: String
        }

        var ok: Bool
        var violations: [Violation]
        var notes: [String]
        var overlays: [String: String]
    }

    func testReloadsShowsDiagnosticsAndReconnectsInChromium() async throws {
        for tool in ["chromium", "chromedriver"] where ExternalTool.find(tool) == nil {
            throw XCTSkip("\(tool) is not installed (Debian: apt-get install chromium chromium-driver)")
        }
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try tmp.copy(Paths.content, as: "Content")
        _ = try tmp.copy(Paths.templates, as: "Templates")
        let script = Paths.root.appendingPathComponent("Tests/SiteChecks/check_live_reload.py")
        let python = ProcessInfo.processInfo.environment["IRSITE_PYTHON"] ?? "python3"
        let check = try RunningProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                       [python, script.path, "--irsite", IRSiteExecutable.url.path, "--site", tmp.path,
                                        "--now", "2002-06-01T00:00:00Z"], in: tmp.url)
        // Each step of the script has its own 30 s limit; this one is for the whole.
        try await check.wait(for: "the browser check", upTo: .seconds(300)) { _, _, status in status != nil }
        if check.status == nil {
            // Terminated above: let it stop its server and browser before the folder goes.
            try await check.wait(for: "the browser check to clean up", upTo: .seconds(60)) { _, _, status in status != nil }
            return
        }
        let stdout = check.stdout
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(stdout.utf8))
        for violation in verdict.violations { XCTFail("\(violation.rule): \(violation.message)\n\(check.stderr)") }
        XCTAssertTrue(verdict.ok, stdout)

        // The panel shows exactly what the build reported, located in the sources.
        let title = "irsite: the last build failed. This page is from the last good build."
        let template = try XCTUnwrap(verdict.overlays["template"], stdout)
        XCTAssertTrue(template.hasPrefix(title), template)
        XCTAssertEqual(template.dropFirst(title.count).components(separatedBy: "\n"),
                       ["Templates/release.mustache:3:7: error: template does not parse: sectionCloseNameIncorrect"])
        let content = try XCTUnwrap(verdict.overlays["content"], stdout)
        XCTAssertTrue(content.hasPrefix(title), content)
        XCTAssertEqual(content.dropFirst(title.count).components(separatedBy: "\n").first,
                       "Content/periods/2001-q2.yaml:17:21: error: 2Q01 'total_revenues' is stated as 9,528,308 but its components sum to 9,528,307 (difference 1)")
    }
}
