import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Derivation against the seed's printed statements (the HTML-level test is in SitePageTests).
final class SeedFiguresTests: XCTestCase {
    func testDerivedStatementsMatchTheSeed() throws {
        let (site, diagnostics) = Pipeline.check(content: Paths.content)
        let loaded = try XCTUnwrap(site, diagnostics.map(\.description).joined(separator: "\n"))
        let seed = try SeedReference()
        let builder = TableBuilder(site: loaded, strings: .theme)
        let deriver = StatementDeriver(book: FactBook(site: loaded))
        let period = FiscalPeriod(year: 2001, quarter: 2)
        var mismatches: [String] = []
        for id in ["income_statement", "balance_sheet", "cash_flow"] {
            let layout = try XCTUnwrap(loaded.layout(id))
            let table = builder.context(deriver.derive(layout, columns: StatementDeriver.columns(of: layout, for: period)))
            var expected = try XCTUnwrap(seed.sections[id])[...]
            for row in table.rows where !row.isHeader {
                guard let index = expected.firstIndex(where: { $0.label == row.label }) else {
                    mismatches.append("\(id): no seed row '\(row.label)'"); continue
                }
                let printed = row.cells.map(\.text).filter { !$0.isEmpty }
                if printed != expected[index].cells { mismatches.append("\(id) '\(row.label)': ours \(printed) seed \(expected[index].cells)") }
                expected = expected[(index + 1)...]
            }
        }
        XCTAssertEqual(mismatches, [], mismatches.joined(separator: "\n"))
    }
}
