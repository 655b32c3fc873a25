import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

final class ServeSourceSnapshotTests: XCTestCase {
    func testSeesAddedChangedRemovedAndRenamedFiles() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let root = tmp.path("Content")
        try FileManager.default.createDirectory(atPath: root + "/releases", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/site.yaml", atomically: false, encoding: .utf8)
        try "b".write(toFile: root + "/releases/x.md", atomically: false, encoding: .utf8)
        let first = SourceSnapshot(folders: [root])
        XCTAssertEqual(SourceSnapshot(folders: [root]), first, "nothing changed")

        // Same size, new modification time.
        try "c".write(toFile: root + "/site.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)], ofItemAtPath: root + "/site.yaml")
        let edited = SourceSnapshot(folders: [root])
        XCTAssertEqual(edited.changes(since: first), [root + "/site.yaml"])

        try FileManager.default.moveItem(atPath: root + "/releases/x.md", toPath: root + "/releases/y.md")
        try "new".write(toFile: root + "/releases/z.md", atomically: false, encoding: .utf8)
        let moved = SourceSnapshot(folders: [root])
        XCTAssertEqual(moved.changes(since: edited), [root + "/releases/x.md", root + "/releases/y.md", root + "/releases/z.md"])

        try FileManager.default.removeItem(atPath: root + "/releases")
        XCTAssertEqual(SourceSnapshot(folders: [root]).changes(since: moved),
                       [root + "/releases/y.md", root + "/releases/z.md"])
    }

    func testIgnoresEditorFilesAndMissingFolders() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let root = tmp.path("Templates")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let before = SourceSnapshot(folders: [root, tmp.path("Missing")])
        for name in [".layout.mustache.swp", "layout.mustache~", ".#layout.mustache"] {
            try "x".write(toFile: root + "/" + name, atomically: false, encoding: .utf8)
        }
        XCTAssertEqual(SourceSnapshot(folders: [root, tmp.path("Missing")]), before)
        try FileManager.default.createDirectory(atPath: tmp.path("Missing"), withIntermediateDirectories: true)
        try "x".write(toFile: tmp.path("Missing/a.yaml"), atomically: false, encoding: .utf8)
        XCTAssertEqual(SourceSnapshot(folders: [root, tmp.path("Missing")]).changes(since: before), [tmp.path("Missing/a.yaml")])
    }
}
