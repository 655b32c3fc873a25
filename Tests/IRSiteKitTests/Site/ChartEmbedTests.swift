import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Charts placed from Markdown: resolved from the facts, rendered inline with their data, and written standalone.
final class ChartEmbedTests: XCTestCase {
    func testSampleReleaseCarriesItsCharts() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: Paths.content, templates: Paths.templates, output: output, options: .afterTheSeed)
        let page = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        let ids = ["revenue-guidance", "revenue-by-segment", "contracts-by-tier", "bandwidth", "backbone-costs", "operating-income", "ebitda"]
        for id in ids {
            let figure = try XCTUnwrap(page.range(of: "<figure class=\"chart\" id=\"chart-\(id)\">"), id)
            let end = try XCTUnwrap(page.range(of: "</figure>", range: figure.upperBound..<page.endIndex))
            let html = String(page[figure.upperBound..<end.lowerBound])
            XCTAssertTrue(html.contains("role=\"img\""), id)
            XCTAssertTrue(html.contains("<title id=\"chart-\(id)-title\">"), id)
            XCTAssertTrue(html.contains("<desc id=\"chart-\(id)-desc\">"), id)
            XCTAssertTrue(html.contains("<details class=\"chart-data\">"), "\(id) has its data as a table")
            XCTAssertTrue(html.contains("<a href=\"../../charts/2001-q2-\(id).svg\" download>"), id)
            XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/charts/2001-q2-\(id).svg"), id)
        }
        // The operating income chart says what it shows, from the data.
        XCTAssertTrue(page.contains("(632)"))
        let revenue = try XCTUnwrap(HTMLTable.allMatches(#"<desc id="chart-revenue-by-segment-desc">(.*?)</desc>"#, in: page).first)
        XCTAssertTrue(revenue.contains("¥9,528 million"), revenue)
        // The guidance range is drawn beside the actual quarters.
        XCTAssertTrue(page.contains("10,000–10,500"))
        // Two charts on the home page.
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertEqual(home.components(separatedBy: "<figure class=\"chart\"").count - 1, 2)
        XCTAssertTrue(home.contains("<a href=\"charts/2001-q2-operating-income.svg\" download>"))
        // Every standalone chart is well-formed XML.
        let xmllint = try XCTUnwrap(ExternalTool.require("xmllint", package: "libxml2-utils"))
        for id in ids {
            let result = try ExternalTool.run(xmllint, ["--noout", output + "/charts/2001-q2-\(id).svg"])
            XCTAssertEqual(result.status, 0, "\(id).svg is not well-formed: \(result.stderr)")
        }
    }

    func testChartMistakesAreLocatedInTheMarkdown() throws {
        let cases: [(String, String, String)] = [
            ("series: [operating_income]\nunit: jpy_millions\nid: operating-income", "series: [operating_incme]\nunit: jpy_millions\nid: operating-income",
             "unknown line 'operating_incme' in chart; did you mean 'operating_income'?"),
            ("title: EBITDA\nseries: [ebitda]", "title: EBITDA\nseries: [ebitda]\nperiods: [2001-Q2, 1999-Q1]", "no facts for 1Q99 (periods/1999-q1.yaml)"),
            ("kind: grouped_bar", "kind: pie", "chart block: unknown value 'pie'; expected one of: bar, grouped_bar, stacked_bar, horizontal_bar"),
        ]
        for (old, new, message) in cases {
            var content = try TestContent()
            content.edit("releases/2001-q2.md", replacing: old, with: new)
            let needle = new.components(separatedBy: "\n").first { !old.contains($0) } ?? new
            let token = ["operating_incme", "1999-Q1", "pie"].first { needle.contains($0) }!
            let line = content.line(of: needle, in: "releases/2001-q2.md")
            let column = content.column(of: token, in: "releases/2001-q2.md")
            XCTAssertEqual(content.errors(), ["Content/releases/2001-q2.md:\(line):\(column): error: \(message)"])
        }
    }
}
