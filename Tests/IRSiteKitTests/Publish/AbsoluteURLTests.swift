import XCTest
@testable import IRSiteKit

final class PublishAbsoluteURLTests: XCTestCase {
    func testJoin() {
        let cases: [(base: String, path: String, url: String)] = [
            ("https://ir.example.com/", "releases/2001-q2/index.html", "https://ir.example.com/releases/2001-q2/index.html"),
            ("https://ir.example.com", "releases/2001-q2/index.html", "https://ir.example.com/releases/2001-q2/index.html"),
            ("https://example.com/ir", "releases/2001-q2/index.html", "https://example.com/ir/releases/2001-q2/index.html"),
            ("https://example.com/ir/", "releases/2001-q2/index.html", "https://example.com/ir/releases/2001-q2/index.html"),
            ("https://example.com/ir/", "/feed.xml", "https://example.com/ir/feed.xml"),
            ("https://example.com/ir/", "releases/2001-q2/", "https://example.com/ir/releases/2001-q2/"),
            ("https://example.com/ir", "", "https://example.com/ir/"),
            ("https://example.com/ir", "/", "https://example.com/ir/"),
            ("  https://example.com/ir?x=1#top \n", "a.html", "https://example.com/ir/a.html"),
            ("https://example.com/", "a//./b/../c.html", "https://example.com/a/c.html"),
            ("https://example.com/ir/", "../../../etc/passwd", "https://example.com/ir/etc/passwd"),
            ("https://example.com/", "a/b/..", "https://example.com/a/"),
            ("https://example.com/", "files/Q2 résumé & notes #1?.pdf",
             "https://example.com/files/Q2%20r%C3%A9sum%C3%A9%20%26%20notes%20%231%3F.pdf"),
            ("https://example.com/", "100%/a+b~c_d-e.f", "https://example.com/100%25/a%2Bb~c_d-e.f"),
            ("https://example.com/", "決算/2001.pdf", "https://example.com/%E6%B1%BA%E7%AE%97/2001.pdf"),
        ]
        for c in cases {
            XCTAssertEqual(AbsoluteURL.join(base: c.base, path: c.path), c.url, "\(c.base) + \(c.path)")
        }
    }

    func testFolderPathHostAndValidity() {
        XCTAssertEqual(AbsoluteURL.folderPath("releases/2001-q2/index.html"), "releases/2001-q2/")
        XCTAssertEqual(AbsoluteURL.folderPath("index.html"), "")
        XCTAssertEqual(AbsoluteURL.folderPath("feed.xml"), "feed.xml")
        XCTAssertEqual(AbsoluteURL.folderPath("releases/myindex.html"), "releases/myindex.html")
        XCTAssertEqual(AbsoluteURL.host(of: "https://IR.Example.com:8443/ir"), "ir.example.com")
        XCTAssertEqual(AbsoluteURL.host(of: "https://user@ir.example.com"), "ir.example.com")
        XCTAssertEqual(AbsoluteURL.host(of: "http://[::1]:8080/"), "[::1]")
        XCTAssertNil(AbsoluteURL.host(of: "ir.example.com"))
        XCTAssertTrue(AbsoluteURL.isValidBase("https://ir.example.com/"))
        XCTAssertTrue(AbsoluteURL.isValidBase("http://example.com/ir"))
        XCTAssertFalse(AbsoluteURL.isValidBase("ftp://example.com/"))
        XCTAssertFalse(AbsoluteURL.isValidBase("/ir/"))
        XCTAssertFalse(AbsoluteURL.isValidBase("https:///ir"))
        XCTAssertFalse(AbsoluteURL.isValidBase("https://example.com/i r"))
    }

    func testJoinedURLsParse() {
        var rng = SplitMix64(seed: 3986)
        for _ in 0..<200 {
            let path = (0..<Int.random(in: 1...4, using: &rng)).map { _ in PublishRandom.string(&rng, maxPieces: 4) }.joined(separator: "/")
            let url = AbsoluteURL.join(base: "https://example.com/ir", path: path)
            XCTAssertTrue(url.hasPrefix("https://example.com/ir/"))
            XCTAssertTrue(url.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }, url)
            let parsed = URLComponents(string: url)
            XCTAssertNotNil(parsed, url)
            XCTAssertNil(parsed?.query, url)
            XCTAssertNil(parsed?.fragment, url)
            XCTAssertEqual(parsed?.host, "example.com")
        }
    }
}
