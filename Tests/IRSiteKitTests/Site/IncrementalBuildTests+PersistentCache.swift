import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The persistent build cache beside the output: a new process (a build with no
/// in-memory cache) reuses it and still writes what a clean build writes; a cache
/// that is damaged, foreign or from another version is ignored, never trusted.
final class PersistentBuildCacheTests: XCTestCase {
    static let marker = "a finding only the planted cache holds"

    func makeFixture() throws -> IncrementalBuildTests.Fixture {
        let tmp = try TempDirectory()
        let generated = try GeneratedContent(quarters: 6, unpublishedQuarters: 0).write(to: tmp.path)
        let templates = try tmp.copy(Paths.templates, as: "Templates")
        return IncrementalBuildTests.Fixture(tmp: tmp, content: generated.content, templates: templates, options: generated.options)
    }

    func cachePath(_ f: IncrementalBuildTests.Fixture) -> URL { BuildCacheFile.path(for: URL(fileURLWithPath: f.output)) }

    /// Rewrites the cache so that every period's stored findings carry one more, which no check makes:
    /// a build that reports it answered from the cache.
    func plant(_ f: IncrementalBuildTests.Fixture, identity: String = IRSite.buildIdentity) throws -> [UInt8] {
        let (loaded, rejected) = BuildCacheFile.load(from: cachePath(f))
        var file = try XCTUnwrap(loaded, "the build left a cache: \(rejected ?? "none")")
        XCTAssertFalse(file.periodChecks.isEmpty)
        let at = SourceLocation(file: f.content + "/site.yaml", line: 1, column: 1)
        for key in file.periodChecks.keys { file.periodChecks[key]?.append(Diagnostic(.warning, Self.marker, at: at)) }
        let bytes = file.encoded(identity: identity)
        try Data(bytes).write(to: cachePath(f))
        return bytes
    }

    func planted(_ result: Pipeline.BuildResult) -> Bool { result.diagnostics.contains { $0.message == Self.marker } }

    /// Builds as a new process would (no cache in memory), then cleanly into a fresh folder, and compares
    /// the trees and the findings (but for the note about an ignored cache).
    func assertEqualsClean(_ f: IncrementalBuildTests.Fixture, _ step: String, file: StaticString = #filePath, line: UInt = #line) async throws -> Pipeline.BuildResult {
        let result = try await f.build()
        XCTAssertTrue(result.incremental, "\(step): the build found the previous output", file: file, line: line)
        let clean = f.tmp.path("Clean-\(UUID().uuidString)")
        let cleanResult = try await f.build(incremental: false, into: clean)
        let findings = result.diagnostics.filter { !$0.message.hasPrefix("ignoring the build cache") }.map(\.description)
        XCTAssertEqual(findings, cleanResult.diagnostics.map(\.description), "\(step): the same findings", file: file, line: line)
        let a = TempDirectory.snapshot(f.output), b = TempDirectory.snapshot(clean)
        XCTAssertEqual(Set(a.keys).symmetricDifference(b.keys).sorted(), [], "\(step): the same files", file: file, line: line)
        XCTAssertEqual(a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted(), [], "\(step): the same bytes", file: file, line: line)
        try FileManager.default.removeItem(atPath: clean)
        return result
    }

    func testTheCacheLivesBesideTheOutputAndHoldsWhatTheBuildChecked() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let path = cachePath(f)
        XCTAssertEqual(path.deletingLastPathComponent().standardizedFileURL.path, URL(fileURLWithPath: f.tmp.path).standardizedFileURL.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path.path), "a one-off build leaves its cache")
        let inside = TempDirectory.snapshot(f.output).keys
        XCTAssertFalse(inside.contains { $0.contains("irsite-cache") }, "never in the published folder: \(inside.sorted())")
        XCTAssertFalse(try XCTUnwrap(Manifest.read(from: f.output)).entries.keys.contains { $0.contains("irsite-cache") })
        let file = try XCTUnwrap(BuildCacheFile.load(from: path).0)
        let (site, _) = Pipeline.check(content: f.content)
        let site_ = try XCTUnwrap(site)
        XCTAssertEqual(file.periods.count, site_.periods.count, "every period file, decoded")
        XCTAssertEqual(file.periodChecks.count, site_.periods.count, "every period's findings")
        XCTAssertEqual(file.releaseChecks.count, site_.releases.count, "every release's findings")
        // Written in a stable order: the same cache, the same bytes.
        XCTAssertEqual(file.encoded(identity: "x"), try XCTUnwrap(BuildCacheFile.load(from: path).0).encoded(identity: "x"))
        XCTAssertEqual(file.releases.count, site_.releases.count, "every release file, loaded")
        // The period section read back is written back as it was: what encoding it again writes.
        XCTAssertNotNil(file.periodsSection)
        var encodedAgain = file
        encodedAgain.periodsSection = nil
        XCTAssertEqual(file.encoded(identity: "x"), encodedAgain.encoded(identity: "x"))
    }

    func testANewProcessAfterAnEditUsesTheCacheAndEqualsACleanBuild() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        _ = try plant(f)
        let unchanged = try await f.build()
        XCTAssertTrue(planted(unchanged), "an intact cache of this binary is used")
        XCTAssertEqual(unchanged.written, 0)
        // An honest cache again (--clean ignores the planted one and writes a new one).
        _ = try await f.build(incremental: false)

        // An edit of one release's commentary, then one of a period's figures: each build a fresh process would run.
        try f.edit("releases/2001-q2.md") { $0.replacingOccurrences(of: "\n## ", with: "\nA sentence added by the editor.\n\n## ") }
        let commentary = try await assertEqualsClean(f, "commentary edit, cache from the previous process")
        XCTAssertLessThanOrEqual(commentary.written, 2)
        try f.edit("periods/2001-q2.yaml") { text in
            text.replacingOccurrences(of: #"international_backbone_costs: (\d+)"#, with: "international_backbone_costs: 12345", options: .regularExpression)
        }
        _ = try await assertEqualsClean(f, "figures edit, cache from the previous process")
    }

    func testADamagedForeignOrOtherVersionCacheIsIgnored() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let good = try plant(f)
        var flipped = good
        flipped[good.count / 2] ^= 0x5A
        var otherVersion = good
        // The version follows the magic line's length and bytes.
        let versionAt = 8 + BuildCacheFile.magic.utf8.count
        otherVersion[versionAt] &+= 1
        let cases: [(String, [UInt8])] = [
            ("a flipped byte", flipped),
            ("truncated", Array(good.prefix(good.count - 7))),
            ("truncated in the header", Array(good.prefix(20))),
            ("extended", good + [0]),
            ("empty", []),
            ("garbage", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 >> 3) }),
            ("another binary", try plant(f, identity: "IRSite 0.0.0 another binary")),
            ("another format version", otherVersion),
        ]
        for (what, bytes) in cases {
            try Data(bytes).write(to: cachePath(f))
            try f.edit("releases/2001-q3.md") { $0 + "\nOne more sentence: \(what).\n" }
            let result = try await assertEqualsClean(f, "cache \(what)")
            XCTAssertFalse(planted(result), "\(what): the cache is not trusted")
            XCTAssertTrue(result.diagnostics.contains { $0.severity == .note && $0.message.hasPrefix("ignoring the build cache") },
                          "\(what): a note says why: \(result.diagnostics.filter { $0.severity == .note })")
            XCTAssertNotNil(BuildCacheFile.load(from: cachePath(f)).0, "\(what): the build leaves a good cache again")
        }
    }

    func testACleanBuildIgnoresTheCache() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        _ = try plant(f)
        let clean = try await f.build(incremental: false)
        XCTAssertFalse(clean.incremental)
        XCTAssertFalse(planted(clean), "--clean checks everything again")
        XCTAssertNotNil(BuildCacheFile.load(from: cachePath(f)).0, "and leaves a fresh cache")
        let next = try await f.build()
        XCTAssertFalse(planted(next), "which the next build uses")
    }

    /// A period's findings read its prior quarter (cash continuity): editing the neighbour
    /// checks the period again, in memory and through the persistent cache.
    func testEditingANeighbourChecksThePeriodAgain() async throws {
        for persistent in [false, true] {
            var f = try makeFixture()
            defer { f.tmp.remove() }
            if !persistent { f.cache = BuildCache() }
            _ = try await f.build()
            try f.edit("periods/2001-q2.yaml") { $0.replacingOccurrences(of: #"(?m)^(\s+)cash: (-?\d+)"#, with: "$1cash: 1", options: .regularExpression) }
            let next = FiscalPeriod(year: 2001, quarter: 3).label
            do {
                _ = try await f.build()
                XCTFail("the edit breaks cash continuity")
            } catch let error as DiagnosticsError {
                let expected = Pipeline.check(content: f.content).diagnostics.map(\.description)
                XCTAssertEqual(error.diagnostics.map(\.description), expected, "persistent \(persistent): what an uncached check finds")
                XCTAssertTrue(error.diagnostics.contains { $0.message.hasPrefix("\(next): ") && $0.message.contains("previous quarter's ending cash") },
                              "persistent \(persistent): the next quarter's continuity check ran again: \(error.diagnostics)")
            }
        }
    }

    // MARK: Releases kept loaded

    /// Every finding with its place and stage, as a report prints it.
    func report(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.stage) \($0.description)" } }

    /// A release read back from the cache gives exactly the findings of loading its file:
    /// blocks that do not decode (located and not), lint warnings, a file with CR line
    /// ends, and a release whose front matter does not resolve.
    func testReleasesRestoredFromTheCacheGiveTheColdFindings() throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        try f.edit("releases/2001-q3.md") {
            $0 + "\n# A second title\n\n<b>raw</b>\n\n```chart\nkind: bar\ntitle: [unclosed\n```\n\n"
                + "```chart\nkind: bar\ntitle: Empty\nseries: []\n```\n\n```chart\nkind: bar\ntitle: T\nseries: [total_revenues]\ncolour: red\n```\n\n"
                + "```statement\nlayout: nowhere\n```\n\n```statement\nlayout: balance_sheet\ncolour: red\n```\n"
        }
        try f.edit("releases/2001-q2.md") { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        for round in ["check findings", "and a load error"] {
            if round == "and a load error" {
                try f.edit("releases/2001-q4.md") { $0.replacingOccurrences(of: #"(?m)^period: .*$"#, with: "period: 2001-Q9", options: .regularExpression) }
            }
            let cold = report(Pipeline.load(content: f.content, options: f.options).diagnostics)
            XCTAssertTrue(cold.contains { $0.contains(round == "check findings" ? "chart block" : "2001-Q9") }, "\(round): \(cold)")
            let first = BuildCache(persisted: nil)
            let loaded = Pipeline.load(content: f.content, cache: first, options: f.options)
            XCTAssertEqual(report(loaded.diagnostics), cold, "\(round): a build with an empty cache")
            let files = try XCTUnwrap(loaded.files)
            let stored = try BuildCacheFile(decoding: first.persistable(files, digests: loaded.digests).encoded(identity: "t"), identity: "t")
            XCTAssertEqual(stored.releases.count, files.releases.count, "\(round): every release file, whether it loads or not")
            XCTAssertTrue(stored.releases.values.contains { $0.bodyBytes != nil }, "\(round): a body that is its file's tail is not stored")
            var ignored: [Diagnostic] = []
            let fresh = SiteLoader.loadReleases(files, allowActive: false, cache: nil, diagnostics: &ignored)
            let back = SiteLoader.loadReleases(files, allowActive: false, cache: (BuildCache(persisted: stored), loaded.digests), diagnostics: &ignored)
            XCTAssertEqual(back.count, fresh.count)
            for (r, c) in zip(back, fresh) {
                XCTAssertEqual([r.file, r.title, r.subtitle ?? "-", r.dateline ?? "-", r.released.description, r.body, "\(r.bodyLineOffset)", "\(r.draft)",
                                r.document.outline.firstParagraphText ?? "-", r.events.map(\.start.description).joined(), r.corrections.map(\.note).joined()],
                               [c.file, c.title, c.subtitle ?? "-", c.dateline ?? "-", c.released.description, c.body, "\(c.bodyLineOffset)", "\(c.draft)",
                                c.document.outline.firstParagraphText ?? "-", c.events.map(\.start.description).joined(), c.corrections.map(\.note).joined()])
                XCTAssertEqual(r.document.outline.embeds, c.document.outline.embeds)
                XCTAssertEqual(r.document.outline.findings, c.document.outline.findings)
                XCTAssertEqual(r.document.charts.map { "\($0.location) \((try? $0.spec.get()).map { "\($0.kind) \($0.title) \($0.series.map(\.value)) \($0.labels.sorted { $0.key < $1.key })" } ?? "-")" },
                               c.document.charts.map { "\($0.location) \((try? $0.spec.get()).map { "\($0.kind) \($0.title) \($0.series.map(\.value)) \($0.labels.sorted { $0.key < $1.key })" } ?? "-")" })
                XCTAssertEqual(r.guidance?.items.map { "\($0.line.value) \($0.low.value) \($0.high.location)" }, c.guidance?.items.map { "\($0.line.value) \($0.low.value) \($0.high.location)" })
            }

            let restored = Pipeline.load(content: f.content, cache: BuildCache(persisted: stored), options: f.options)
            XCTAssertEqual(report(restored.diagnostics), cold, "\(round): releases read back from the cache")
            // And they were read back, not loaded again.
            var planted = stored
            let at = SourceLocation(file: f.content + "/site.yaml", line: 1, column: 1)
            // At lines of their own: a report lists a finding once.
            for (n, key) in planted.releases.keys.enumerated() {
                planted.releases[key]?.decoding.diagnostics.append(Diagnostic(.warning, Self.marker, at: SourceLocation(file: at.file, line: n + 1, column: 1), stage: .load))
            }
            let answered = Pipeline.load(content: f.content, cache: BuildCache(persisted: planted), options: f.options)
            XCTAssertEqual(answered.diagnostics.filter { $0.message == Self.marker }.count, files.releases.count, round)
        }
    }

    /// Pages made from releases read back from the cache (the output folder gone, the
    /// cache kept) and after a layout edit are what a clean build writes.
    func testPagesOfRestoredReleasesEqualACleanBuild() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let stored = try XCTUnwrap(BuildCacheFile.load(from: cachePath(f)).0)
        XCTAssertEqual(stored.releases.count, try XCTUnwrap(Pipeline.check(content: f.content).site).releases.count)
        try FileManager.default.removeItem(atPath: f.output)
        let rebuilt = try await f.build()
        XCTAssertFalse(rebuilt.incremental, "every page made again")
        let clean = f.tmp.path("Clean")
        let cleanResult = try await f.build(incremental: false, into: clean)
        XCTAssertEqual(report(rebuilt.diagnostics), report(cleanResult.diagnostics))
        let a = TempDirectory.snapshot(f.output), b = TempDirectory.snapshot(clean)
        XCTAssertEqual(Set(a.keys).symmetricDifference(b.keys).sorted(), [])
        XCTAssertEqual(a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted(), [])

        try f.edit("statements/backbone_costs.yaml") {
            $0.replacingOccurrences(of: #"label: "International Backbone Costs""#, with: #"label: "International Backbone Costs, restated""#)
        }
        let relabelled = try await assertEqualsClean(f, "a layout edit, releases from the cache")
        XCTAssertGreaterThan(relabelled.written, 0)
        try f.edit("statements/backbone_costs.yaml") { $0.replacingOccurrences(of: "title: Table 4. Backbone Costs", with: "title: Table 4. Backbone Costs (restated)") }
        _ = try await assertEqualsClean(f, "a layout title edit")
    }
}
