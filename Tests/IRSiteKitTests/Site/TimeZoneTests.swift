import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Dates written alone are midnight in the site's zone on that date: every instant
/// the site prints (feed, sitemap, calendar files, quiet periods) takes the offset
/// in force at that moment, across both daylight-saving changes.
final class TimeZoneTests: XCTestCase {
    // 2001: the US changed on April 1 and October 28, the UK on March 25 and October 28.
    static let zones: [(name: String, winter: Int, summer: Int, springForward: CalendarDate, fallBack: CalendarDate)] = [
        ("America/New_York", -5 * 3600, -4 * 3600, CalendarDate(year: 2001, month: 4, day: 1), CalendarDate(year: 2001, month: 10, day: 28)),
        ("Europe/London", 0, 3600, CalendarDate(year: 2001, month: 3, day: 25), CalendarDate(year: 2001, month: 10, day: 28)),
        ("Asia/Tokyo", 9 * 3600, 9 * 3600, CalendarDate(year: 2001, month: 4, day: 1), CalendarDate(year: 2001, month: 10, day: 28)),
    ]

    func testOffsetsAtLocalMidnightFollowTheDate() {
        for z in Self.zones {
            let rules = ZoneRules(identifier: z.name)
            XCTAssertTrue(rules.isKnown, z.name)
            XCTAssertEqual(rules.offset(atLocal: CalendarDate(year: 2001, month: 1, day: 15)), z.winter, z.name)
            XCTAssertEqual(rules.offset(atLocal: CalendarDate(year: 2001, month: 7, day: 15)), z.summer, z.name)
            // Midnight on the change days is still before the change (it happens at 01:00 or 02:00).
            XCTAssertEqual(rules.offset(atLocal: z.springForward), z.winter, "\(z.name) spring-forward day")
            XCTAssertEqual(rules.offset(atLocal: z.fallBack), z.summer, "\(z.name) fall-back day")
            // The day after each change.
            XCTAssertEqual(rules.offset(atLocal: PublishTime.nextDay(z.springForward)), z.summer, z.name)
            XCTAssertEqual(rules.offset(atLocal: PublishTime.nextDay(z.fallBack)), z.winter, z.name)
        }
    }

    func testDaysAroundAChangeLastTwentyThreeOrTwentyFiveHours() {
        let ny = ZoneRules(identifier: "America/New_York")
        let spring = CalendarDate(year: 2001, month: 4, day: 1), fall = CalendarDate(year: 2001, month: 10, day: 28)
        XCTAssertEqual(ny.endOfDay(spring) - ny.instant(Timestamp(date: spring)), 23 * 3600)
        XCTAssertEqual(ny.endOfDay(fall) - ny.instant(Timestamp(date: fall)), 25 * 3600)
        let ordinary = CalendarDate(year: 2001, month: 7, day: 4)
        XCTAssertEqual(ny.endOfDay(ordinary) - ny.instant(Timestamp(date: ordinary)), 24 * 3600)
        // 2001-07-15 in New York began at 04:00 UTC.
        XCTAssertEqual(ny.instant(Timestamp("2001-07-15")!), Timestamp("2001-07-15T04:00:00Z")!.epochSeconds())
        XCTAssertEqual(ny.zoned(Timestamp("2001-07-15")!).description, "2001-07-15T00:00:00-04:00")
        XCTAssertEqual(ny.zoned(Timestamp("2001-01-15")!).description, "2001-01-15T00:00:00-05:00")
        XCTAssertEqual(ny.date(at: Timestamp("2001-11-06T04:59:59Z")!.epochSeconds()), CalendarDate(year: 2001, month: 11, day: 5))
        XCTAssertEqual(ny.date(at: Timestamp("2001-07-06T03:59:59Z")!.epochSeconds()), CalendarDate(year: 2001, month: 7, day: 5))
    }

    func testWallClockTimesInTheGapAndTheOverlap() {
        let ny = ZoneRules(identifier: "America/New_York")
        // 02:30 on April 1 does not exist; it reads as 03:30 EDT (07:30 UTC).
        XCTAssertEqual(ny.offset(atLocal: CalendarDate(year: 2001, month: 4, day: 1), secondsOfDay: 2 * 3600 + 1800), -5 * 3600)
        // 01:30 on October 28 happens twice; the first (EDT) is meant.
        XCTAssertEqual(ny.offset(atLocal: CalendarDate(year: 2001, month: 10, day: 28), secondsOfDay: 3600 + 1800), -4 * 3600)
        XCTAssertEqual(ny.offset(atLocal: CalendarDate(year: 2001, month: 10, day: 28), secondsOfDay: 3 * 3600), -5 * 3600)
    }

