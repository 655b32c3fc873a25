import Foundation
import IRSiteTestSupport
import Synchronization
import XCTest
@testable import IRSiteKit

/// An incremental build after each of a series of edits writes byte for byte
/// what a clean build of the same content writes, and only what changed.
final class IncrementalBuildTests: XCTestCase {
    struct Fixture {
        let tmp: TempDirectory
        let content: String
        let templates: String
        let options: PublicationOptions
        /// Set: builds keep decoded content and check findings between them, as the preview server does.
        var cache: BuildCache?
        var output: String { tmp.path("Output") }

        func build(incremental: Bool = true, into folder: String? = nil) async throws -> Pipeline.BuildResult {
            try await Pipeline.build(content: content, templates: templates, output: folder ?? output, options: options, incremental: incremental,
                                     cache: folder == nil ? cache : nil)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let path = content + "/" + relative
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let changed = change(text)
            XCTAssertNotEqual(changed, text, "the edit of \(relative) changes nothing")
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Builds incrementally, then cleanly into a fresh folder, and compares the two trees.
        func assertIncrementalEqualsClean(_ step: String, file: StaticString = #filePath, line: UInt = #line) async throws -> Pipeline.BuildResult {
            let result = try await build()
            XCTAssertTrue(result.incremental, "\(step): the build found the previous output", file: file, line: line)
            let clean = tmp.path("Clean-\(UUID().uuidString)")
            let cleanResult = try await build(incremental: false, into: clean)
            XCTAssertFalse(cleanResult.incremental)
            XCTAssertEqual(result.diagnostics.map(\.description), cleanResult.diagnostics.map(\.description), "\(step): the same findings",
                           file: file, line: line)
            let a = TempDirectory.snapshot(output), b = TempDirectory.snapshot(clean)
            XCTAssertEqual(Set(a.keys).symmetricDifference(b.keys).sorted(), [], "\(step): the same files", file: file, line: line)
            let differing = a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
            XCTAssertEqual(differing, [], "\(step): the same bytes", file: file, line: line)
            try FileManager.default.removeItem(atPath: clean)
            return result
        }
    }

    func makeFixture(quarters: Int = 10) throws -> Fixture {
        let tmp = try TempDirectory()
        let generated = try GeneratedContent(quarters: quarters, unpublishedQuarters: 0).write(to: tmp.path)
        let templates = try tmp.copy(Paths.templates, as: "Templates")
        return Fixture(tmp: tmp, content: generated.content, templates: templates, options: generated.options)
    }

    func testEditsThenIncrementalBuildsEqualCleanBuilds() async throws {
        try await editsThenIncrementalBuildsEqualCleanBuilds(cache: nil)
    }

    func testEditsThenInProcessRebuildsEqualCleanBuilds() async throws {
        try await editsThenIncrementalBuildsEqualCleanBuilds(cache: BuildCache())
    }

