import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import IRSiteKit

final class PublishAtomFeedTests: XCTestCase {
    static let atom = "http://www.w3.org/2005/Atom"

    /// The seed release (2Q01) and a fictional earlier one corrected after the seed came out.
    static func sampleFeed() -> AtomFeed {
        let q2 = FiscalPeriod(year: 2001, quarter: 2), q1 = FiscalPeriod(year: 2001, quarter: 1)
        let calendar = FiscalCalendar(startMonth: 4, namedFor: .start)
        let authority = AbsoluteURL.host(of: "https://ir.example.com/")!
        return AtomFeed(
            id: AtomFeed.feedID(baseURL: "https://ir.example.com"),
            title: "IIJ investor relations",
            subtitle: "Earnings releases of Internet Initiative Japan Inc.",
            baseURL: "https://ir.example.com",
            author: .init(name: "Internet Initiative Japan Inc.", uri: "https://ir.example.com/"),
            language: "en",
            entries: [
                .init(id: AtomFeed.releaseID(authority: authority, period: q1, periodEnd: calendar.end(of: q1)),
                      title: "IIJ Announces 1st Quarter 2001 Results",
                      published: Timestamp("2001-08-09T15:00:00+09:00")!,
                      updated: Timestamp("2001-11-20T10:30:00+09:00")!,
                      path: AbsoluteURL.folderPath("releases/2001-q1/index.html"),
                      summary: "Total revenues for 1Q01 were 8.3 billion.",
                      categories: [.init(term: "earnings", label: "Earnings release")]),
                .init(id: AtomFeed.releaseID(authority: authority, period: q2, periodEnd: calendar.end(of: q2)),
                      title: "IIJ Announces Positive Operating Income for the 2nd Quarter 2001 Results",
                      published: Timestamp("2001-11-13T15:00:00+09:00")!,
                      path: "releases/2001-q2/",
                      summary: "Total revenues for 2Q01 were 9.5 billion, an increase of 17.5% from 2Q00."),
            ])
    }

    func testIDs() {
        let calendar = FiscalCalendar(startMonth: 4, namedFor: .start)
        let q2 = FiscalPeriod(year: 2001, quarter: 2)
        XCTAssertEqual(AtomFeed.releaseID(authority: "IR.example.com", period: q2, periodEnd: calendar.end(of: q2)),
                       "tag:ir.example.com,2001:releases/2001-q2")
        // A fiscal year named for the year it ends in: FY2002 Q1 ends 2001-06-30, published in 2001.
        let named = FiscalCalendar(startMonth: 4, namedFor: .end)
        let p = FiscalPeriod(year: 2002, quarter: 1)
        XCTAssertEqual(AtomFeed.releaseID(authority: "ir.example.com", period: p, periodEnd: named.end(of: p)),
                       "tag:ir.example.com,2001:releases/2002-q1")
        XCTAssertEqual(AtomFeed.feedID(baseURL: "https://ir.example.com"), "https://ir.example.com/")
    }

