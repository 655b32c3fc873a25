import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// Request targets to files of the output folder, and every way of escaping it refused.
final class ServePreviewPathTests: XCTestCase {
    func file(_ target: String) throws -> String { try PreviewPath(target: target).relativeFile }

    func refusal(_ target: String) -> PreviewPath.Refusal? {
        do {
            _ = try PreviewPath(target: target)
            return nil
        } catch {
            return error
        }
    }

    func testMapsPathsToFiles() throws {
        XCTAssertEqual(try file("/"), "index.html")
        XCTAssertEqual(try file("/index.html"), "index.html")
        XCTAssertEqual(try file("/releases/"), "releases/index.html")
        XCTAssertEqual(try file("/releases/2001-q2/"), "releases/2001-q2/index.html")
        XCTAssertEqual(try file("/releases/2001-q2"), "releases/2001-q2")
        XCTAssertEqual(try file("/assets/site.css"), "assets/site.css")
        XCTAssertFalse(try PreviewPath(target: "/releases").isFolder)
        XCTAssertTrue(try PreviewPath(target: "/releases/").isFolder)
    }

    func testIgnoresQueryAndFragment() throws {
        XCTAssertEqual(try file("/releases/?page=2"), "releases/index.html")
        XCTAssertEqual(try file("/index.html#main"), "index.html")
        XCTAssertEqual(try file("/?x=/../../etc/passwd"), "index.html")
        XCTAssertEqual(try file("/a.csv?b#c?d"), "a.csv")
    }

    func testDecodesOnce() throws {
        XCTAssertEqual(try file("/data/2001%20q2.csv"), "data/2001 q2.csv")
        XCTAssertEqual(try file("/caf%C3%A9.html"), "café.html")
        // Decoded once: %252e%252e is the literal name "%2e%2e", not a way up.
        XCTAssertEqual(try file("/%252e%252e/x"), "%2e%2e/x")
        XCTAssertEqual(try PreviewPath(target: "/a+b").segments, ["a+b"])
    }

    func testRefusesDotSegments() {
        for target in ["/../etc/passwd", "/..", "/../", "/releases/../../x", "/releases/..", "/./index.html", "/releases/./x", "/.",
                       "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/", "/%2e%2E/x", "/.%2e/x", "/%2e./x", "/%2e/index.html", "/.x/.."] {
            XCTAssertEqual(refusal(target), .dotSegment, target)
        }
    }

    func testRefusesEncodedSlashesBackslashesAndControlCharacters() {
        for target in ["/releases/..%2f..%2fx", "/releases/..%2F..%2Fx", "/a%2fb", "/..%5c..%5cetc%5cpasswd", "/..\\..\\etc\\passwd",
                       "/a\\b", "/index.html%00.txt", "/a\u{0}b", "/a%0ab", "/a%0d%0aSet-Cookie:x", "/a%7f", "/a\u{1b}b"] {
            XCTAssertEqual(refusal(target), .forbiddenCharacter, target.debugDescription)
        }
    }

    func testRefusesEmptySegments() {
        for target in ["//etc/passwd", "//", "/releases//x", "/a//", "///"] {
            XCTAssertEqual(refusal(target), .emptySegment, target)
        }
    }

    func testRefusesTargetsThatAreNotAbsolutePaths() {
        for target in ["", "*", "index.html", "../x", "http://127.0.0.1/../x", "http://evil.example/", "?/index.html", "#/"] {
            XCTAssertEqual(refusal(target), .notAbsolutePath, target)
        }
    }

    func testRefusesInvalidEscapes() {
        for target in ["/%", "/%2", "/%zz", "/a%g0", "/%c3", "/%ff%fe", "/%C0%AE%C0%AE/x"] {
            XCTAssertEqual(refusal(target), .invalidEncoding, target)
        }
    }

    func testHidesDotfiles() {
        XCTAssertEqual(refusal("/.irsite-output"), .hidden)
        XCTAssertEqual(refusal("/%2eirsite-output"), .hidden)
        XCTAssertEqual(refusal("/releases/.git/config"), .hidden)
        XCTAssertEqual(refusal("/.well-known/"), .hidden)
    }

    func testFolderURLPathIsEncoded() throws {
        XCTAssertEqual(try PreviewPath(target: "/releases").folderURLPath, "/releases/")
        XCTAssertEqual(try PreviewPath(target: "/a%20b/c%3Fd").folderURLPath, "/a%20b/c%3Fd/")
        XCTAssertEqual(try PreviewPath(target: "/caf%C3%A9").folderURLPath, "/caf%C3%A9/")
    }

    func testRefusalsRead() {
        XCTAssertEqual("\(PreviewPath.Refusal.dotSegment)", "the path has a . or .. segment")
    }
}
