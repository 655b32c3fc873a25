import XCTest
@testable import IRSiteKit

/// References that point at nothing, or at the same thing twice, are located errors
/// rather than silently dropped from the pages.
final class DanglingReferenceTests: XCTestCase {
    private let release = "releases/2001-q2.md"
    private let layout = "statements/income_statement.yaml"

    func testAChartLabelForALineTheChartDoesNotDraw() throws {
        var content = try TestContent()
        content.edit(release, replacing: "labels: { total_connectivity_and_value_added_services:",
                     with: "labels: { systems_integration_revenue: SI, total_connectivity_and_value_added_services:")
        let line = content.line(of: "labels: { systems_integration_revenue:", in: release)
        let column = content.column(of: "SI, total", in: release)
        XCTAssertEqual(content.errors(), ["Content/\(release):\(line):\(column): error: chart block: 'labels' names 'systems_integration_revenue', which is not a series of this chart; did you mean 'systems_integration_revenues'?"])
    }

    func testASeriesListedTwice() throws {
        var content = try TestContent()
        content.edit(release, replacing: "series: [total_revenues]\nunit: jpy_millions\nguidance", with: "series: [total_revenues, total_revenues]\nunit: jpy_millions\nguidance")
        let line = content.line(of: "series: [total_revenues, total_revenues]", in: release)
        XCTAssertEqual(content.errors(), ["Content/\(release):\(line):26: error: chart block: 'total_revenues' is already a series of this chart"])
    }

    func testAPeriodListedTwiceEvenInAnotherCase() throws {
        var content = try TestContent()
        content.edit(release, replacing: "series: [total_revenues]\nunit: jpy_millions\nguidance", with: "series: [total_revenues]\nperiods: [2001-Q1, 2001-Q2, 2001-q1]\nunit: jpy_millions\nguidance")
        let line = content.line(of: "periods: [2001-Q1, 2001-Q2, 2001-q1]", in: release)
        XCTAssertEqual(content.errors(), ["Content/\(release):\(line):29: error: chart block: '2001-q1' is already a period of this chart"])
    }

    func testAnEmptyPeriodList() throws {
        var content = try TestContent()
        content.edit(release, replacing: "series: [total_revenues]\nunit: jpy_millions\nguidance", with: "series: [total_revenues]\nperiods: []\nunit: jpy_millions\nguidance")
        let line = content.line(of: "periods: []", in: release)
        XCTAssertEqual(content.errors(), ["Content/\(release):\(line):10: error: chart block: a chart needs at least one period in 'periods'; leave it out to draw the release's own and its comparisons"])
    }

    func testASummaryChartNoReleaseDraws() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "charts: [revenue-by-segment, operating-income, revenue-guidance]",
                     with: "charts: [revenue-by-segment, operating-incme, no-such-chart]")
        let line = content.line(of: "charts: [revenue-by-segment, operating-incme", in: "site.yaml")
        XCTAssertEqual(content.errors(), [
            "Content/site.yaml:\(line):32: error: summary.charts names 'operating-incme', which no release draws; did you mean 'operating-income'?",
            "Content/site.yaml:\(line):49: error: summary.charts names 'no-such-chart', which no release draws",
        ])
    }

    func testAnUnknownPlaceholderInATranslationNote() throws {
        var content = try TestContent()
        content.edit(layout, replacing: "respect to {period}", with: "respect to {perid}")
        let line = content.line(of: "translation_note:", in: layout)
        XCTAssertEqual(content.errors(), ["Content/\(layout):\(line):19: error: unknown placeholder '{perid}' in translation_note; did you mean '{period}'?"])
    }

    func testAnUnclosedPlaceholderInATranslationNote() throws {
        var content = try TestContent()
        content.edit(layout, replacing: "respect to {period}", with: "respect to {bogus} {period")
        let line = content.line(of: "translation_note:", in: layout)
        XCTAssertEqual(content.errors(), [
            "Content/\(layout):\(line):19: error: unknown placeholder '{bogus}' in translation_note; the placeholders are {period}, {rate} and {rate_date}",
            "Content/\(layout):\(line):19: error: translation_note opens a placeholder with '{' and does not close it; the placeholders are {period}, {rate} and {rate_date}",
        ])
    }
}
