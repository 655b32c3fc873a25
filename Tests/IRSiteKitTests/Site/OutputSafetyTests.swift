import Foundation
import IRSiteTestSupport
import Synchronization
import XCTest
@testable import IRSiteKit

/// A disk that fills up: its `failing`th write (or move) fails as `write(2)` does
/// on a full disk; every other one goes to the real disk.
final class FullDiskWriter: FileWriting {
    enum Step: Sendable { case write, move }
    let step: Step
    let failing: Int
    private let count = Mutex(0)

    init(_ step: Step, failing: Int) {
        self.step = step
        self.failing = failing
    }

    private func tick(_ kind: Step, _ path: String) throws {
        guard kind == step, count.withLock({ $0 += 1; return $0 }) == failing else { return }
        throw LocatedError("cannot write '\(path)': No space left on device", at: SourceLocation(file: path, line: 1, column: 1))
    }

    func write(_ file: OutputFile, to path: String) throws {
        try tick(.write, path)
        try DiskFileWriter().write(file, to: path)
    }

    func move(_ source: String, to destination: String) throws {
        try tick(.move, destination)
        try CommitJournal.rename(source, destination)
    }
}

/// What a build may do to the output folder when something goes wrong: a write
/// or a move that fails, a forged or stale manifest, a second build at the same
/// time, a build killed during its commit.
final class OutputSafetyTests: XCTestCase {
    struct Fixture {
        let tmp: TempDirectory
        let content: String
        let templates: String
        let options: PublicationOptions
        var output: String { tmp.path("Output") }

        func build(incremental: Bool = true, into folder: String? = nil, writer: any FileWriting = DiskFileWriter()) async throws -> Pipeline.BuildResult {
            try await Pipeline.build(content: content, templates: templates, output: folder ?? output, options: options,
                                     incremental: incremental, writer: writer)
        }

