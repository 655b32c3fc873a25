import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Each printed translation and "% of" column is footed once per build: the checks'
/// findings and the pages' figures come from the same footing.
final class FootingCacheTests: XCTestCase {
    /// The published site's book shares the checked book's footed columns: deriving every
    /// table the releases print after the checks foots nothing again, and prints what the checks saw.
    func testPagesReadTheColumnsTheChecksFooted() throws {
        let site = try XCTUnwrap(Pipeline.check(content: Paths.content).site)
        let checked = FactBook(site: site)
        _ = SiteChecks.run(checked)
        let footed = checked.storage.footings.held
        XCTAssertGreaterThan(footed, 0)

        let published = FactBook(site: site, sharingValuesOf: checked)
        XCTAssertTrue(published.storage.footings === checked.storage.footings)
        let deriver = StatementDeriver(book: published)
        var printedCells = 0
        for release in site.releases {
            for layout in site.layouts {
                let columns = StatementDeriver.columns(of: layout, for: release.period)
                let table = deriver.derive(layout, columns: columns)
                for (i, column) in columns.enumerated() where column.show == .translation || column.show == .percent {
                    let fresh = StatementDeriver(book: FactBook(site: site)).foot(layout, column)
                    for row in table.rows where !row.isHeader {
                        guard case .figure(let units, _, _) = row.cells[i], let line = row.line else { continue }
                        XCTAssertEqual(units, fresh[line], "\(release.period.id) \(layout.id) \(line)")
                        printedCells += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(printedCells, 100)
        XCTAssertEqual(checked.storage.footings.held, footed, "a column the checks footed was footed again for the pages")
    }

    /// Overrides change what prints: a book of the site without them shares its values but
    /// foots its own columns, and prints what the rules alone give.
    func testASiteWithOtherOverridesFootsItsOwnColumns() throws {
        let site = try XCTUnwrap(Pipeline.check(content: Paths.content).site)
        let period = try XCTUnwrap(site.periods.first { !$0.value.overrides.isEmpty }?.key)
        var bare = site
        bare.periods[period]?.overrides = [:]
        let checked = FactBook(site: site)
        let bareBook = FactBook(site: bare, sharingValuesOf: checked)
        XCTAssertFalse(bareBook.storage.footings === checked.storage.footings)

        let (layoutID, lines) = try XCTUnwrap(site.periods[period]?.overrides.first)
        let layout = try XCTUnwrap(site.layout(layoutID))
        let (line, override) = try XCTUnwrap(lines.first)
        let column = ResolvedColumn(show: override.percent != nil ? .percent : .translation, period: period)
        let literal = try XCTUnwrap(override.percent ?? override.translation)
        let places = column.show == .percent ? StatementDeriver.percentPlaces : layout.decimals
        let plugged = literal.value.scaled(to: places, site.settings.figures.rounding)
        XCTAssertEqual(StatementDeriver(book: checked).foot(layout, column)[line], plugged)
        // The sample's overrides plug a figure the rule would print otherwise.
        XCTAssertNotEqual(StatementDeriver(book: bareBook).foot(layout, column)[line], plugged)
        XCTAssertEqual(StatementDeriver(book: bareBook).foot(layout, column),
                       StatementDeriver(book: FactBook(site: bare)).foot(layout, column))
    }
}