    func testParsesWithRequiredElementsAndExactValues() throws {
        let text = Self.sampleFeed().render()
        let doc = try XMLDocument(data: Data(text.utf8), options: [])
        let feed = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(feed.localName, "feed")
        XCTAssertEqual(feed.uri, Self.atom)
        XCTAssertEqual(feed.attribute(forName: "xml:lang")?.stringValue, "en")

        func child(_ e: XMLElement, _ name: String) throws -> XMLElement {
            let found = e.elements(forLocalName: name, uri: Self.atom)
            XCTAssertEqual(found.count, 1, "exactly one atom:\(name) in \(e.name ?? "?")")
            return try XCTUnwrap(found.first)
        }
        func value(_ e: XMLElement, _ name: String) throws -> String { try XCTUnwrap(try child(e, name).stringValue) }

        XCTAssertEqual(try value(feed, "id"), "https://ir.example.com/")
        XCTAssertEqual(try value(feed, "title"), "IIJ investor relations")
        XCTAssertEqual(try value(feed, "subtitle"), "Earnings releases of Internet Initiative Japan Inc.")
        // The newest update among the entries: the 1Q01 correction, in its own offset.
        XCTAssertEqual(try value(feed, "updated"), "2001-11-20T10:30:00+09:00")
        XCTAssertEqual(try value(try child(feed, "author"), "name"), "Internet Initiative Japan Inc.")
        let links = feed.elements(forLocalName: "link", uri: Self.atom)
        let byRel = Dictionary(uniqueKeysWithValues: links.map { ($0.publishAttribute("rel") ?? "", $0) })
        XCTAssertEqual(byRel["self"]?.publishAttribute("href"), "https://ir.example.com/feed.xml")
        XCTAssertEqual(byRel["self"]?.publishAttribute("type"), "application/atom+xml")
        XCTAssertEqual(byRel["alternate"]?.publishAttribute("href"), "https://ir.example.com/")

        let entries = feed.elements(forLocalName: "entry", uri: Self.atom)
        XCTAssertEqual(entries.count, 2)
        struct Expected { let id, title, updated, published, link, summary: String }
        let expected = [
            Expected(id: "tag:ir.example.com,2001:releases/2001-q1", title: "IIJ Announces 1st Quarter 2001 Results",
                     updated: "2001-11-20T10:30:00+09:00", published: "2001-08-09T15:00:00+09:00",
                     link: "https://ir.example.com/releases/2001-q1/", summary: "Total revenues for 1Q01 were 8.3 billion."),
            Expected(id: "tag:ir.example.com,2001:releases/2001-q2",
                     title: "IIJ Announces Positive Operating Income for the 2nd Quarter 2001 Results",
                     updated: "2001-11-13T15:00:00+09:00", published: "2001-11-13T15:00:00+09:00",
                     link: "https://ir.example.com/releases/2001-q2/",
                     summary: "Total revenues for 2Q01 were 9.5 billion, an increase of 17.5% from 2Q00."),
        ]
        for (entry, want) in zip(entries, expected) {
            XCTAssertEqual(try value(entry, "id"), want.id)
            XCTAssertEqual(try value(entry, "title"), want.title)
            XCTAssertEqual(try value(entry, "updated"), want.updated)
            XCTAssertEqual(try value(entry, "published"), want.published)
            XCTAssertEqual(try value(entry, "summary"), want.summary)
            let link = try child(entry, "link")
            XCTAssertEqual(link.publishAttribute("rel"), "alternate")
            XCTAssertEqual(link.publishAttribute("href"), want.link)
        }
        let category = try child(entries[0], "category")
        XCTAssertEqual(category.publishAttribute("term"), "earnings")
        XCTAssertEqual(category.publishAttribute("label"), "Earnings release")
        XCTAssertTrue(entries[1].elements(forLocalName: "category", uri: Self.atom).isEmpty)
        // Every element is in the Atom namespace.
        func walk(_ e: XMLElement) {
            XCTAssertEqual(e.uri, Self.atom, "element \(e.name ?? "?") outside the Atom namespace")
            for case let c as XMLElement in e.children ?? [] { walk(c) }
        }
        walk(feed)
    }

    func testPythonParsesTheFeed() throws {
        var feed = Self.sampleFeed()
        feed.entries[1].title = "<script>alert(\"x\")</script> & 'Q2' ]]> \u{0}\u{1B}\u{FFFE}日本"
        let url = try publishTempFile(feed.render(), name: "feed.xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
        import sys, xml.etree.ElementTree as ET
        ns = {'a': 'http://www.w3.org/2005/Atom'}
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == '{http://www.w3.org/2005/Atom}feed', root.tag
        print(root.find('a:id', ns).text)
        print(root.find('a:updated', ns).text)
        print(root.find('a:link[@rel="self"]', ns).get('href'))
        for e in root.findall('a:entry', ns):
            sys.stdout.buffer.write((e.find('a:id', ns).text + '|' + e.find('a:title', ns).text + '\\n').encode('utf-8'))
        """
        let result = try PublishPython.run(script, [url.path])
        XCTAssertEqual(result.status, 0, "python3 could not parse the feed: \(result.stderr)")
        XCTAssertEqual(result.stdout, """
        https://ir.example.com/
        2001-11-20T10:30:00+09:00
        https://ir.example.com/feed.xml
        tag:ir.example.com,2001:releases/2001-q1|IIJ Announces 1st Quarter 2001 Results
        tag:ir.example.com,2001:releases/2001-q2|<script>alert("x")</script> & 'Q2' ]]> 日本

