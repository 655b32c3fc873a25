import Foundation
import IRSiteTestSupport
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
        XCTAssertNotNil(r.stdout.range(of: #"^irsite build: wrote 8 pages and 21 other files to .*Site/ in \d+\.\d\d s\n$"#, options: .regularExpression), r.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/releases/2001-q2/index.html"))
    }

    func testASecondBuildUpdatesOnlyWhatChangedAndSaysSo() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = tmp.path("Site")
        let build = ["build", "--content", Paths.content, "--templates", Paths.templates, "--output", output, "--now", "2001-11-13T16:00:00+09:00"]
        XCTAssertEqual(try run(build).status, 0)
        let again = try run(build)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertNotNil(again.stdout.range(of: #"^irsite build: updated .*Site/ in \d+\.\d\d s: 0 of 29 files changed, 0 removed\n$"#,
                                           options: .regularExpression), again.stdout)
        let clean = try run(build + ["--clean"])
        XCTAssertTrue(clean.stdout.hasPrefix("irsite build: wrote 8 pages"), clean.stdout)
    }

    func testQuietPrintsNothingAndVerboseTellsWhereTheTimeWent() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = tmp.path("Site")
        let build = ["build", "--content", Paths.content, "--templates", Paths.templates, "--output", output, "--now", "2001-11-13T16:00:00+09:00"]
        let quiet = try run(build + ["--quiet"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout, "")
        XCTAssertEqual(quiet.stderr, "", "no warnings and, not on a terminal, no progress line")
        let normal = try run(build + ["--clean"])
        XCTAssertTrue(normal.stderr.contains(": warning: "), "warnings by default")
        XCTAssertFalse(normal.stderr.contains("\r"), "no progress line when stderr is not a terminal")
        XCTAssertFalse(normal.stderr.contains(": note: "), "notes only with --verbose")
        let verbose = try run(build + ["--verbose"])
        XCTAssertTrue(verbose.stderr.contains(": note: override: "), verbose.stderr)
        XCTAssertNotNil(verbose.stdout.range(of: #"irsite build: 0 written, 29 unchanged, 0 removed; load and check \d+\.\d{3} s, make and write \d+\.\d{3} s, swap in \d+\.\d{3} s"#,
                                             options: .regularExpression), verbose.stdout)
        let both = try run(build + ["--quiet", "--verbose"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("--quiet and --verbose cannot be used together"), both.stderr)
    }

    func testOnATerminalABuildShowsItsProgress() throws {
        // util-linux `script` runs the build on a pseudo-terminal, as a person would.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("needs util-linux script") }
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let command = [binary.path, "build", "--content", Paths.content, "--templates", Paths.templates, "--output", tmp.path("Site"),
                       "--now", "2001-11-13T16:00:00+09:00"].map { "'\($0)'" }.joined(separator: " ")
        let r = try ExternalTool.run("/usr/bin/script", ["-qec", command, "/dev/null"], in: tmp.url)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("\rirsite build: releases 1 of 1, files 29 of 29"), r.stdout.debugDescription)
        XCTAssertTrue(r.stdout.contains("irsite build: wrote 8 pages"), r.stdout)
        let quiet = try ExternalTool.run("/usr/bin/script", ["-qec", command + " --clean --quiet", "/dev/null"], in: tmp.url)
        XCTAssertFalse(quiet.stdout.contains("releases 1 of 1"), "--quiet: no progress even on a terminal")
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
