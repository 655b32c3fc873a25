import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

final class ServeMediaTypeTests: XCTestCase {
    func testByExtension() {
        XCTAssertEqual(MediaType.of("index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(MediaType.of("releases/2001-q2/summary.html"), "text/html; charset=utf-8")
        XCTAssertEqual(MediaType.of("assets/site.css"), "text/css; charset=utf-8")
        XCTAssertEqual(MediaType.of("assets/app.js"), "text/javascript; charset=utf-8")
        XCTAssertEqual(MediaType.of("charts/a.svg"), "image/svg+xml")
        XCTAssertEqual(MediaType.of("data/2001-q2.json"), "application/json")
        XCTAssertEqual(MediaType.of("data/all.csv"), "text/csv; charset=utf-8")
        XCTAssertEqual(MediaType.of("calendar/x.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(MediaType.of("robots.txt"), "text/plain; charset=utf-8")
        XCTAssertEqual(MediaType.of("sitemap.xml"), "application/xml")
        XCTAssertEqual(MediaType.of("releases/2001-q2/summary.pdf"), "application/pdf")
        XCTAssertEqual(MediaType.of("a/b.png"), "image/png")
        XCTAssertEqual(MediaType.of("a/b.JPG"), "image/jpeg")
        XCTAssertEqual(MediaType.of("fonts/x.woff2"), "font/woff2")
    }

    func testTheFeedIsAtom() {
        XCTAssertEqual(MediaType.of(Routes.feed), "application/atom+xml")
        XCTAssertEqual(MediaType.of("releases/feed.xml"), "application/xml")
    }

    func testUnknownIsDownloaded() {
        XCTAssertEqual(MediaType.of("README"), "application/octet-stream")
        XCTAssertEqual(MediaType.of("a/.hidden"), "application/octet-stream")
        XCTAssertEqual(MediaType.of("x.exe"), "application/octet-stream")
        XCTAssertEqual(MediaType.of("dir.html/file"), "application/octet-stream")
    }
}