        /// Entries beside the output folder that a build left there (staging folders, journals, locks, a half-written
        /// cache), but the build cache, which is meant to stay.
        var leftovers: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).filter { $0.hasPrefix(".Output") && $0 != ".Output.irsite-cache" }.sorted()
        }

        /// A clean build of the same content into a fresh folder.
        func cleanSnapshot() async throws -> [String: Data] {
            let clean = tmp.path("Clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(atPath: clean) }
            _ = try await build(incremental: false, into: clean)
            return TempDirectory.snapshot(clean)
        }

        func editTemplate() throws {
            let layout = templates + "/layout.mustache"
            let text = try String(contentsOfFile: layout, encoding: .utf8)
            try text.replacingOccurrences(of: "</body>", with: "<!-- edited \(UUID().uuidString) -->\n</body>").write(toFile: layout, atomically: true, encoding: .utf8)
        }
    }

    func makeFixture() throws -> Fixture {
        let tmp = try TempDirectory()
        let generated = try GeneratedContent(quarters: 4, unpublishedQuarters: 0).write(to: tmp.path)
        let templates = try tmp.copy(Paths.templates, as: "Templates")
        return Fixture(tmp: tmp, content: generated.content, templates: templates, options: generated.options)
    }

    func assertFullDisk(_ error: Error, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = error as? LocatedError else { return XCTFail("not a located error: \(error)", file: file, line: line) }
        XCTAssertEqual(error.message, "cannot write '\(error.location.file)': No space left on device", file: file, line: line)
        XCTAssertEqual(error.description, "\(error.location.file):1:1: error: cannot write '\(error.location.file)': No space left on device", file: file, line: line)
    }

    /// A write that fails part-way through the pages, in a clean and in an
    /// incremental build, and a move that fails part-way through an incremental
    /// commit: the output stays byte for byte as it was, and nothing is left beside it.
    func testAFailureMidBuildLeavesThePreviousOutputByteIdentical() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let before = TempDirectory.snapshot(f.output)
        XCTAssertNotNil(before[Manifest.fileName])

        for (name, incremental, writer) in [("clean, 5th write", false, FullDiskWriter(.write, failing: 5)),
                                            ("incremental, 5th write", true, FullDiskWriter(.write, failing: 5))] {
            try f.editTemplate()
            do {
                _ = try await f.build(incremental: incremental, writer: writer)
                XCTFail("\(name): the build must fail")
            } catch {
                assertFullDisk(error)
                XCTAssertTrue((error as? LocatedError)?.location.file.hasPrefix(f.tmp.path + "/.Output.staging-") ?? false, "\(name): \(error)")
            }
            XCTAssertEqual(TempDirectory.snapshot(f.output), before, "\(name): the output is as it was")
            XCTAssertEqual(f.leftovers, [], name)
        }

        // The commit's third move fails: the two before it are undone.
        do {
            _ = try await f.build(writer: FullDiskWriter(.move, failing: 3))
            XCTFail("the commit must fail")
        } catch {
            assertFullDisk(error)
        }
        XCTAssertEqual(TempDirectory.snapshot(f.output), before, "a commit that failed part-way is undone")
        XCTAssertEqual(f.leftovers, [])

        // With room on the disk again, the next build writes the edit.
        let result = try await f.build()
        XCTAssertTrue(result.incremental)
        let clean = try await f.cleanSnapshot()
        XCTAssertEqual(TempDirectory.snapshot(f.output), clean)
    }

    /// Manifest lines naming paths outside the output folder (or not plain) are
    /// never followed: the manifest is ignored with a warning at its line, the
    /// build is a full one, and a file beside the output folder survives.
    func testAForgedManifestCannotRemoveFilesOutsideTheOutput() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        let sentinel = f.tmp.path("Sentinel.txt")
        try "keep me\n".write(toFile: sentinel, atomically: true, encoding: .utf8)
        let forged = ["../Sentinel.txt", sentinel, "releases/../../Sentinel.txt", "releases//index.html", "./index.html",
                      "..\\Sentinel.txt", "index.html\u{0}../Sentinel.txt", ""]
        for path in forged {
            _ = try await f.build()
            let manifest = f.output + "/" + Manifest.fileName
            let text = try String(contentsOfFile: manifest, encoding: .utf8)
            let line = text.split(separator: "\n").count + 1
            try (text + path + "\t\t\n").write(toFile: manifest, atomically: true, encoding: .utf8)
            let result = try await f.build()
            XCTAssertTrue(FileManager.default.fileExists(atPath: sentinel), "\(path.debugDescription) removed a file outside the output")
            XCTAssertFalse(result.incremental, "\(path.debugDescription): the manifest is not trusted")
            let shown = String(path.debugDescription.dropFirst().dropLast())
            XCTAssertEqual(result.diagnostics.filter { $0.message.contains("manifest") }.map(\.description),
                           ["\(manifest):\(line):1: warning: ignoring the previous build's manifest: the manifest names '\(shown)', which is not a path inside the output folder; writing the whole site again"])
        }
        XCTAssertEqual(try String(contentsOfFile: sentinel, encoding: .utf8), "keep me\n")
        let clean = try await f.cleanSnapshot()
        XCTAssertEqual(TempDirectory.snapshot(f.output), clean)
        XCTAssertEqual(Manifest.read(from: f.output).map { Set($0.entries.keys) }, Set(TempDirectory.snapshot(f.output).keys).subtracting([Manifest.fileName, ".irsite-output"]))
    }

    /// A file changed behind the build's back, or one the manifest does not list
    /// (another build's, perhaps an embargoed release): the next build does not
    /// trust the manifest, says so, and writes the whole site again.
    func testAnOutputThatDoesNotMatchItsManifestIsWrittenWhole() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let expected = TempDirectory.snapshot(f.output)
        let manifest = f.output + "/" + Manifest.fileName

        let home = f.output + "/index.html"
        try (try String(contentsOfFile: home, encoding: .utf8) + "<!-- tampered -->\n").write(toFile: home, atomically: true, encoding: .utf8)
        let tampered = try await f.build()
        XCTAssertFalse(tampered.incremental)
        XCTAssertEqual(tampered.diagnostics.filter { $0.message.contains("manifest") }.map(\.description),
                       ["\(manifest):1:1: warning: the output folder does not match the previous build's manifest ('index.html' does not have the bytes it lists); writing the whole site again"])
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected)

        try FileManager.default.createDirectory(atPath: f.output + "/releases/2009-q1", withIntermediateDirectories: true)
        try "an embargoed release\n".write(toFile: f.output + "/releases/2009-q1/index.html", atomically: true, encoding: .utf8)
        let extra = try await f.build()
        XCTAssertFalse(extra.incremental)
        XCTAssertEqual(extra.diagnostics.filter { $0.message.contains("manifest") }.map(\.description),
                       ["\(manifest):1:1: warning: the output folder does not match the previous build's manifest ('releases/2009-q1/index.html' is not listed in it); writing the whole site again"])
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected, "the unlisted release is gone")

        // A listed file replaced by a link that leads out of the folder.
        let outside = f.tmp.path("Outside.txt")
        try "outside\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: f.output + "/robots.txt")
        try FileManager.default.createSymbolicLink(atPath: f.output + "/robots.txt", withDestinationPath: outside)
        let linked = try await f.build()
        XCTAssertFalse(linked.incremental)
        XCTAssertEqual(linked.diagnostics.filter { $0.message.contains("manifest") }.map(\.description),
                       ["\(manifest):1:1: warning: the output folder does not match the previous build's manifest ('robots.txt' is not a regular file); writing the whole site again"])
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected)
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "outside\n")

        // A folder of the output replaced by a link to a folder outside it (found by a probe:
        // an incremental build wrote and removed data files through the link).
        let victim = f.tmp.path("Victim")
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        let dataFiles = try FileManager.default.contentsOfDirectory(atPath: f.output + "/data").sorted()
        for name in dataFiles { try "precious\n".write(toFile: victim + "/" + name, atomically: true, encoding: .utf8) }
        try FileManager.default.removeItem(atPath: f.output + "/data")
        try FileManager.default.createSymbolicLink(atPath: f.output + "/data", withDestinationPath: victim)
        let folderLinked = try await f.build()
        XCTAssertFalse(folderLinked.incremental)
        XCTAssertEqual(folderLinked.diagnostics.filter { $0.message.contains("manifest") }.count, 1)
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected, "data/ is a real folder again, with the build's files")
        for name in dataFiles {
            XCTAssertEqual(try String(contentsOfFile: victim + "/" + name, encoding: .utf8), "precious\n", "\(name) outside the output is untouched")
        }

        // A manifest line removed: its file is no longer listed.
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.split(separator: "\n").filter { !$0.hasPrefix("feed.xml\t") }.map { $0 + "\n" }.joined().write(toFile: manifest, atomically: true, encoding: .utf8)
        let unlisted = try await f.build()
        XCTAssertFalse(unlisted.incremental)
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected)
        let trusted = try await f.build()
        XCTAssertTrue(trusted.incremental, "a matching output is updated in place again")
        XCTAssertEqual(trusted.diagnostics.filter { $0.message.contains("manifest") }, [])
    }

    /// While another build holds the output folder, a build is refused at once,
    /// naming the folder and the lock, and changes nothing.
    func testABuildIsRefusedWhileAnotherHoldsTheOutput() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let before = TempDirectory.snapshot(f.output)
        let target = URL(fileURLWithPath: f.output).standardizedFileURL.resolvingSymlinksInPath()
        let lock = try OutputLock(output: target)
        try f.editTemplate()
        do {
            _ = try await f.build()
            XCTFail("a second build must be refused")
        } catch let error as LocatedError {
            XCTAssertEqual(error.description, "\(target.path):1:1: error: another irsite build is writing '\(target.path)' (it holds '\(OutputLock.path(for: target).path)'); try again when it has finished")
        }
        XCTAssertEqual(TempDirectory.snapshot(f.output), before)
        lock.release()
        XCTAssertEqual(f.leftovers, [], "the lock file goes with the lock")
        let result = try await f.build()
        XCTAssertTrue(result.incremental)
        let clean = try await f.cleanSnapshot()
        XCTAssertEqual(TempDirectory.snapshot(f.output), clean)
        XCTAssertEqual(f.leftovers, [])
    }

    /// The state a build killed during an incremental commit leaves: some changed
    /// files moved in, the replaced ones and the old manifest moved aside, the
    /// rest still staged, the journal beside the output. The next build finishes
    /// the commit (so its manifest is trusted and nothing is made again) and removes
    /// a killed build's staging folder.
    func testAnUpdateCutShortIsFinishedByTheNextBuild() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        let old = TempDirectory.snapshot(f.output)
        try f.editTemplate()
        let expected = try await f.cleanSnapshot()
        let changed = expected.keys.filter { $0 != Manifest.fileName && old[$0] != expected[$0] }.sorted()
        XCTAssertGreaterThan(changed.count, 4)

        let fm = FileManager.default
        let staging = f.tmp.path(".Output.staging-1-1"), aside = f.tmp.path(".Output.previous-1-1")
        try fm.createDirectory(atPath: aside, withIntermediateDirectories: true)
        try fm.moveItem(atPath: f.output + "/" + Manifest.fileName, toPath: aside + "/" + Manifest.fileName)
        for (index, path) in changed.enumerated() {
            // The first three were moved in before the kill; the rest are still staged.
            let staged = index < 3 ? f.output + "/" + path : staging + "/" + path
            if index < 3 {
                try fm.createDirectory(atPath: (aside + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fm.moveItem(atPath: f.output + "/" + path, toPath: aside + "/" + path)
            }
            try fm.createDirectory(atPath: (staged as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try expected[path]!.write(to: URL(fileURLWithPath: staged))
        }
        let manifest = String(decoding: expected[Manifest.fileName]!, as: UTF8.self)
        try CommitJournal(kind: .update, staging: ".Output.staging-1-1", previous: ".Output.previous-1-1", moves: changed, manifest: manifest)
            .write(for: URL(fileURLWithPath: f.output))
        // A build killed while rendering leaves its staging folder.
        try fm.createDirectory(atPath: f.tmp.path(".Output.staging-99-2/releases"), withIntermediateDirectories: true)
        try "half a page".write(toFile: f.tmp.path(".Output.staging-99-2/releases/index.html"), atomically: true, encoding: .utf8)
        XCTAssertNil(Manifest.read(from: f.output), "cut short, the output has no manifest")

        let result = try await f.build()
        XCTAssertTrue(result.incremental, "the finished commit's manifest is trusted")
        XCTAssertEqual(result.written, 0, "the finished commit already holds every file")
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected)
        XCTAssertEqual(f.leftovers, [])
    }

    /// A build killed between the two renames of a full build's swap leaves no
    /// output folder, the old one aside and the new one staged: the next build
    /// finishes the swap.
    func testASwapCutShortIsFinishedByTheNextBuild() async throws {
        let f = try makeFixture()
        defer { f.tmp.remove() }
        _ = try await f.build()
        try f.editTemplate()
        let expected = try await f.cleanSnapshot()
        let fm = FileManager.default
        _ = try await f.build(incremental: false, into: f.tmp.path(".Output.staging-3-3"))
        try fm.moveItem(atPath: f.output, toPath: f.tmp.path(".Output.previous-3-3"))
        try CommitJournal(kind: .swap, staging: ".Output.staging-3-3", previous: ".Output.previous-3-3").write(for: URL(fileURLWithPath: f.output))

        let result = try await f.build()
        XCTAssertTrue(result.incremental)
        XCTAssertEqual(result.written, 0)
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected)
        XCTAssertEqual(f.leftovers, [])

        // Without its journal, an output folder left aside is put back.
        try fm.moveItem(atPath: f.output, toPath: f.tmp.path(".Output.previous-4-4"))
        let again = try await f.build()
        XCTAssertTrue(again.incremental)
        XCTAssertEqual(again.written, 0)
        XCTAssertEqual(TempDirectory.snapshot(f.output), expected)
        XCTAssertEqual(f.leftovers, [])
    }
}
