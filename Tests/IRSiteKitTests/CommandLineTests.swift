import Foundation
import XCTest

/// The `irsite` executable as a user runs it: exit codes, stderr format, the summary line.
final class CommandLineTests: XCTestCase {
    /// The executable SwiftPM built beside the test bundle (the test target depends on it).
    var binary: URL {
        let bundle = Bundle(for: Self.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent(), bundle.appendingPathComponent("debug")].map { $0.appendingPathComponent("irsite") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func run(_ arguments: [String], in directory: URL = Paths.root) throws -> ExternalTool.Result {
        try ExternalTool.run(binary.path, arguments, in: directory)
    }

    func testCheckOnTheSampleSucceedsAndListsOverridesAsNotes() throws {
        let r = try run(["check"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Content/periods/2001-q2.yaml:") && $0.contains(": note: override: 2Q01 balance_sheet 'total_current_assets' translation prints 160,687 (computed 160,688)") }, r.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Content/statements/other_statistics.yaml:") && $0.contains(": warning: 2Q01: ebitda = ") }, r.stderr)
        XCTAssertEqual(lines.last, "irsite check: 0 errors, 6 warnings, 5 notes")
        // Every diagnostic line has the path:line:col: severity: form.
        for line in lines.dropLast() {
            XCTAssertNotNil(line.range(of: #"^[^:]+:\d+:\d+: (error|warning|note): "#, options: .regularExpression), line)
        }
    }

    func testCheckFailsWithStatusOneAndALocatedError() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        let site = content + "/site.yaml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try text.replacingOccurrences(of: "start_month: 4", with: "start_month: 13").write(toFile: site, atomically: true, encoding: .utf8)
        let r = try run(["check", "--content", "Content"], in: tmp.url)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("Content/site.yaml:"), r.stderr)
        XCTAssertTrue(r.stderr.contains(": error: fiscal year start_month must be 1 to 12, found 13"), r.stderr)
    }

    func testBuildPrintsASummaryAndWritesTheSite() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = tmp.path("Site")
        let r = try run(["build", "--content", Paths.content, "--templates", Paths.templates, "--output", output])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNotNil(r.stdout.range(of: #"^irsite build: wrote 6 pages and 21 other files to .*Site/ in \d+\.\d\d s\n$"#, options: .regularExpression), r.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/releases/2001-q2/index.html"))
    }

    func testVersionAndHelp() throws {
        let version = try run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertNotNil(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), version.stdout)
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        for word in ["build", "check", "investor-relations"] { XCTAssertTrue(help.stdout.contains(word), help.stdout) }
    }
}
