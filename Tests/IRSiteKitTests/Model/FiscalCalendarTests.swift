import XCTest
@testable import IRSiteKit

final class FiscalCalendarTests: XCTestCase {
    func testAprilYearNamedForItsStart() {
        let c = FiscalCalendar(startMonth: 4, namedFor: .start)
        let q2 = FiscalPeriod(year: 2001, quarter: 2)
        XCTAssertEqual(c.start(of: q2), CalendarDate(year: 2001, month: 7, day: 1))
        XCTAssertEqual(c.end(of: q2), CalendarDate(year: 2001, month: 9, day: 30))
        XCTAssertEqual(c.end(of: FiscalPeriod(year: 2001, quarter: 4)), CalendarDate(year: 2002, month: 3, day: 31))
        XCTAssertEqual(c.period(containing: CalendarDate(year: 2002, month: 2, day: 12)), FiscalPeriod(year: 2001, quarter: 4))
        XCTAssertEqual(q2.label, "2Q01")
        XCTAssertEqual(q2.priorYear.label, "2Q00")
        XCTAssertEqual(q2.priorQuarter.label, "1Q01")
        XCTAssertEqual(FiscalPeriod(year: 2001, quarter: 1).priorQuarter, FiscalPeriod(year: 2000, quarter: 4))
        XCTAssertEqual(c.end(of: q2).short, "Sept 30, 2001")
    }

    func testAprilYearNamedForItsEnd() {
        let c = FiscalCalendar(startMonth: 4, namedFor: .end)
        // FY2002 runs April 2001 to March 2002.
        XCTAssertEqual(c.start(of: FiscalPeriod(year: 2002, quarter: 2)), CalendarDate(year: 2001, month: 7, day: 1))
        XCTAssertEqual(c.period(containing: CalendarDate(year: 2001, month: 9, day: 30)), FiscalPeriod(year: 2002, quarter: 2))
    }

    func testCalendarYear() {
        let c = FiscalCalendar(startMonth: 1, namedFor: .end)
        XCTAssertEqual(c.end(of: FiscalPeriod(year: 2024, quarter: 1)), CalendarDate(year: 2024, month: 3, day: 31))
        XCTAssertEqual(c.end(of: FiscalPeriod(year: 2024, quarter: 4)), CalendarDate(year: 2024, month: 12, day: 31))
    }

    /// Property: every day of several years maps to the quarter whose dates contain it.
    func testEveryDayFallsInItsQuarter() {
        for start in 1...12 {
            for naming in [FiscalCalendar.Naming.start, .end] {
                let c = FiscalCalendar(startMonth: start, namedFor: naming)
                for year in 1999...2001 {
                    for month in 1...12 {
                        for day in [1, 15, CalendarDate.daysIn(month: month, year: year)] {
                            let d = CalendarDate(year: year, month: month, day: day)
                            let p = c.period(containing: d)
                            XCTAssertTrue(c.start(of: p) <= d && d <= c.end(of: p), "\(d) start \(start) \(naming)")
                        }
                    }
                }
            }
        }
    }

    func testTimestamps() throws {
        let t = try XCTUnwrap(Timestamp("2001-11-14T09:00:00-05:00"))
        XCTAssertEqual(t.epochSeconds(), try XCTUnwrap(Timestamp("2001-11-14T14:00:00Z")).epochSeconds())
        XCTAssertEqual(t.description, "2001-11-14T09:00:00-05:00")
        XCTAssertNil(Timestamp("2001-11-14T09:00:00"), "a time without a zone is ambiguous")
        XCTAssertNil(Timestamp("2001-02-30"))
        XCTAssertEqual(Timestamp("1970-01-02")?.epochSeconds(), 86_400)
    }
}
