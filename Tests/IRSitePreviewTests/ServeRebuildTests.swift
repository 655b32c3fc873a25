import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// The full pipeline as the server's rebuild hook.
final class ServeRebuildTests: XCTestCase {
    func testReportsWhatABuildWroteOrWhyItFailed() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        let templates = try tmp.copy(Paths.templates, as: "Templates")
        let output = tmp.path("Output")
        let rebuild = Pipeline.rebuild(content: content, templates: templates, output: output, now: PublicationOptions.afterTheSeed.now)

        guard case .built(let summary, let warnings) = await rebuild() else { return XCTFail("the sample site builds") }
        XCTAssertEqual(summary, "wrote 8 pages and 21 other files to \(output)/")
        XCTAssertFalse(warnings.isEmpty)
        XCTAssertTrue(warnings.allSatisfy { $0.contains(": warning: ") }, "\(warnings)")
        let built = TempDirectory.snapshot(output)

        let period = content + "/periods/2001-q2.yaml"
        let text = try String(contentsOfFile: period, encoding: .utf8)
        try text.replacingOccurrences(of: "total_revenues: 9528307", with: "total_revenues: 9528308").write(toFile: period, atomically: true, encoding: .utf8)
        guard case .failed(let diagnostics) = await rebuild() else { return XCTFail("a total that does not foot fails") }
        let kinds = diagnostics.map { $0.contains(": error: ") ? "error" : $0.contains(": warning: ") ? "warning" : "other" }
        XCTAssertEqual(Array(kinds.prefix(2)), ["error", "error"], "\(diagnostics)")
        XCTAssertEqual(Set(kinds.dropFirst(2)), ["warning"], "\(diagnostics)")
        let lines = text.components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex { $0.contains("total_revenues: 9528307") })
        let column = try XCTUnwrap(lines[line].range(of: "9528307")).lowerBound.utf16Offset(in: lines[line]) + 1
        XCTAssertTrue(diagnostics[0].hasPrefix("\(period):\(line + 1):\(column): error: 2Q01 'total_revenues' is stated as 9,528,308"), diagnostics[0])
        XCTAssertEqual(TempDirectory.snapshot(output), built, "a failed build leaves the output as it was")

        try text.write(toFile: period, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: templates + "/table.mustache")
        guard case .failed(let missing) = await rebuild() else { return XCTFail("a missing template fails") }
        XCTAssertEqual(missing.count, 1)
        XCTAssertTrue(missing[0].hasSuffix(": error: missing template 'table.mustache'"), missing[0])
    }
}
