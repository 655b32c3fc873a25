import XCTest
@testable import IRSiteKit

final class FigureFormatterTests: XCTestCase {
    let seed = FigureFormatter(FigureConventions())

    func testPrintsLikeTheRelease() {
        XCTAssertEqual(seed.format(units: -632_302, places: 0), "(632,302)")
        XCTAssertEqual(seed.format(units: 3_431_156, places: 0), "3,431,156")
        XCTAssertEqual(seed.format(units: -324, places: 1, suffix: "%"), "(32.4%)")
        XCTAssertEqual(seed.format(units: 0, places: 1), "0.0")
        XCTAssertEqual(seed.format(units: -6861, places: 2), "(68.61)")
        XCTAssertEqual(seed.format(units: 5, places: 2), "0.05")
        var minus = FigureConventions()
        minus.negative = .minus
        XCTAssertEqual(FigureFormatter(minus).format(units: -632_302, places: 0), "−632,302")
    }

    /// The formatter writes bytes; this is the string algorithm it replaced, as a reference
    /// that every figure, separator, sign and suffix must match exactly.
    func testMatchesTheStringReference() {
        func reference(_ units: Int128, _ places: Int, _ suffix: String, parentheses: Bool) -> String {
            var digits = String(units.magnitude)
            if places > 0 { while digits.count <= places { digits = "0" + digits } }
            let split = digits.index(digits.endIndex, offsetBy: -places)
            var whole = String(digits[..<split])
            var grouped = ""
            while whole.count > 3 {
                grouped = "," + whole.suffix(3) + grouped
                whole = String(whole.dropLast(3))
            }
            let body = whole + grouped + (places > 0 ? "." + String(digits[split...]) : "") + suffix
            return units >= 0 ? body : parentheses ? "(\(body))" : "−\(body)"
        }
        var minus = FigureConventions()
        minus.negative = .minus
        let formatters = [(seed, true), (FigureFormatter(minus), false)]
        var random = SplitMix64(seed: 11)
        var values: [Int128] = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 999_999, 1_000_000, Int128.max, Int128.min + 1]
        for _ in 0..<2_000 { values.append(Int128(Int64(bitPattern: random.next())) >> Int128(random.next() % 60)) }
        var compared = 0
        for units in values {
            for places in 0...4 {
                for suffix in ["", "%"] {
                    for (formatter, parentheses) in formatters {
                        XCTAssertEqual(formatter.format(units: units, places: places, suffix: suffix),
                                       reference(units, places, suffix, parentheses: parentheses), "\(units) \(places)")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertEqual(compared, values.count * 5 * 2 * 2)
    }

    /// Operating income from (632,302) to 15,998: (15,998 + 632,302) / (632,302) = (102.5)%.
    func testChangeAcrossASignFlipAsTheSeedComputesIt() throws {
        let change = try XCTUnwrap(seed.change(from: Exact(-632_302), to: Exact(15_998)))
        XCTAssertEqual(seed.format(change, places: 1), "(102.5)")
        // Other income (expenses): 440,388 → (430,259) prints (197.7).
        XCTAssertEqual(seed.format(try XCTUnwrap(seed.change(from: Exact(440_388), to: Exact(-430_259))), places: 1), "(197.7)")
        // Loss before tax (191,914) → (414,261): a larger loss prints 115.9.
        XCTAssertEqual(seed.format(try XCTUnwrap(seed.change(from: Exact(-191_914), to: Exact(-414_261))), places: 1), "115.9")
    }

    func testNotMeaningful() {
        XCTAssertNil(seed.change(from: .zero, to: Exact(5)))
        XCTAssertNil(seed.change(from: nil, to: Exact(5)))
        var flip = FigureConventions()
        flip.changeOnSignFlip = .notMeaningful
        XCTAssertNil(FigureFormatter(flip).change(from: Exact(-632_302), to: Exact(15_998)))
        XCTAssertNotNil(FigureFormatter(flip).change(from: Exact(-191_914), to: Exact(-414_261)))
    }

    func testTruncationConvention() {
        var c = FigureConventions()
        c.rounding = .truncate
        XCTAssertEqual(FigureFormatter(c).format(Exact(decimal: "28777.99")!, places: 0), "28,777")
    }
}

/// Zero is never negative: `units < 0`, not `<= 0`, decides the parentheses.
final class FigureFormatterZeroTests: XCTestCase {
    func testZeroAndRoundedNegativeZeroPrintWithoutParenthesesOrMinus() {
        for negative in FigureConventions.Negative.allCases {
            var conventions = FigureConventions()
            conventions.negative = negative
            let f = FigureFormatter(conventions)
            XCTAssertEqual(f.format(units: 0, places: 0), "0")
            XCTAssertEqual(f.format(units: 0, places: 1, suffix: "%"), "0.0%")
            // -0.04 rounds to zero tenths: "0.0", not "(0.0)" or "−0.0".
            XCTAssertEqual(f.format(Exact(-4, 100), places: 1), "0.0")
            XCTAssertEqual(f.format(Exact(-4, 10), places: 0), "0")
            XCTAssertEqual(f.format(units: -1, places: 1), negative == .parentheses ? "(0.1)" : "−0.1")
        }
    }
}
