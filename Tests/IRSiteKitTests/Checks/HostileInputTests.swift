import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Hostile or mistyped content: each problem is a located diagnostic, never a crash, a hang or a leak.
final class HostileInputTests: XCTestCase {
    let period = "periods/2001-q2.yaml"
    let income = "statements/income_statement.yaml"

    /// The errors of `content` that contain `needle`.
    func errors(_ content: TestContent, containing needle: String) -> [String] {
        content.errors().filter { $0.contains(needle) }
    }

    // MARK: Runaway footing (item 8)

    func testFootingAllocatesAHugeDifferenceInOneStep() {
        // Two plain rows of exactly 0.5 each under a total mistyped as 10^13: handing the difference
        // out one unit at a time would take hours; in one step it is the round-robin result.
        let entries = [Footing.Entry(line: "a", exact: Exact(1, 2), isTotal: false),
                       Footing.Entry(line: "b", exact: Exact(1, 2), isTotal: false),
                       Footing.Entry(line: "t", exact: Exact(10_000_000_000_000), isTotal: true)]
        let relation = Footing.Relation(total: "t", terms: [(1, "a"), (1, "b")])
        let (printed, implausible) = Footing.allocateReporting(entries, relations: [relation], places: 0, rounding: .halfAwayFromZero)
        XCTAssertEqual(printed["t"], 10_000_000_000_000)
        XCTAssertEqual((printed["a"] ?? 0) + (printed["b"] ?? 0), 10_000_000_000_000)
        XCTAssertEqual(printed["a"], 5_000_000_000_000)
        XCTAssertEqual(implausible, [Footing.Implausible(total: "t", difference: 10_000_000_000_000 - 2, terms: 2)])
    }

    func testFootingWithinRoundingIsPlausible() {
        let entries = [Footing.Entry(line: "a", exact: Exact(1, 2), isTotal: false),
                       Footing.Entry(line: "b", exact: Exact(1, 2), isTotal: false),
                       Footing.Entry(line: "t", exact: Exact(1), isTotal: true)]
        let relation = Footing.Relation(total: "t", terms: [(1, "a"), (-1, "b")])
        let (printed, implausible) = Footing.allocateReporting(entries, relations: [relation], places: 0, rounding: .halfAwayFromZero)
        XCTAssertEqual(implausible, [])
        XCTAssertEqual(printed["a"]! - printed["b"]!, 1)
    }

    func testYenTypedIntoAThousandsLayoutIsALocatedErrorNotAHang() throws {
        var content = try TestContent()
        content.edit(period, replacing: "dedicated_access_services: 3431156", with: "dedicated_access_services: 3431156000000")
        let line = content.line(of: "total_connectivity_and_value_added_services: 5552880", in: period)
        let column = content.column(of: "5552880", in: period)
        let found = errors(content, containing: "miss its total")
        XCTAssertTrue(found.contains("Content/\(period):\(line):\(column): error: printed translation column of 2Q01: the parts of 'total_connectivity_and_value_added_services' miss its total by 28777594303 last-digit units, more than rounding 4 terms explains; is a figure in the wrong unit?"), "\(found)")
    }

    // MARK: Crashes (item 10)

    func testDeeplyNestedFormulaIsAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
        XCTAssertThrowsError(try Formula.parse(deep)) { error in
            XCTAssertEqual(error as? FormulaError, FormulaError(message: "parentheses and signs nest more than 64 deep", offset: 64))
        }
        let signs = String(repeating: "-", count: 100_000) + "a"
        XCTAssertThrowsError(try Formula.parse(signs)) { error in
            XCTAssertEqual(error as? FormulaError, FormulaError(message: "parentheses and signs nest more than 64 deep", offset: 64))
        }
        let long = Array(repeating: "a", count: 100_000).joined(separator: " + ")
        XCTAssertThrowsError(try Formula.parse(long)) { error in
            XCTAssertEqual(error as? FormulaError, FormulaError(message: "a formula has at most 500 operators", offset: 2002))
        }
        XCTAssertNoThrow(try Formula.parse(String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)))

        var content = try TestContent()
        content.edit(income, replacing: "formula: internet_datacenter_services + other_value_added_services",
                     with: "formula: " + String(repeating: "(", count: 100_000) + "internet_datacenter_services" + String(repeating: ")", count: 100_000))
        let line = content.line(of: "formula: ((", in: income)
        let column = content.column(of: "((", in: income)
        XCTAssertEqual(errors(content, containing: "nest"), ["Content/\(income):\(line):\(column + 64): error: formula: parentheses and signs nest more than 64 deep"])
    }

    func testHugeDecimalsIsALocatedError() throws {
        var content = try TestContent()
        content.edit(income, replacing: "unit: jpy_thousands\n", with: "unit: jpy_thousands\ndecimals: 1000000\n")
        let line = content.line(of: "decimals: 1000000", in: income)
        XCTAssertEqual(content.errors(), ["Content/\(income):\(line):11: error: decimals must be 0 to 9, found 1000000"])
    }

    func testOverflowingFormulaConstantIsALocatedError() throws {
        var content = try TestContent()
        content.edit(income, replacing: "formula: net_loss * 1000 / weighted_average_ads",
                     with: "formula: net_loss * 999999999999999999999999999999 * 999999999999999999999999999999 / weighted_average_ads")
        let line = content.line(of: "formula: net_loss * 9999", in: income)
        let column = content.column(of: "net_loss * 9999", in: income)
        let found = content.errors()
        XCTAssertTrue(found.contains("Content/\(income):\(line):\(column): error: 2Q01 'basic_net_loss_per_ads' is too large or too precise to compute exactly (beyond 128-bit arithmetic); check its figures and constants"), "\(found)")
    }

    func testAnOverlyPreciseRateComputesExactlyWithoutTrapping() throws {
        var content = try TestContent()
        content.edit(period, replacing: "rate: 119.23 ", with: "rate: 119.230000000000000000001 ")
        // Exact arithmetic cancels before it multiplies: the rate computes without overflow.
        XCTAssertEqual(content.errors(), [])
        let site = try XCTUnwrap(SiteLoader.load(content.files).site)
        let layout = try XCTUnwrap(site.layout("income_statement"))
        let footed = StatementDeriver(book: FactBook(site: site)).foot(layout, ResolvedColumn(show: .translation, period: FiscalPeriod(year: 2001, quarter: 2)))
        XCTAssertEqual(footed["total_revenues"], 79_915)
    }

    func testExactArithmeticReportsOverflowInsteadOfTrapping() {
        let big = Exact(Int128.max, 1)
        XCTAssertTrue((big + big).isOverflow)
        XCTAssertTrue((big * big).isOverflow)
        XCTAssertTrue((-big - big - big).isOverflow)
        XCTAssertTrue((Exact(1, Int128.max) + Exact(1, Int128.max - 1)).isOverflow)
        XCTAssertTrue(Exact.power10(1_000_000).isOverflow)
        XCTAssertTrue(((big * big) + Exact(1)).isOverflow, "overflow sticks")
        // Comparing needs no products: these cross-multiply beyond 128 bits.
        XCTAssertTrue(Exact(1, Int128.max) < Exact(1, Int128.max - 1))
        XCTAssertFalse(Exact(Int128.max - 1, Int128.max) < Exact(Int128.max - 2, Int128.max - 1))
        XCTAssertEqual(Exact(3, 7) < Exact(2, 5), false)
        XCTAssertEqual(Exact(-3, 7) < Exact(-2, 5), true)
        XCTAssertEqual(Exact(5, 1) < Exact(5, 1), false)
    }

    // MARK: Symlinks and quoting (item 11)

    func testSymlinkOutOfTheContentFolderIsRefusedWithoutQuotingIt() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        let secret = tmp.path("secrets.env")
        try "AWS_SECRET_ACCESS_KEY=hunter2hunter2\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let linked = content + "/periods/2001-q1.yaml"
        try FileManager.default.removeItem(atPath: linked)
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: secret)
        let (site, diagnostics) = Pipeline.check(content: content)
        XCTAssertNil(site)
        XCTAssertEqual(diagnostics.map(\.description), ["\(linked):1:1: error: '\(linked)' is a symbolic link to a file outside the content folder; content files must be inside it"])
        XCTAssertFalse(diagnostics.description.contains("hunter2"))
    }

    func testAFolderLinkedOutOfTheContentFolderIsRefused() throws {
        // Files that are not links are placed by their folder's resolved path: the folder's link still counts.
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        let outside = tmp.path("elsewhere")
        try FileManager.default.moveItem(atPath: content + "/periods", toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: content + "/periods", withDestinationPath: outside)
        let (site, diagnostics) = Pipeline.check(content: content)
        XCTAssertNil(site)
        XCTAssertTrue(diagnostics.contains { $0.message.contains("is a symbolic link to a file outside the content folder") }, "\(diagnostics)")
    }

    func testSymlinkInsideTheContentFolderIsRead() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        try FileManager.default.moveItem(atPath: content + "/site.yaml", toPath: content + "/site-real.yaml")
        try FileManager.default.createSymbolicLink(atPath: content + "/site.yaml", withDestinationPath: "site-real.yaml")
        XCTAssertNotNil(Pipeline.check(content: content).site)
    }

    func testDiagnosticsQuoteAtMostAnExcerpt() throws {
        var content = try TestContent()
        let long = "SECRET" + String(repeating: "x", count: 200)
        content.edit(period, replacing: "quarter: 2", with: "quarter: \(long)")
        let line = content.line(of: "quarter: SECRET", in: period)
        XCTAssertEqual(content.errors(), ["Content/\(period):\(line):10: error: expected an integer, found '\(long.prefix(59))…'"])
        XCTAssertEqual(String(repeating: "y", count: 60).excerpt, String(repeating: "y", count: 60))
    }

    // MARK: URLs (item 13)

    func testBaseURLMustBeAnAbsoluteWebAddress() throws {
        for bad in ["ir.example.com", "javascript:alert(1)", "https://", "ftp://ir.example.com/"] {
            var content = try TestContent()
            content.edit("site.yaml", replacing: "base_url: https://ir.example.com/", with: "base_url: \(bad)")
            let line = content.line(of: "base_url:", in: "site.yaml")
            XCTAssertEqual(content.errors(), ["Content/site.yaml:\(line):11: error: base_url must be an absolute http:// or https:// URL with a host, such as https://ir.example.com/, found '\(bad)'"])
        }
    }

    func testEventURLMustBeAnAbsoluteWebAddress() throws {
        let release = "releases/2001-q2.md"
        for bad in ["javascript:alert(document.cookie)", "www.vcall.com"] {
            var content = try TestContent()
            content.edit(release, replacing: "url: http://www.vcall.com", with: "url: \(bad)")
            let line = content.line(of: "url: \(bad)", in: release)
            let column = content.column(of: bad, in: release)
            XCTAssertEqual(content.errors(), ["Content/\(release):\(line):\(column): error: an event url must be an absolute http:// or https:// URL with a host, found '\(bad)'"])
        }
    }

    // MARK: CSV (item 15)

    func testCSVTextCellsCannotBecomeFormulas() throws {
        var content = try TestContent()
        content.edit(income, replacing: "label: \"Dial-up access services\"", with: "label: \"=HYPERLINK(\\\"http://evil\\\")\"")
        content.edit(income, replacing: "label: \"Dedicated access services\"", with: "label: \"@SUM(A1)\"")
        let site = try XCTUnwrap(SiteLoader.load(content.files).site)
        let book = FactBook(site: site)
        let published = PublishedFiles(book: book, unpublished: [], isPreview: false, charts: ReleaseCharts.all(in: book), strings: .theme)
        let rows = try PublishCSVParser.parse(String(decoding: published.csv(FiscalPeriod(year: 2001, quarter: 2)).contents, as: UTF8.self))
        let dialUp = try XCTUnwrap(rows.first { $0[4] == "dial_up_access_services" && $0[0] == "2001-q2" })
        XCTAssertEqual(dialUp[5], "'=HYPERLINK(\"http://evil\")")
        let dedicated = try XCTUnwrap(rows.first { $0[4] == "dedicated_access_services" && $0[0] == "2001-q2" })
        XCTAssertEqual(dedicated[5], "'@SUM(A1)")
        // Figures stay numbers, negatives included.
        let perADS = try XCTUnwrap(rows.first { $0[4] == "basic_net_loss_per_ads" && $0[0] == "2001-q2" && $0[6] == "value" })
        XCTAssertEqual(perADS[8], "-68.61")
        // The raw facts of data/all.csv likewise.
        let facts = try PublishCSVParser.parse(String(decoding: published.allData().contents, as: UTF8.self))
        XCTAssertEqual(facts.first { $0[3] == "dial_up_access_services" && $0[0] == "2001-q2" }?[4], "'=HYPERLINK(\"http://evil\")")
        XCTAssertEqual(facts.first { $0[3] == "basic_net_loss_per_ads" && $0[0] == "2001-q2" }?[6], "-68.61")
        XCTAssertEqual(CSVWriter.text("\tx"), "'\tx")
        XCTAssertEqual(CSVWriter.text("\rx"), "'\rx")
        XCTAssertEqual(CSVWriter.text("+1"), "'+1")
        XCTAssertEqual(CSVWriter.text("a=b"), "a=b")
    }

    // MARK: Smaller (item 16)

    func testTinyDifferenceIsPrintedExactly() throws {
        var content = try TestContent()
        content.edit(period, replacing: "dedicated_access_services: 3431156", with: "dedicated_access_services: 3431155.9999999999998")
        let line = content.line(of: "total_connectivity_and_value_added_services: 5552880", in: period)
        let column = content.column(of: "5552880", in: period)
        let found = errors(content, containing: "is stated as")
        XCTAssertEqual(found, ["Content/\(period):\(line):\(column): error: 2Q01 'total_connectivity_and_value_added_services' is stated as 5,552,880.0000000000000 but its components sum to 5,552,879.9999999999998 (difference 0.0000000000002)"])
    }

    func testFiscalYearOutOfRange() throws {
        var content = try TestContent()
        content.edit(period, replacing: "fiscal_year: 2001", with: "fiscal_year: -2001")
        let line = content.line(of: "fiscal_year: -2001", in: period)
        XCTAssertEqual(errors(content, containing: "fiscal_year"), ["Content/\(period):\(line):14: error: fiscal_year must be 1900 to 9999, found -2001"])
    }

    func testDivisionByZeroInAFormulaWithStatedValues() throws {
        var content = try TestContent()
        content.edit(income, replacing: "formula: net_loss * 1000 / weighted_average_ads", with: "formula: net_loss * 1000 / 0")
        let line = content.line(of: "formula: net_loss * 1000 / 0", in: income)
        let column = content.column(of: "net_loss * 1000 / 0", in: income)
        let found = errors(content, containing: "division by zero")
        XCTAssertTrue(found.contains("Content/\(income):\(line):\(column): error: 2Q01: division by zero in the formula of 'basic_net_loss_per_ads', so its stated figure cannot be checked; check its operands"), "\(found)")
    }
}