        """)
    }

    func testHostileTextIsEscapedAndForbiddenCharactersDropped() throws {
        let hostile = "<script>alert(\"x\")</script> & 'quoted' \"double\" a\u{0}b\u{8}c\u{1B}d\u{FFFF}e\u{FFFE} \t tab\r\nCRLF ]]> \u{85}"
        let kept = "<script>alert(\"x\")</script> & 'quoted' \"double\" abcde \t tab\r\nCRLF ]]> \u{85}"
        var feed = Self.sampleFeed()
        feed.title = hostile
        feed.author = .init(name: hostile)
        feed.entries[0].title = hostile
        feed.entries[0].summary = hostile
        feed.entries[0].categories = [.init(term: hostile, label: hostile)]
        feed.entries[0].path = "releases/<x> & \"y\"/"
        let text = feed.render()
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertTrue(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quoted&apos;"))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "no raw control character, CR included")

        let doc = try XMLDocument(data: Data(text.utf8), options: [])
        let root = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(root.elements(forLocalName: "title", uri: Self.atom).first?.stringValue, kept)
        XCTAssertEqual(root.elements(forLocalName: "author", uri: Self.atom).first?.elements(forLocalName: "name", uri: Self.atom).first?.stringValue, kept)
        let entry = try XCTUnwrap(root.elements(forLocalName: "entry", uri: Self.atom).first)
        XCTAssertEqual(entry.elements(forLocalName: "title", uri: Self.atom).first?.stringValue, kept)
        XCTAssertEqual(entry.elements(forLocalName: "summary", uri: Self.atom).first?.stringValue, kept)
        let category = try XCTUnwrap(entry.elements(forLocalName: "category", uri: Self.atom).first)
        XCTAssertEqual(category.publishAttribute("term"), kept, "tab, CR and LF survive attribute normalisation")
        XCTAssertEqual(entry.elements(forLocalName: "link", uri: Self.atom).first?.publishAttribute("href"),
                       "https://ir.example.com/releases/%3Cx%3E%20%26%20%22y%22/")
    }

    func testRandomTextSurvivesTheXMLParser() throws {
        var rng = SplitMix64(seed: 4287)
        for _ in 0..<50 {
            var feed = Self.sampleFeed()
            let title = PublishRandom.string(&rng) + PublishRandom.nonASCII(&rng, length: 5)
            feed.entries[1].title = title
            feed.entries[1].summary = title
            let doc = try XMLDocument(data: Data(feed.render().utf8), options: [])
            let entry = try XCTUnwrap(doc.rootElement()?.elements(forLocalName: "entry", uri: Self.atom).last)
            XCTAssertEqual(entry.elements(forLocalName: "title", uri: Self.atom).first?.stringValue, title)
            XCTAssertEqual(entry.elements(forLocalName: "summary", uri: Self.atom).first?.stringValue, title)
        }
    }

    func testIndependentOfInputOrder() {
        let feed = Self.sampleFeed()
        var reversed = feed
        reversed.entries.reverse()
        XCTAssertEqual(Array(feed.render().utf8), Array(reversed.render().utf8))
    }

    func testOrderingLimitAndClamping() {
        var feed = Self.sampleFeed()
        feed.maxEntries = 1
        XCTAssertEqual(feed.orderedEntries.map(\.id), ["tag:ir.example.com,2001:releases/2001-q1"])
        // Comparing instants, not text: 10:30+09:00 is 01:30Z, later than 2001-11-20T00:00:00Z.
        feed.maxEntries = nil
        feed.entries[1].updated = Timestamp("2001-11-20T00:00:00Z")!
        XCTAssertEqual(feed.updated.description, "2001-11-20T10:30:00+09:00")
        feed.entries[1].updated = Timestamp("2001-11-20T01:30:01Z")!
        XCTAssertEqual(feed.updated.description, "2001-11-20T01:30:01Z")
        XCTAssertTrue(feed.render().contains("<updated>2001-11-20T01:30:01Z</updated>"))
        // An update before publication is raised to the publication.
        feed.entries[1].updated = Timestamp("2000-01-01")!
        XCTAssertEqual(feed.orderedEntries.last?.updated.description, "2001-11-13T15:00:00+09:00")
    }

    func testDatesAloneAndEmptyFeed() throws {
        var feed = Self.sampleFeed()
        feed.defaultUTCOffset = 9 * 3600
        feed.entries = [.init(id: "x", title: "t", published: Timestamp("2001-11-13")!, path: "a.html", summary: "s")]
        let text = feed.render()
        XCTAssertTrue(text.contains("<published>2001-11-13T00:00:00+09:00</published>"))
        XCTAssertTrue(text.contains("<updated>2001-11-13T00:00:00+09:00</updated>"))

        feed.entries = []
        let empty = feed.render()
        XCTAssertTrue(empty.contains("  <updated>1970-01-01T00:00:00Z</updated>\n"))
        XCTAssertNotNil(try? XMLDocument(data: Data(empty.utf8), options: []))
    }

    func testExactDocument() {
        var feed = Self.sampleFeed()
        feed.entries.removeFirst()
        XCTAssertEqual(feed.render(), """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <id>https://ir.example.com/</id>
          <title type="text">IIJ investor relations</title>
          <subtitle type="text">Earnings releases of Internet Initiative Japan Inc.</subtitle>
          <updated>2001-11-13T15:00:00+09:00</updated>
          <link rel="self" type="application/atom+xml" href="https://ir.example.com/feed.xml"/>
          <link rel="alternate" type="text/html" href="https://ir.example.com/"/>
          <author>
            <name>Internet Initiative Japan Inc.</name>
            <uri>https://ir.example.com/</uri>
          </author>
          <entry>
            <id>tag:ir.example.com,2001:releases/2001-q2</id>
            <title type="text">IIJ Announces Positive Operating Income for the 2nd Quarter 2001 Results</title>
            <updated>2001-11-13T15:00:00+09:00</updated>
            <published>2001-11-13T15:00:00+09:00</published>
            <link rel="alternate" type="text/html" href="https://ir.example.com/releases/2001-q2/"/>
            <summary type="text">Total revenues for 2Q01 were 9.5 billion, an increase of 17.5% from 2Q00.</summary>
          </entry>
        </feed>

        """)
    }
}