    func editsThenIncrementalBuildsEqualCleanBuilds(cache: BuildCache?) async throws {
        var f = try makeFixture()
        f.cache = cache
        defer { f.tmp.remove() }
        let first = try await f.build()
        XCTAssertFalse(first.incremental, "no previous output: a full build")
        XCTAssertNotNil(Manifest.read(from: f.output), "the build leaves a manifest")

        // Nothing changed: nothing is written.
        let again = try await f.assertIncrementalEqualsClean("no edit")
        XCTAssertEqual(again.written, 0)
        XCTAssertEqual(again.removed, 0)

        // One release's commentary: its page and summary, and the site-wide pages that quote it, are made again.
        try f.edit("releases/2001-q4.md") { $0.replacingOccurrences(of: "\n## ", with: "\nA sentence added by the editor.\n\n## ", options: [], range: nil) }
        let commentary = try await f.assertIncrementalEqualsClean("commentary edit")
        XCTAssertLessThanOrEqual(commentary.written, 2, "only the release page (and the feed, when it quotes the edit) is written")
        XCTAssertTrue(try String(contentsOfFile: f.output + "/releases/2001-q4/index.html", encoding: .utf8).contains("A sentence added by the editor."))
        // The archive, sitemap and calendar files are known by what they list, not remade for a body edit.
        let listed = try XCTUnwrap(Manifest.read(from: f.output))
        for path in [Routes.archive, Routes.sitemap, Routes.robots] {
            XCTAssertFalse(listed.entries[path]?.inputs.isEmpty ?? true, "\(path) has an input digest")
        }

        // A release's title: the archive that lists it shows the new one.
        try f.edit("releases/2001-q3.md") { $0.replacingOccurrences(of: "(?m)^title: ", with: "title: Retitled ", options: .regularExpression) }
        _ = try await f.assertIncrementalEqualsClean("title edit")
        XCTAssertTrue(try String(contentsOfFile: f.output + "/" + Routes.archive, encoding: .utf8).contains("Retitled "))

        // One period's figures: every page that shows them, the next quarter's and the next year's comparatives too.
        let before = TempDirectory.snapshot(f.output)
        try f.edit("periods/2001-q4.yaml") { text in
            text.replacingOccurrences(of: #"international_backbone_costs: (\d+)"#, with: "international_backbone_costs: 12345", options: .regularExpression)
        }
        _ = try await f.assertIncrementalEqualsClean("figures edit")
        let after = TempDirectory.snapshot(f.output)
        for page in ["releases/2001-q4/index.html", "releases/2002-q1/index.html", "releases/2002-q4/index.html", "data/2001-q4.csv",
                     "statements/index.html", "charts/2001-q4-backbone-costs.svg"] {
            XCTAssertNotEqual(before[page], after[page], "\(page) shows the edited figures")
        }
        XCTAssertEqual(before["releases/2001-q2/index.html"], after["releases/2001-q2/index.html"], "an earlier release does not show them")

        // A template: every page changes.
        try f.edit("../Templates/layout.mustache") { $0.replacingOccurrences(of: "</body>", with: "<!-- edited -->\n</body>") }
        let theme = try await f.assertIncrementalEqualsClean("template edit")
        XCTAssertGreaterThanOrEqual(theme.written, first.pages)

        // Deleting a release removes its pages and files.
        try FileManager.default.removeItem(atPath: f.content + "/releases/2002-q2.md")
        let deleted = try await f.assertIncrementalEqualsClean("release deleted")
        XCTAssertGreaterThan(deleted.removed, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.output + "/releases/2002-q2"), "the release's folder is gone")

        // A comparative period goes: the release that compares with it now warns, and prints it as missing.
        try FileManager.default.removeItem(atPath: f.content + "/periods/2000-q1.yaml")
        let missing = try await f.assertIncrementalEqualsClean("comparative period deleted")
        XCTAssertTrue(missing.diagnostics.contains { $0.severity == .warning && $0.message.contains("compares with 1Q00, which has no period file") },
                      "\(missing.diagnostics.map(\.description))")

        // Site settings: every page changes.
        try f.edit("site.yaml") { $0.replacingOccurrences(of: "company: ", with: "company: New ") }
        _ = try await f.assertIncrementalEqualsClean("settings edit")
    }

    /// `irsite serve` keeps the resolved periods and the fact book's formula values while site.yaml,
    /// the layouts and the period files are unchanged: a formula edited with every fact unchanged
    /// must be evaluated again, never answered from the previous build.
    func testAnInProcessRebuildAfterAFormulaEditEvaluatesItAgain() async throws {
        var f = try makeFixture(quarters: 6)
        f.cache = BuildCache()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let unedited = try await f.assertIncrementalEqualsClean("no edit: the periods come from the cache").diagnostics.map(\.description)
        let kept = try XCTUnwrap(f.cache?.lastPeriods.withLock { $0 }, "the process keeps the resolved periods")
        XCTAssertNotNil(kept.book, "and their fact book")
        try f.edit("statements/balance_sheet.yaml") { $0.replacingOccurrences(of: " + other_current_assets\n", with: "\n") }
        func findings(_ build: () async throws -> Pipeline.BuildResult) async -> [String] {
            do {
                return try await build().diagnostics.map(\.description)
            } catch let error as DiagnosticsError {
                return error.diagnostics.map(\.description)
            } catch {
                return ["\(error)"]
            }
        }
        let inProcess = await findings { try await f.build() }
        let clean = await findings { try await f.build(incremental: false, into: f.tmp.path("Clean")) }
        XCTAssertEqual(inProcess, clean, "the same findings as a clean build")
        XCTAssertNotEqual(f.cache?.lastPeriods.withLock { $0?.key }, kept.key, "the edited layout changed the key")
        XCTAssertNotEqual(clean, unedited, "the stated total no longer foots with the new formula")
    }

