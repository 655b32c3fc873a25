import Foundation
import XCTest
@testable import IRSiteKit

final class PublishICalendarTests: XCTestCase {
    static let call = ICalendar.Event(
        uid: ICalendar.uid(slug: "2001-11-14-conference-call-and-webcast", domain: "IR.example.com"),
        stamp: Timestamp("2001-11-13T15:00:00+09:00")!,
        start: Timestamp("2001-11-14T09:00:00-05:00")!,
        duration: 3600,
        summary: "Conference call and webcast",
        description: "On November 14 at 9:00am (EST), the Company will host a conference call, which will be simultaneously webcasted over the Internet at www.vcall.com. Replay will also be available at the same URL.\nDial-in: Nasdaq: IIJI; Japan time 23:00.",
        url: "http://www.vcall.com")

    func testSeedConferenceCallExactText() {
        let ics = ICalendar(events: [Self.call]).render()
        XCTAssertEqual(ics,
            "BEGIN:VCALENDAR\r\n" +
            "VERSION:2.0\r\n" +
            "PRODID:-//IRSite//IRSite//EN\r\n" +
            "CALSCALE:GREGORIAN\r\n" +
            "METHOD:PUBLISH\r\n" +
            "BEGIN:VEVENT\r\n" +
            "UID:2001-11-14-conference-call-and-webcast@ir.example.com\r\n" +
            "DTSTAMP:20011113T060000Z\r\n" +
            "DTSTART:20011114T140000Z\r\n" +
            "DTEND:20011114T150000Z\r\n" +
            "SUMMARY:Conference call and webcast\r\n" +
            "DESCRIPTION:On November 14 at 9:00am (EST)\\, the Company will host a confer\r\n" +
            " ence call\\, which will be simultaneously webcasted over the Internet at ww\r\n" +
            " w.vcall.com. Replay will also be available at the same URL.\\nDial-in: Nasd\r\n" +
            " aq: IIJI\\; Japan time 23:00.\r\n" +
            "URL:http://www.vcall.com\r\n" +
            "END:VEVENT\r\n" +
            "END:VCALENDAR\r\n")
        // Every line ends with CRLF: no bare CR or LF.
        let bytes = Array(ics.utf8)
        for (i, b) in bytes.enumerated() {
            if b == 0x0A { XCTAssertEqual(bytes[i - 1], 0x0D) }
            if b == 0x0D { XCTAssertEqual(bytes[i + 1], 0x0A) }
        }
    }

    func testEndGivenAsInstantOrDateAndMissingEnd() {
        var event = Self.call
        event.description = nil
        event.url = nil
        event.duration = nil
        event.end = Timestamp("2001-11-14T10:30:00-05:00")
        XCTAssertTrue(ICalendar(events: [event]).render().contains("DTSTART:20011114T140000Z\r\nDTEND:20011114T153000Z\r\n"))
        event.end = Timestamp("2001-11-14") // ends at the following midnight, in the start's offset (-05:00)
        XCTAssertTrue(ICalendar(events: [event]).render().contains("DTEND:20011115T050000Z\r\n"))
        event.end = nil
        XCTAssertFalse(ICalendar(events: [event]).render().contains("DTEND"))
        event.end = Timestamp("2001-11-14T08:00:00-05:00") // before the start: dropped
        XCTAssertFalse(ICalendar(events: [event]).render().contains("DTEND"))
    }

    func testUTCConversionAcrossDayMonthAndYearBoundaries() {
        let cases: [(String, String)] = [
            ("2001-11-14T23:30:00-05:00", "20011115T043000Z"),
            ("2001-11-14T08:00:00+09:00", "20011113T230000Z"),
            ("2001-12-31T20:00:00-05:00", "20020101T010000Z"),
            ("2000-03-01T05:00:00+05:30", "20000229T233000Z"),
            ("1970-01-01T00:00:00+00:01", "19691231T235900Z"),
            ("2001-11-14T09:00:00Z", "20011114T090000Z"),
        ]
        for (input, utc) in cases {
            var event = Self.call
            event.start = Timestamp(input)!
            event.stamp = Timestamp(input)!
            let ics = ICalendar(events: [event]).render()
            XCTAssertTrue(ics.contains("DTSTART:\(utc)\r\n"), input)
            XCTAssertTrue(ics.contains("DTSTAMP:\(utc)\r\n"), input)
        }
        // Instants back to timestamps, in any offset.
        XCTAssertEqual(Timestamp.fromEpochSeconds(Timestamp("2001-11-14T09:00:00-05:00")!.epochSeconds()).description, "2001-11-14T14:00:00Z")
        XCTAssertEqual(Timestamp.fromEpochSeconds(Timestamp("2001-11-14T09:00:00-05:00")!.epochSeconds(), utcOffset: 9 * 3600).description,
                       "2001-11-14T23:00:00+09:00")
        XCTAssertEqual(Timestamp.fromEpochSeconds(-1).description, "1969-12-31T23:59:59Z")
        // civil(fromDays:) inverts daysFromCivil over four centuries and more.
        for days in stride(from: -200_000, through: 200_000, by: 37) {
            let d = PublishTime.civil(fromDays: days)
            XCTAssertEqual(Timestamp.daysFromCivil(d.year, d.month, d.day), days)
        }
    }

