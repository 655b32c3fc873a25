import XCTest
@testable import IRSiteKit

final class ExactTests: XCTestCase {
    func testParsesPlainDecimals() {
        XCTAssertEqual(Exact(decimal: "3431156"), Exact(3_431_156))
        XCTAssertEqual(Exact(decimal: "-632302"), Exact(-632_302))
        XCTAssertEqual(Exact(decimal: "6.4"), Exact(64, 10))
        XCTAssertEqual(Exact(decimal: "119.23"), Exact(11923, 100))
        XCTAssertEqual(Exact.decimalPlaces(of: "-68.61"), 2)
        for bad in ["", "-", "3,431", "(632)", "1e5", "1.", ".", "12a", "1.2.3"] {
            XCTAssertNil(Exact(decimal: bad), bad)
        }
    }

    func testRoundsHalfAwayFromZero() {
        let cases: [(String, Int, Int128)] = [("2.5", 0, 3), ("-2.5", 0, -3), ("2.49", 0, 2), ("-0.05", 1, -1), ("0.04", 1, 0), ("1.25", 1, 13)]
        for (text, places, expected) in cases {
            XCTAssertEqual(Exact(decimal: text)!.scaled(to: places, .halfAwayFromZero), expected, text)
        }
    }

    func testTruncates() {
        XCTAssertEqual(Exact(decimal: "2.99")!.scaled(to: 0, .truncate), 2)
        XCTAssertEqual(Exact(decimal: "-2.99")!.scaled(to: 0, .truncate), -2)
    }

    func testTranslationIsExact() throws {
        // 506,775 / 119.23 = 4,250.3984… : exact, not a binary fraction.
        let usd = try XCTUnwrap(Exact(506_775) / Exact(decimal: "119.23")!)
        XCTAssertEqual(usd, Exact(50_677_500, 11_923))
        XCTAssertEqual(usd.plain(places: 4), "4250.3984")
    }

    func testDivisionByZeroIsNil() {
        XCTAssertNil(Exact(1) / Exact.zero)
    }

    /// Property: a + b − b == a and (a · b) / b == a for many small rationals.
    func testArithmeticIdentities() {
        let seed: UInt64 = 0xE8AC7
        var generator = SplitMix64(seed: seed)
        for round in 0..<500 {
            let a = Exact(Int128(Int.random(in: -1_000_000...1_000_000, using: &generator)), Int128(Int.random(in: 1...1000, using: &generator)))
            let b = Exact(Int128(Int.random(in: 1...1_000_000, using: &generator)), Int128(Int.random(in: 1...1000, using: &generator)))
            XCTAssertEqual(a + b - b, a, "seed \(seed), round \(round)")
            XCTAssertEqual((a * b) / b, a, "seed \(seed), round \(round)")
            XCTAssertEqual(a < b, !(b <= a), "seed \(seed), round \(round)")
        }
    }
}
