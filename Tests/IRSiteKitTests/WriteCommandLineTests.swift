import Foundation
import IRSiteKit
import IRSiteTestSupport
import XCTest

/// `irsite pdf` and `irsite build` as a user runs them when the output folder is
/// not what they expect: missing, foreign, held by another build, or printed by a
/// Chromium that is missing, crashes or hangs. Each is a message and exit status 1,
/// with the site left as it was.
final class WriteCommandLineTests: XCTestCase {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalTool.Result {
        // `env` sets the variables for the one run, as a user's shell would.
        try ExternalTool.run("/usr/bin/env", environment.map { "\($0)=\($1)" }.sorted() + [IRSiteExecutable.url.path] + arguments, in: Paths.root)
    }

    /// A built sample site in a fresh folder.
    func builtSite() throws -> (TempDirectory, String) {
        let tmp = try TempDirectory()
        let output = tmp.path("Site")
        let r = try run(["build", "--content", Paths.content, "--templates", Paths.templates, "--output", output, "--now", "2002-06-01T00:00:00Z", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        return (tmp, output)
    }

    /// A stand-in for Chromium: a shell script in `tmp`.
    func fakeChromium(_ tmp: TempDirectory, _ body: String) throws -> String {
        let path = tmp.path("fake-chromium")
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o755), 0)
        return path
    }

    func testPDFRefusesAFolderThatIsNotABuiltSite() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let missing = tmp.path("Nowhere")
        let r = try run(["pdf", "--output", missing])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "\(missing):1:1: error: there is no built site at '\(missing)': build it first with irsite build --output \(missing)\n"
                       + "irsite pdf: failed; \(missing)/ left as it was\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))

        let foreign = tmp.path("Foreign")
        try FileManager.default.createDirectory(atPath: foreign + "/releases/2001-q2", withIntermediateDirectories: true)
        try "<html></html>".write(toFile: foreign + "/releases/2001-q2/summary.html", atomically: true, encoding: .utf8)
        let before = TempDirectory.snapshot(foreign)
        let f = try run(["pdf", "--output", foreign])
        XCTAssertEqual(f.status, 1)
        XCTAssertEqual(f.stderr, "\(foreign):1:1: error: '\(foreign)' is not a site written by irsite build (it has no .irsite-output); build it first with irsite build --output \(foreign)\n"
                       + "irsite pdf: failed; \(foreign)/ left as it was\n")
        XCTAssertEqual(TempDirectory.snapshot(foreign), before)

        // A build cut short leaves no manifest: not a site to print either.
        let (site, output) = try builtSite()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: output + "/.irsite-manifest")
        let cut = try run(["pdf", "--output", output])
        XCTAssertEqual(cut.status, 1)
        XCTAssertTrue(cut.stderr.hasPrefix("\(output):1:1: error: '\(output)' is not a site written by irsite build (it has no .irsite-manifest)"), cut.stderr)
    }

    func testPDFWithoutChromiumSaysWhatToInstall() throws {
        let (tmp, output) = try builtSite()
        defer { tmp.remove() }
        let before = TempDirectory.snapshot(output)
        let r = try run(["pdf", "--output", output], environment: ["PATH": "/nonexistent", "IRSITE_CHROMIUM": ""])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "irsite pdf: error: printing to PDF needs Chromium, which was not found: install Debian's 'chromium' package (sudo apt-get install chromium) or set IRSITE_CHROMIUM to its path\n")
        let wrong = try run(["pdf", "--output", output], environment: ["IRSITE_CHROMIUM": tmp.path("no-such-chromium")])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(wrong.stderr, "irsite pdf: error: IRSITE_CHROMIUM is set to '\(tmp.path("no-such-chromium"))', which is not an executable\n")
        XCTAssertEqual(TempDirectory.snapshot(output), before)
    }

    func testPDFWithAChromiumThatCrashesFailsAndLeavesTheSite() throws {
        let (tmp, output) = try builtSite()
        defer { tmp.remove() }
        let before = TempDirectory.snapshot(output)
        let chromium = try fakeChromium(tmp, "echo 'fake chromium: crashed' >&2\nexit 3")
        let r = try run(["pdf", "--output", output], environment: ["IRSITE_CHROMIUM": chromium])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(output)/releases/2001-q2/summary.html:1:1: error: Chromium could not print this page to PDF (exit 3): fake chromium: crashed\n"
                       + "irsite pdf: failed; \(output)/ left as it was\n")
        XCTAssertEqual(TempDirectory.snapshot(output), before)
    }

    func testPDFStopsAChromiumThatHangs() throws {
        let (tmp, output) = try builtSite()
        defer { tmp.remove() }
        let before = TempDirectory.snapshot(output)
        let pidFile = tmp.path("chromium.pid")
        let chromium = try fakeChromium(tmp, "echo $$ > '\(pidFile)'\nexec sleep 60")
        let r = try run(["pdf", "--output", output, "--timeout", "1"], environment: ["IRSITE_CHROMIUM": chromium])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(output)/releases/2001-q2/summary.html:1:1: error: Chromium did not print this page to PDF within 1 s and was stopped\n"
                       + "irsite pdf: failed; \(output)/ left as it was\n")
        XCTAssertEqual(TempDirectory.snapshot(output), before)
        let pid = try XCTUnwrap(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertEqual(kill(pid, 0), -1, "the hung Chromium was stopped, not left running")
        let bad = try run(["pdf", "--output", output, "--timeout", "0"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--timeout must be a positive number of seconds; found 0.0"), bad.stderr)
    }

    func testPDFWithAChromiumThatPrintsWritesTheSummary() throws {
        let (tmp, output) = try builtSite()
        defer { tmp.remove() }
        let chromium = try fakeChromium(tmp, """
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake\\n' > "${a#--print-to-pdf=}";; esac; done
            """)
        let r = try run(["pdf", "--output", output], environment: ["IRSITE_CHROMIUM": chromium])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "irsite pdf: printed 1 summary on A4 paper in \(output)/\n")
        XCTAssertEqual(try String(contentsOfFile: output + "/releases/2001-q2/summary.pdf", encoding: .utf8), "%PDF-1.4 fake\n")
        // The next build keeps the printed summary: it is the one file a site may hold beyond its manifest.
        let again = try run(["build", "--content", Paths.content, "--templates", Paths.templates, "--output", output, "--now", "2002-06-01T00:00:00Z"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("0 of 29 files changed"), again.stdout)
        XCTAssertFalse(again.stderr.contains("manifest"), again.stderr)
    }

    /// While another process holds the output folder, `irsite build` and `irsite pdf` stop at once.
    func testBuildAndPDFAreRefusedWhileAnotherBuildHoldsTheOutput() throws {
        let (tmp, output) = try builtSite()
        defer { tmp.remove() }
        let before = TempDirectory.snapshot(output)
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        let lock = try OutputLock(output: target)
        defer { lock.release() }
        let held = "\(target.path):1:1: error: another irsite build is writing '\(target.path)' (it holds '\(OutputLock.path(for: target).path)'); try again when it has finished\n"
        let r = try run(["build", "--content", Paths.content, "--templates", Paths.templates, "--output", output, "--clean"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, held + "irsite build: failed; nothing written, \(output)/ unchanged\n")
        let pdf = try run(["pdf", "--output", output], environment: ["IRSITE_CHROMIUM": "/bin/false"])
        XCTAssertEqual(pdf.status, 1)
        XCTAssertEqual(pdf.stderr, held + "irsite pdf: failed; \(output)/ left as it was\n")
        XCTAssertEqual(TempDirectory.snapshot(output), before)
    }
}
