import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// `figures.change_on_sign_flip` in site.yaml, through a build to the printed release page.
final class SignFlipTests: XCTestCase {
    /// The operating income row of the 2Q01 release page built with `setting`
    /// (2Q00's operating loss (632,302) became 2Q01's income 15,998).
    func operatingIncomeRow(_ setting: String) async throws -> String {
        let tmp = try TempDirectory("SignFlipTests-\(setting)")
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        let site = content + "/site.yaml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        XCTAssertTrue(text.contains("change_on_sign_flip: compute"))
        try text.replacingOccurrences(of: "change_on_sign_flip: compute", with: "change_on_sign_flip: \(setting)")
            .write(toFile: site, atomically: true, encoding: .utf8)
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
        let page = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        // The statement's row (the label also titles a chart).
        let rows = page.components(separatedBy: "<tr").map { $0.components(separatedBy: "</tr>")[0] }
        return try XCTUnwrap(rows.first { $0.contains("Operating income (loss)") && $0.contains("num") })
    }

    func testNotMeaningfulPrintsTheMarkerAcrossASignFlip() async throws {
        let row = try await operatingIncomeRow("not_meaningful")
        XCTAssertTrue(row.contains(">n/m<"), row)
        XCTAssertFalse(row.contains("(102.5)"), row)
    }

    func testComputePrintsTheChangeAcrossASignFlip() async throws {
        let row = try await operatingIncomeRow("compute")
        XCTAssertTrue(row.contains("(102.5)"), row)
        XCTAssertFalse(row.contains(">n/m<"), row)
    }
}