    func testAnUnknownZoneIsALocatedError() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "time_zone: Asia/Tokyo", with: "time_zone: Asia/Tokio")
        let line = content.line(of: "time_zone:", in: "site.yaml"), column = content.column(of: "Asia/Tokio", in: "site.yaml")
        XCTAssertEqual(content.errors(), ["Content/site.yaml:\(line):\(column): error: unknown time zone 'Asia/Tokio'; use an IANA name such as Asia/Tokyo or America/New_York"])
    }

    // MARK: The built site

    /// The sample released on a date alone (26 October 2001, before the US and UK clocks
    /// went back), with a quiet period from October 1 up to results on November 5, after them.
    func build(zone: String) async throws -> (TempDirectory, String) {
        let tmp = try TempDirectory("TimeZone\(zone.filter(\.isLetter))")
        let content = try tmp.copy(Paths.content, as: "Content")
        try edit(content + "/site.yaml", "time_zone: Asia/Tokyo", "time_zone: \(zone)")
        let release = content + "/releases/2001-q2.md"
        try edit(release, "released: 2001-11-13T15:00:00+09:00", "released: 2001-10-26")
        try edit(release, "  - { title: 3Q01 earnings release, start: 2001-02-12, kind: results }", "  - { title: 3Q01 earnings release, start: 2001-11-05, kind: results }")
        try edit(release, "  - { title: Quiet period, start: 2001-02-01, kind: quiet_period }", "  - { title: Quiet period, start: 2001-10-01, kind: quiet_period }\n  - { title: Investor day, start: 2001-10-27T09:00:00-04:00, end: 2001-10-28, kind: event }")
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
        return (tmp, output)
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func read(_ output: String, _ path: String) throws -> String { try String(contentsOfFile: output + "/" + path, encoding: .utf8) }

    func ics(_ output: String, _ name: String) throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: output + "/calendar").filter { $0.contains(name) && $0.hasSuffix(".ics") }
        XCTAssertEqual(files.count, 1, "one .ics for \(name): \(files)")
        return try read(output, "calendar/" + files[0]).components(separatedBy: "\r\n")
    }

    func testFeedTimesTakeTheOffsetOfTheirOwnDate() async throws {
        for (zone, expected) in [("America/New_York", "2001-10-26T00:00:00-04:00"), ("Europe/London", "2001-10-26T00:00:00+01:00"),
                                 ("Asia/Tokyo", "2001-10-26T00:00:00+09:00")] {
            let (tmp, output) = try await build(zone: zone)
            defer { tmp.remove() }
            let feed = try read(output, "feed.xml")
            XCTAssertTrue(feed.contains("<published>\(expected)</published>"), "\(zone): \(feed.prefix(1500))")
            XCTAssertTrue(feed.contains("<updated>\(expected)</updated>"), zone)
            XCTAssertTrue(try read(output, "sitemap.xml").contains("<lastmod>2001-10-26</lastmod>"), zone)
        }
    }

    func testCalendarFilesAcrossTheEndOfDaylightSaving() async throws {
        let (tmp, output) = try await build(zone: "America/New_York")
        defer { tmp.remove() }
        // The quiet period runs from October 1 (EDT) through the results day, November 5 (EST):
        // its all-day DTEND is the day after, November 6, not a day late.
        let quiet = try ics(output, "quiet-period")
        XCTAssertTrue(quiet.contains("DTSTART;VALUE=DATE:20011001"), "\(quiet)")
        XCTAssertTrue(quiet.contains("DTEND;VALUE=DATE:20011106"), "\(quiet)")
        // The stamp is the release date's midnight in New York (EDT): 04:00 UTC.
        XCTAssertTrue(quiet.contains("DTSTAMP:20011026T040000Z"), "\(quiet)")
        // A timed event ending on a date alone ends at that day's end: midnight EST after October 28, 05:00 UTC.
        let day = try ics(output, "investor-day")
        XCTAssertTrue(day.contains("DTSTART:20011027T130000Z"), "\(day)")
        XCTAssertTrue(day.contains("DTEND:20011029T050000Z"), "\(day)")
    }

    func testTheQuietPeriodEndsAtTheEndOfTheResultsDayInItsOwnOffset() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "time_zone: Asia/Tokyo", with: "time_zone: America/New_York")
        content.edit("2001-q2.md", replacing: "start: 2001-02-12, kind: results", with: "start: 2001-11-05, kind: results")
        content.edit("2001-q2.md", replacing: "start: 2001-02-01, kind: quiet_period", with: "start: 2001-10-01, kind: quiet_period")
        let site = try XCTUnwrap(SiteLoader.load(content.files).site)
        let calendar = FinancialCalendar(site: site)
        let quiet = try XCTUnwrap(calendar.entries.first { $0.event.kind == .quietPeriod })
        XCTAssertEqual(quiet.start, Timestamp("2001-10-01T04:00:00Z")!.epochSeconds())
        XCTAssertEqual(quiet.end, Timestamp("2001-11-06T05:00:00Z")!.epochSeconds())
        XCTAssertNotNil(calendar.quietPeriod(at: Timestamp("2001-11-06T04:59:59Z")!.epochSeconds()))
        XCTAssertNil(calendar.quietPeriod(at: Timestamp("2001-11-06T05:00:00Z")!.epochSeconds()))
    }
}
