import Foundation
import FoundationXML
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The machine-readable files of the sample site, parsed back and compared with the facts.
final class PublishedSiteTests: XCTestCase {
    static let built: (TempDirectory, String) = {
        let tmp = try! TempDirectory("PublishedSiteTests")
        let output = tmp.path("Output")
        let done = DispatchSemaphore(value: 0)
        Task {
            _ = try! await Pipeline.build(content: Paths.content, templates: Paths.templates, output: output, options: .afterTheSeed)
            done.signal()
        }
        done.wait()
        return (tmp, output)
    }()

    var output: String { Self.built.1 }
    func text(_ path: String) throws -> String { try String(contentsOfFile: output + "/" + path, encoding: .utf8) }

    override class func tearDown() { built.0.remove() }

    func testFeedIsAtomWithTheRelease() throws {
        let doc = try XMLDocument(xmlString: try text("feed.xml"))
        let feed = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(feed.name, "feed")
        XCTAssertEqual(feed.uri, "http://www.w3.org/2005/Atom")
        func child(_ e: XMLElement, _ name: String) -> XMLElement? { e.elements(forName: name).first ?? e.children?.compactMap { $0 as? XMLElement }.first { $0.localName == name } }
        for required in ["id", "title", "updated", "author"] { XCTAssertNotNil(child(feed, required), required) }
        let entries = feed.children?.compactMap { $0 as? XMLElement }.filter { $0.localName == "entry" } ?? []
        XCTAssertEqual(entries.count, 1)
        let entry = try XCTUnwrap(entries.first)
        XCTAssertEqual(child(entry, "id")?.stringValue, "tag:ir.example.com,2001:releases/2001-q2")
        XCTAssertEqual(child(entry, "title")?.stringValue, "IIJ Announces Positive Operating Income for the 2nd Quarter 2001 Results")
        XCTAssertEqual(child(entry, "updated")?.stringValue, "2001-11-13T15:00:00+09:00")
        XCTAssertTrue(try text("feed.xml").contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://ir.example.com/releases/2001-q2/\"/>"))
        XCTAssertTrue(child(entry, "summary")?.stringValue?.hasPrefix("Tokyo and New York, November 13, 2001") ?? false)
        // An independent parser agrees it is well-formed.
        let python = try ExternalTool.run("/usr/bin/env", ["python3", "-c", "import sys, xml.etree.ElementTree as ET; r = ET.parse(sys.argv[1]).getroot(); assert r.tag == '{http://www.w3.org/2005/Atom}feed'", output + "/feed.xml"])
        XCTAssertEqual(python.status, 0, "python3's ElementTree rejects feed.xml: \(python.stderr)")
    }

    func testSitemapAndRobots() throws {
        let doc = try XMLDocument(xmlString: try text("sitemap.xml"))
        let locs = (try doc.nodes(forXPath: "//*[local-name()='loc']")).compactMap(\.stringValue)
        XCTAssertEqual(locs, ["https://ir.example.com/", "https://ir.example.com/releases/", "https://ir.example.com/statements/",
                              "https://ir.example.com/statements/fy2001/", "https://ir.example.com/statements/fy2000/",
                              "https://ir.example.com/calendar/", "https://ir.example.com/releases/2001-q2/"])
        XCTAssertEqual(try text("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://ir.example.com/sitemap.xml\n")
    }

    /// The CSV parses back (RFC 4180) and its values are the facts and the printed figures.
    func testDataDownloadsMatchTheFacts() throws {
        let rows = try PublishCSVParser.parse(try text("data/2001-q2.csv"))
        XCTAssertEqual(rows.first, ["period", "period_label", "period_end", "statement", "line", "label", "measure", "unit", "value"])
        func value(_ line: String, _ measure: String, statement: String = "income_statement") -> String? {
            rows.first { $0[3] == statement && $0[4] == line && $0[6] == measure }?[8]
        }
        let site = try XCTUnwrap(Pipeline.check(content: Paths.content).site)
        let q2 = try XCTUnwrap(site.periods[FiscalPeriod(year: 2001, quarter: 2)])
        var compared = 0
        for (line, fact) in q2.facts {
            guard let v = fact.value, let def = site.lines[line] else { continue }
            XCTAssertEqual(value(line, "value", statement: def.home), v.plain(places: def.decimals), line)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 100)
        // Derived figures as the release prints them, in plain form.
        XCTAssertEqual(value("operating_income", "change_pct_vs_2000-q2"), "-102.5")
        XCTAssertEqual(value("internet_datacenter_services", "translation"), "4251")
        XCTAssertEqual(value("basic_net_loss_per_ads", "value"), "-68.61")
        XCTAssertEqual(value("cash", "percent_of_total_assets", statement: "balance_sheet"), "25.5")
        XCTAssertEqual(value("ip_service_fiber_access", "value", statement: "contracts"), "2")
        // data/all.csv: the raw facts in long format, each line once under its home statement.
        let all = try PublishCSVParser.parse(try text("data/all.csv"))
        XCTAssertEqual(all.first, ["period", "period_end", "statement", "line", "label", "unit", "value"])
        func fact(_ period: String, _ line: String) -> [String]? { all.first { $0[0] == period && $0[3] == line } }
        XCTAssertEqual(fact("2001-q2", "dedicated_access_services"),
                       ["2001-q2", "2001-09-30", "income_statement", "dedicated_access_services", "Dedicated access services", "jpy_thousands", "3431156"])
        XCTAssertEqual(fact("2001-q2", "basic_net_loss_per_ads")?[5...6], ["jpy", "-68.61"], "typed decimals kept")
        XCTAssertEqual(fact("2001-q1", "ip_service_fiber_access")?[6], "", "not reported: an empty value")
        let byID = Dictionary(uniqueKeysWithValues: site.periods.map { ($0.key.id, $0.value) })
        for record in all.dropFirst() {
            XCTAssertNotNil(byID[record[0]]?.facts[record[3]], "only stated facts: \(record)")
            XCTAssertEqual(site.lines[record[3]]?.home, record[2], "under the line's home statement: \(record)")
        }
        XCTAssertEqual(all.dropFirst().map(\.[0]), all.dropFirst().map(\.[0]).sorted(by: >), "newest period first")
        let stated = site.periods.values.reduce(0) { $0 + $1.facts.count }
        XCTAssertEqual(all.count - 1, stated, "every stated fact once")
        XCTAssertEqual(Set(all.dropFirst().map { $0[0] + "/" + $0[3] }).count, stated, "no fact twice")
        // A value not reported is an empty field, not a zero.
        let q1 = try PublishCSVParser.parse(try text("data/2001-q1.csv"))
        XCTAssertEqual(q1.first { $0[4] == "ip_service_fiber_access" && $0[6] == "value" }?[8], "")
    }

    func testJSONCarriesExactNumbers() throws {
        let json = try text("data/2001-q2.json")
        XCTAssertTrue(json.contains("\"rate\": 119.23"), json.prefix(600).description)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["period"] as? String, "2001-q2")
        XCTAssertTrue(json.contains("\"value\": -68.61"))
    }

    func testCalendarFiles() throws {
        let ics = try text("calendar/2001-11-14-conference-call-and-webcast.ics")
        XCTAssertTrue(ics.contains("DTSTART:20011114T140000Z\r\n"), ics)
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        let page = try text("calendar/index.html")
        XCTAssertTrue(page.contains("href=\"../calendar/2001-11-14-conference-call-and-webcast.ics\""))
        XCTAssertTrue(page.contains("Past events"))
    }

    func testReleasePageLinksDataAndCarriesStructuredData() throws {
        let page = try text("releases/2001-q2/index.html")
        XCTAssertTrue(page.contains("<a href=\"../../data/2001-q2.csv\" download>2Q01 figures (CSV)</a>"))
        XCTAssertTrue(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"https://ir.example.com/releases/2001-q2/\">"))
        XCTAssertTrue(page.contains("<meta property=\"og:type\" content=\"article\">"))
        let start = try XCTUnwrap(page.range(of: "<script type=\"application/ld+json\">\n"))
        let end = try XCTUnwrap(page.range(of: "\n</script>", range: start.upperBound..<page.endIndex))
        let ld = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        XCTAssertEqual(ld["@type"] as? String, "NewsArticle")
        XCTAssertEqual(ld["datePublished"] as? String, "2001-11-13T15:00:00+09:00")
        let statements = try text("statements/index.html")
        XCTAssertTrue(statements.contains("<a href=\"../data/all.csv\" download>All quarters (CSV)</a>"))
    }
}