    func testABrokenEditLeavesTheSiteAndItsManifestAsTheyWere() async throws {
        let f = try makeFixture(quarters: 4)
        defer { f.tmp.remove() }
        _ = try await f.build()
        let before = TempDirectory.snapshot(f.output)
        try f.edit("periods/2001-q2.yaml") { $0.replacingOccurrences(of: #"research_and_development: (\d+)"#, with: "research_and_development: twelve", options: .regularExpression) }
        do {
            _ = try await f.build()
            XCTFail("a figure that is not a number fails the build")
        } catch let error as DiagnosticsError {
            XCTAssertTrue(error.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix("periods/2001-q2.yaml") }, "\(error.diagnostics)")
        }
        XCTAssertEqual(TempDirectory.snapshot(f.output), before)
    }

    func testAManifestEntryWithoutItsFileIsMadeAgain() async throws {
        let f = try makeFixture(quarters: 4)
        defer { f.tmp.remove() }
        _ = try await f.build()
        let page = f.output + "/releases/2001-q3/index.html"
        let original = try Data(contentsOf: URL(fileURLWithPath: page))
        try FileManager.default.removeItem(atPath: page)
        let result = try await f.build()
        XCTAssertEqual(result.written, 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: page)), original)
    }

    func testManifestRoundTrips() {
        let m = Manifest(entries: ["index.html": .init(inputs: "", content: "ab"), "releases/2001-q2/index.html": .init(inputs: "cd", content: "")])
        let tmp = try! TempDirectory()
        defer { tmp.remove() }
        try! m.text.write(toFile: tmp.path(Manifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertEqual(Manifest.read(from: tmp.path), m)
        try! "something else\n".write(toFile: tmp.path(Manifest.fileName), atomically: true, encoding: .utf8)
        XCTAssertNil(Manifest.read(from: tmp.path), "an unknown format is not trusted")
    }

    func testFingerprintsAreStableAndSeparateTheirParts() {
        XCTAssertEqual(Fingerprint.of("2001-q2").hex, Fingerprint.of("2001-q2").hex)
        XCTAssertEqual(Fingerprint.of("").hex.count, 32)
        var ab = Fingerprint(), a_b = Fingerprint()
        ab.add("ab"); ab.add("c")
        a_b.add("a"); a_b.add("bc")
        XCTAssertNotEqual(ab, a_b)
        XCTAssertNotEqual(Fingerprint.of("a"), Fingerprint.of("b"))
    }

    func testFingerprintsTakeWordsAndTailsAndSeeEveryByte() {
        // Stored in the cache and the manifest: the same bytes give the same digest in every process, on every machine.
        XCTAssertEqual(Fingerprint.of(bytes: Array("IRSite".utf8)).hex, Fingerprint.of(bytes: Array("IRSite".utf8)).hex)
        XCTAssertNotEqual(Fingerprint.of(bytes: [0x61]), Fingerprint.of(bytes: [0x61, 0]), "a zero byte in the tail counts")
        XCTAssertNotEqual(Fingerprint.of(bytes: []), Fingerprint.of(bytes: [UInt8](repeating: 0, count: 8)), "a zero word counts")
        // A long buffer, every length from 0 to 40 and one flipped bit anywhere, words and tails alike.
        let bytes = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var seen = Set<Fingerprint>()
        for length in 0...bytes.count {
            let base = Array(bytes.prefix(length))
            XCTAssertTrue(seen.insert(Fingerprint.of(bytes: base)).inserted, "length \(length) has its own digest")
            for index in base.indices {
                for bit in 0..<8 {
                    var flipped = base
                    flipped[index] ^= 1 << bit
                    XCTAssertNotEqual(Fingerprint.of(bytes: flipped), Fingerprint.of(bytes: base), "bit \(bit) of byte \(index) of \(length)")
                }
            }
        }
        // Unaligned starts read the same words as aligned ones.
        let padded = [UInt8(0)] + bytes
        padded.withUnsafeBytes { raw in
            var f = Fingerprint()
            f.add(UnsafeRawBufferPointer(rebasing: raw[1...]))
            XCTAssertEqual(f, Fingerprint.of(bytes: bytes))
        }
    }
}
