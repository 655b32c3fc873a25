import XCTest
@testable import IRSiteKit

final class FormulaTests: XCTestCase {
    func testSignedTermsOfARelation() throws {
        let f = try Formula.parse("a + b - c - (d - e)")
        XCTAssertEqual(f.signedTerms?.map(\.sign), [1, 1, -1, -1, 1])
        XCTAssertEqual(f.signedTerms?.map(\.line), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(try Formula.parse("-x").signedTerms?.map(\.sign), [-1])
        XCTAssertNil(try Formula.parse("net_loss * 1000 / shares").signedTerms)
        XCTAssertNil(try Formula.parse("cash[prior_quarter]").signedTerms)
    }

    func testEvaluatesPerShareExactly() throws {
        let f = try Formula.parse("net_loss * 1000 / weighted_average_ads")
        let values: [String: Exact] = ["net_loss": Exact(-3_084_761), "weighted_average_ads": Exact(44_960_000)]
        let v = try XCTUnwrap(f.evaluate { id, _ in values[id] })
        XCTAssertEqual(v.plain(places: 2), "-68.61")
    }

    func testMissingCountsAsZeroInSumsButNotInProducts() throws {
        XCTAssertEqual(try Formula.parse("a + b").evaluate { id, _ in id == "a" ? Exact(5) : nil }, Exact(5))
        XCTAssertNil(try Formula.parse("a + b").evaluate { _, _ in nil })
        XCTAssertNil(try Formula.parse("a * b").evaluate { id, _ in id == "a" ? Exact(5) : nil })
        XCTAssertNil(try Formula.parse("a / b").evaluate { id, _ in id == "a" ? Exact(5) : .zero })
    }

    func testSyntaxErrorsCarryTheirOffset() {
        XCTAssertThrowsError(try Formula.parse("a + + b")) { XCTAssertEqual($0 as? FormulaError, FormulaError(message: "unexpected '+'", offset: 4)) }
        XCTAssertThrowsError(try Formula.parse("a b")) { XCTAssertEqual($0 as? FormulaError, FormulaError(message: "unexpected 'b'", offset: 2)) }
        XCTAssertThrowsError(try Formula.parse("(a")) { XCTAssertEqual($0 as? FormulaError, FormulaError(message: "expected ')'", offset: 2)) }
        XCTAssertThrowsError(try Formula.parse("cash[last_year]")) {
            XCTAssertEqual($0 as? FormulaError, FormulaError(message: "expected [prior_year] or [prior_quarter] after 'cash'", offset: 5))
        }
    }

    func testEquation() throws {
        let (l, r) = try Formula.parseEquation("ebitda = operating_income + depreciation_and_amortization")
        XCTAssertEqual(l.references.map(\.line), ["ebitda"])
        XCTAssertEqual(r.references.map(\.offset), [9, 28])
    }
}
