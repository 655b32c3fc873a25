import XCTest
@testable import IRSiteKit

final class FootingTests: XCTestCase {
    func entry(_ line: String, _ value: String, total: Bool = false, fixed: Int128? = nil) -> Footing.Entry {
        Footing.Entry(line: line, exact: Exact(decimal: value)!, fixed: fixed, isTotal: total)
    }

    /// The seed's value-added services in USD: 4,250.40 + 3,177.18 under a total of 7,427.58.
    /// The total rounds on its own to 7,428; the larger remainder (0.40) takes the unit: 4,251.
    func testLargestRemainderTakesTheDifference() {
        let printed = Footing.allocate(
            [entry("idc", "4250.3984"), entry("other", "3177.1786"), entry("total", "7427.5770", total: true)],
            relations: [Footing.Relation(total: "total", terms: [(1, "idc"), (1, "other")])], places: 0, rounding: .halfAwayFromZero)
        XCTAssertEqual(printed, ["idc": 4251, "other": 3177, "total": 7428])
    }

    /// Three thirds of 100.0%: 33.3 each, the total 100.0; the missing 0.1 goes to the first of the tied rows.
    func testTiesGoToTheEarlierRow() {
        let third = "33.33333333"
        let printed = Footing.allocate(
            [entry("a", third), entry("b", third), entry("c", third), entry("t", "100", total: true)],
            relations: [Footing.Relation(total: "t", terms: [(1, "a"), (1, "b"), (1, "c")])], places: 1, rounding: .halfAwayFromZero)
        XCTAssertEqual(printed, ["a": 334, "b": 333, "c": 333, "t": 1000])
    }

    /// Over-rounded parts give back a unit from the most over-rounded one.
    func testNegativeDifference() {
        let printed = Footing.allocate(
            [entry("a", "0.5"), entry("b", "0.6"), entry("t", "1.1", total: true)],
            relations: [Footing.Relation(total: "t", terms: [(1, "a"), (1, "b")])], places: 0, rounding: .halfAwayFromZero)
        // a rounds to 1 (+0.5), b to 1 (+0.4): the sum 2 exceeds the total 1 by one; a gives it back.
        XCTAssertEqual(printed, ["a": 0, "b": 1, "t": 1])
    }

    /// Subtracted terms move the other way: t = a − b.
    /// 10.7 − 3.4 = 7.3 prints 7, but 11 − 3 = 8: the subtracted term, rounded down the
    /// most (its signed contribution −3 against −3.4), moves up to 4. Adjusting it the
    /// other way, or ranking it by its unsigned remainder, would print 11 − 2 or 10 − 3.
    func testSubtractedTerms() {
        let printed = Footing.allocate(
            [entry("a", "10.7"), entry("b", "3.4"), entry("t", "7.3", total: true)],
            relations: [Footing.Relation(total: "t", terms: [(1, "a"), (-1, "b")])], places: 0, rounding: .halfAwayFromZero)
        XCTAssertEqual(printed, ["a": 11, "b": 4, "t": 7])
    }

    func testFixedCellsAreKept() {
        let printed = Footing.allocate(
            [entry("a", "25.567", fixed: 255), entry("b", "74.433"), entry("t", "100", total: true)],
            relations: [Footing.Relation(total: "t", terms: [(1, "a"), (1, "b")])], places: 1, rounding: .halfAwayFromZero)
        XCTAssertEqual(printed, ["a": 255, "b": 745, "t": 1000])
    }

    /// Property: for random parts, the printed parts always sum to the printed total.
    func testPrintedPartsAlwaysFoot() {
        let seed: UInt64 = 0x1F00_7150
        var g = SplitMix64(seed: seed)
        for round in 0..<300 {
            let n = Int.random(in: 1...8, using: &g)
            var entries: [Footing.Entry] = []
            var total = Exact.zero
            var terms: [(sign: Int, line: String)] = []
            for i in 0..<n {
                let sign = Bool.random(using: &g) ? 1 : -1
                let x = Exact(Int128(Int.random(in: -10_000_000...10_000_000, using: &g)), 11_923)
                entries.append(Footing.Entry(line: "p\(i)", exact: x, isTotal: false))
                terms.append((sign, "p\(i)"))
                total += Exact(sign) * x
            }
            entries.append(Footing.Entry(line: "t", exact: total, isTotal: true))
            let printed = Footing.allocate(entries, relations: [Footing.Relation(total: "t", terms: terms)], places: 0, rounding: .halfAwayFromZero)
            let sum = terms.reduce(Int128(0)) { $0 + Int128($1.sign) * printed[$1.line]! }
            XCTAssertEqual(sum, printed["t"], "seed \(seed), round \(round)")
            // No part moves more than one unit away from its own rounding.
            for e in entries where !e.isTotal {
                let own = e.exact!.scaled(to: 0, .halfAwayFromZero)
                XCTAssertLessThanOrEqual(abs(printed[e.line]! - own), Int128((n + 1) / n + 1), "seed \(seed), round \(round)")
            }
        }
    }
}