    func testAllDayEvents() {
        let results = ICalendar.Event(uid: "2001-02-12-3q01-earnings-release@ir.example.com", stamp: Timestamp("2001-11-13T15:00:00+09:00")!,
                                      start: Timestamp("2001-02-12")!, summary: "3Q01 earnings release")
        let quiet = ICalendar.Event(uid: "2001-02-01-quiet-period@ir.example.com", stamp: Timestamp("2001-11-13T15:00:00+09:00")!,
                                    start: Timestamp("2001-02-01")!, end: Timestamp("2001-02-12")!, summary: "Quiet period")
        let ics = ICalendar(name: "IIJ financial calendar", events: [results, quiet]).render()
        XCTAssertEqual(ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IRSite//IRSite//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
            "X-WR-CALNAME:IIJ financial calendar\r\n" +
            "BEGIN:VEVENT\r\nUID:2001-02-12-3q01-earnings-release@ir.example.com\r\nDTSTAMP:20011113T060000Z\r\n" +
            "DTSTART;VALUE=DATE:20010212\r\nDTEND;VALUE=DATE:20010213\r\nSUMMARY:3Q01 earnings release\r\nEND:VEVENT\r\n" +
            "BEGIN:VEVENT\r\nUID:2001-02-01-quiet-period@ir.example.com\r\nDTSTAMP:20011113T060000Z\r\n" +
            "DTSTART;VALUE=DATE:20010201\r\nDTEND;VALUE=DATE:20010213\r\nSUMMARY:Quiet period\r\nEND:VEVENT\r\n" +
            "END:VCALENDAR\r\n")
        for (day, next) in [("2001-12-31", "20020101"), ("2004-02-28", "20040229"), ("2001-02-28", "20010301"), ("2000-02-29", "20000301")] {
            var e = results
            e.start = Timestamp(day)!
            XCTAssertTrue(ICalendar(events: [e]).render().contains("DTEND;VALUE=DATE:\(next)\r\n"), day)
        }
        // A date-only DTSTAMP is midnight at the calendar's default offset.
        let tokyo = ICalendar(events: [ICalendar.Event(uid: "u", stamp: Timestamp("2001-11-13")!, start: Timestamp("2001-11-13")!, summary: "s")],
                              defaultUTCOffset: 9 * 3600).render()
        XCTAssertTrue(tokyo.contains("DTSTAMP:20011112T150000Z\r\n"))
    }

    func testTextEscaping() {
        var event = Self.call
        event.summary = "Q&A; call, \"live\"\nline2\r\nline3\rline4\\end\u{0}\u{7}\tTab"
        event.location = "Tokyo, Japan; Room 1"
        event.description = nil
        event.url = "http://example.com/a b\r\nX-INJECTED:1"
        event.sequence = 2
        let ics = ICalendar(productID: "-//Example; Inc.//IR//EN", events: [event]).render()
        XCTAssertTrue(ics.contains("PRODID:-//Example\\; Inc.//IR//EN\r\n"))
        XCTAssertTrue(ics.contains("SUMMARY:Q&A\\; call\\, \"live\"\\nline2\\nline3\\nline4\\\\end\tTab\r\n"))
        XCTAssertTrue(ics.contains("LOCATION:Tokyo\\, Japan\\; Room 1\r\n"))
        XCTAssertTrue(ics.contains("URL:http://example.com/a%20bX-INJECTED:1\r\n"))
        XCTAssertTrue(ics.contains("SEQUENCE:2\r\n"))
        XCTAssertFalse(ics.contains("\r\nX-INJECTED"))
    }

    func testFoldingNeverSplitsACharacterAndUnfoldsExactly() {
        var rng = SplitMix64(seed: 5545)
        for round in 0..<400 {
            let text = round % 2 == 0 ? PublishRandom.nonASCII(&rng, length: Int.random(in: 0...120, using: &rng))
                                      : PublishRandom.string(&rng, maxPieces: 60)
            let line = "DESCRIPTION:" + ICalendar.text(text)
            let folded = ICalendar.fold(line)
            XCTAssertTrue(folded.hasSuffix("\r\n"))
            let physical = Array(folded.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
            for (i, raw) in physical.enumerated() {
                XCTAssertEqual(raw.last, 0x0D)
                let content = raw.dropLast()
                XCTAssertLessThanOrEqual(content.count, 75, "line \(i) of \(line)")
                XCTAssertNotNil(String(validating: Array(content), as: UTF8.self), "a physical line is valid UTF-8 on its own")
                if i > 0 { XCTAssertEqual(content.first, 0x20) }
                if i < physical.count - 1 { XCTAssertGreaterThan(content.count, 71, "a line is only broken when full") }
            }
            XCTAssertEqual(ICalendar.unfold(folded), line + "\r\n")
        }
        // Exactly 75 octets stays on one line; 76 folds.
        XCTAssertEqual(ICalendar.fold(String(repeating: "a", count: 75)), String(repeating: "a", count: 75) + "\r\n")
        XCTAssertEqual(ICalendar.fold(String(repeating: "a", count: 76)), String(repeating: "a", count: 75) + "\r\n a\r\n")
        // A 3-octet character that would straddle octet 75 moves to the next line whole.
        let kana = String(repeating: "a", count: 73) + "日本"
        XCTAssertEqual(ICalendar.fold(kana), String(repeating: "a", count: 73) + "\r\n 日本\r\n")
    }

    func testWholeCalendarUnfoldsToLogicalLines() {
        var event = Self.call
        event.summary = String(repeating: "決算説明会・", count: 30)
        let ics = ICalendar(events: [event, event]).render()
        let logical = ICalendar.unfold(ics).components(separatedBy: "\r\n")
        XCTAssertEqual(logical.filter { $0.hasPrefix("SUMMARY:") }, Array(repeating: "SUMMARY:" + event.summary, count: 2))
        XCTAssertEqual(logical.last, "")
    }
}
