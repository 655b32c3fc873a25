import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import IRSiteKit

final class PublishSitemapTests: XCTestCase {
    static let ns = "http://www.sitemaps.org/schemas/sitemap/0.9"

    static let sample = Sitemap(baseURL: "https://example.com/ir", pages: [
        .init(path: AbsoluteURL.folderPath("index.html")),
        .init(path: "releases/2001-q2/", lastModified: Timestamp("2001-11-13T15:00:00+09:00")),
        .init(path: "releases/", lastModified: Timestamp("2001-11-13")),
        .init(path: "data/2001-q2 figures & notes.csv"),
        .init(path: "/releases/2001-q2/"),
    ])

    func testExactDocument() {
        XCTAssertEqual(Self.sample.render(), """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url>
            <loc>https://example.com/ir/</loc>
          </url>
          <url>
            <loc>https://example.com/ir/releases/2001-q2/</loc>
            <lastmod>2001-11-13T15:00:00+09:00</lastmod>
          </url>
          <url>
            <loc>https://example.com/ir/releases/</loc>
            <lastmod>2001-11-13</lastmod>
          </url>
          <url>
            <loc>https://example.com/ir/data/2001-q2%20figures%20%26%20notes.csv</loc>
          </url>
        </urlset>

        """)
    }

    func testParsesWithNamespaceAndAbsoluteLocations() throws {
        let doc = try XMLDocument(data: Data(Self.sample.render().utf8), options: [])
        let root = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(root.localName, "urlset")
        XCTAssertEqual(root.uri, Self.ns)
        let urls = root.elements(forLocalName: "url", uri: Self.ns)
        let locs = urls.compactMap { $0.elements(forLocalName: "loc", uri: Self.ns).first?.stringValue }
        XCTAssertEqual(locs, ["https://example.com/ir/", "https://example.com/ir/releases/2001-q2/",
                              "https://example.com/ir/releases/", "https://example.com/ir/data/2001-q2%20figures%20%26%20notes.csv"])
        for loc in locs {
            let url = try XCTUnwrap(URL(string: loc))
            XCTAssertEqual(url.scheme, "https")
            XCTAssertEqual(url.host, "example.com")
        }
        XCTAssertEqual(urls[1].elements(forLocalName: "lastmod", uri: Self.ns).first?.stringValue, "2001-11-13T15:00:00+09:00")
        XCTAssertTrue(urls[0].elements(forLocalName: "lastmod", uri: Self.ns).isEmpty)
    }

    func testHostileBaseIsEscapedAndPythonParses() throws {
        let map = Sitemap(baseURL: "https://example.com/a&b<c>'\"/", pages: [.init(path: "x.html")])
        let text = map.render()
        XCTAssertTrue(text.contains("<loc>https://example.com/a&amp;b&lt;c&gt;&apos;&quot;/x.html</loc>"))
        let doc = try XMLDocument(data: Data(text.utf8), options: [])
        XCTAssertEqual(doc.rootElement()?.elements(forLocalName: "url", uri: Self.ns).first?
            .elements(forLocalName: "loc", uri: Self.ns).first?.stringValue, "https://example.com/a&b<c>'\"/x.html")

        let url = try publishTempFile(Self.sample.render(), name: "sitemap.xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PublishPython.run("""
        import sys, xml.etree.ElementTree as ET
        ns = {'s': 'http://www.sitemaps.org/schemas/sitemap/0.9'}
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == '{http://www.sitemaps.org/schemas/sitemap/0.9}urlset', root.tag
        print(len(root.findall('s:url', ns)))
        """, [url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "4\n")
    }

    func testRobotsAndIndex() {
        XCTAssertEqual(Sitemap.robotsTxt(sitemapURL: "https://ir.example.com/sitemap.xml"),
                       "User-agent: *\nAllow: /\n\nSitemap: https://ir.example.com/sitemap.xml\n")
        XCTAssertEqual(Sitemap.robotsTxt(sitemapURL: "https://ir.example.com/sitemap.xml\nDisallow: /"),
                       "User-agent: *\nAllow: /\n\nSitemap: https://ir.example.com/sitemap.xmlDisallow:/\n")
        XCTAssertEqual(Sitemap.robotsTxt(sitemapURL: "https://ir.example.com/sitemap.xml", allowCrawling: false),
                       "User-agent: *\nDisallow: /\n")
        XCTAssertEqual(Sitemap.index(baseURL: "https://ir.example.com", sitemapPaths: ["sitemap-1.xml", "sitemap-2.xml"]), """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap>
            <loc>https://ir.example.com/sitemap-1.xml</loc>
          </sitemap>
          <sitemap>
            <loc>https://ir.example.com/sitemap-2.xml</loc>
          </sitemap>
        </sitemapindex>

        """)
    }
}