/// Quiet periods, corrections and the next event depend on the build's "now".
final class CalendarBehaviourTests: XCTestCase {
    func build(_ now: String, edit: (String) throws -> Void = { _ in }) async throws -> (TempDirectory, String) {
        let tmp = try TempDirectory()
        let content = try tmp.copy(Paths.content, as: "Content")
        try edit(content)
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output,
                                     options: PublicationOptions(now: Timestamp(now)!.epochSeconds()))
        return (tmp, output)
    }

    func replace(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// With the dates corrected to 2002, a build on 5 February 2002 is inside the quiet period: every page says so.
    func testQuietPeriodNoticeOnEveryPage() async throws {
        let (tmp, output) = try await build("2002-02-05T12:00:00+09:00") { content in
            try self.replace(content + "/releases/2001-q2.md", "start: 2001-02-12, kind: results", "start: 2002-02-12, kind: results")
            try self.replace(content + "/releases/2001-q2.md", "start: 2001-02-01, kind: quiet_period", "start: 2002-02-01, kind: quiet_period")
        }
        defer { tmp.remove() }
        for (path, data) in TempDirectory.snapshot(output) where path.hasSuffix(".html") {
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("Quiet period: from February 1, 2002 until February 12, 2002, IIJ does not comment"), path)
        }
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("3Q01 earnings release"), "the next event is on the home page")
        // After the results date the notice is gone.
        let (tmp2, after) = try await build("2002-02-13T12:00:00+09:00") { content in
            try self.replace(content + "/releases/2001-q2.md", "start: 2001-02-12, kind: results", "start: 2002-02-12, kind: results")
            try self.replace(content + "/releases/2001-q2.md", "start: 2001-02-01, kind: quiet_period", "start: 2002-02-01, kind: quiet_period")
        }
        defer { tmp2.remove() }
        XCTAssertFalse(try String(contentsOfFile: after + "/index.html", encoding: .utf8).contains("Quiet period:"))
    }

    func testNextEventIsTheCallTheDayAfterTheRelease() async throws {
        let (tmp, output) = try await build("2001-11-13T18:00:00+09:00")
        defer { tmp.remove() }
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("Conference call and webcast"), home)
        XCTAssertTrue(home.contains("November 14, 2001, 09:00 (UTC−05:00)"))
    }

    /// A hostile title is escaped everywhere, the JSON-LD script included.
    func testHostileTitleCannotBreakOutOfTheJSONLD() async throws {
        let (tmp, output) = try await build("2002-01-01T00:00:00Z") { content in
            try self.replace(content + "/releases/2001-q2.md", "title: IIJ Announces Positive Operating Income for the 2nd Quarter 2001 Results",
                             "title: \"Results </script><script>alert(1)</script> & more\"")
        }
        defer { tmp.remove() }
        // Markup files escape it (the .ics and CSV files carry it as the plain text it is).
        for (path, data) in TempDirectory.snapshot(output) where [".html", ".xml", ".svg"].contains(where: path.hasSuffix) {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("<script>alert(1)"), path)
        }
        let page = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("\"headline\": \"Results \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more\""), page)
    }

    func testCorrectionIsShownAndUpdatesTheFeed() async throws {
        let (tmp, output) = try await build("2002-01-01T00:00:00Z") { content in
            try self.replace(content + "/releases/2001-q2.md", "dateline: Tokyo and New York\n",
                             "dateline: Tokyo and New York\ncorrections:\n  - { date: 2001-11-20T10:00:00+09:00, note: \"Table 4 is in JPY millions.\" }\n")
        }
        defer { tmp.remove() }
        let page = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<time datetime=\"2001-11-20T10:00:00+09:00\">November 20, 2001</time>: Table 4 is in JPY millions."))
        XCTAssertTrue(page.contains("9,528,307"), "the original figures stay")
        let feed = try String(contentsOfFile: output + "/feed.xml", encoding: .utf8)
        XCTAssertTrue(feed.contains("<updated>2001-11-20T10:00:00+09:00</updated>"))
        XCTAssertTrue(feed.contains("<published>2001-11-13T15:00:00+09:00</published>"))
    }
}

/// The build never replaces a folder it did not write.
final class OutputFolderSafetyTests: XCTestCase {
    func testRefusesToReplaceAFolderOfTheUsers() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        let notes = tmp.path("Notes")
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: notes + "/todo.txt"))
        for target in [notes, content, tmp.path("Content/statements"), tmp.path(".")] {
            do {
                _ = try await Pipeline.build(content: content, templates: Paths.templates, output: target, options: .afterTheSeed)
                XCTFail("\(target) must not be replaced")
            } catch let error as LocatedError {
                XCTAssertTrue(error.message.hasPrefix("refusing to"), error.message)
            }
        }
        XCTAssertEqual(FileManager.default.contents(atPath: notes + "/todo.txt"), Data("mine".utf8))
        XCTAssertTrue(FileManager.default.fileExists(atPath: content + "/site.yaml"))
        // Its own previous output is replaced, and an empty folder is fine.
        let output = tmp.path("Output")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/.irsite-output"))
    }
}
