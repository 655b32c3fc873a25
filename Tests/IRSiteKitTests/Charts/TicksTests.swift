import XCTest
@testable import IRSiteKit

/// d3-array's own test cases, ported case for case from
/// https://github.com/d3/d3-array (v3.2): test/ticks-test.js,
/// test/tickIncrement-test.js, test/tickStep-test.js and test/nice-test.js.
final class TicksTests: XCTestCase {
    let nan = Double.nan
    let infinity = Double.infinity

    private func ticks(_ start: Double, _ stop: Double, _ count: Double) -> [Double] { Ticks.ticks(start, stop, count) }
    private func tickIncrement(_ start: Double, _ stop: Double, _ count: Double) -> Double { Ticks.tickIncrement(start, stop, count) }
    private func tickStep(_ start: Double, _ stop: Double, _ count: Double) -> Double { Ticks.tickStep(start, stop, count) }

    // MARK: ticks-test.js

    func testTicksReturnsTheEmptyArrayIfAnyArgumentIsNaN() {
        XCTAssertEqual(ticks(nan, 1, 1), [])
        XCTAssertEqual(ticks(0, nan, 1), [])
        XCTAssertEqual(ticks(0, 1, nan), [])
        XCTAssertEqual(ticks(nan, nan, 1), [])
        XCTAssertEqual(ticks(0, nan, nan), [])
        XCTAssertEqual(ticks(nan, 1, nan), [])
        XCTAssertEqual(ticks(nan, nan, nan), [])
    }

    func testTicksReturnsTheEmptyArrayIfStartEqualsStopAndCountIsNonPositive() {
        XCTAssertEqual(ticks(1, 1, -1), [])
        XCTAssertEqual(ticks(1, 1, 0), [])
        XCTAssertEqual(ticks(1, 1, nan), [])
    }

    func testTicksReturnsStartIfStartEqualsStopAndCountIsPositive() {
        XCTAssertEqual(ticks(1, 1, 1), [1])
        XCTAssertEqual(ticks(1, 1, 10), [1])
    }

    func testTicksReturnsTheEmptyArrayIfCountIsNotPositive() {
        XCTAssertEqual(ticks(0, 1, 0), [])
        XCTAssertEqual(ticks(0, 1, -1), [])
        XCTAssertEqual(ticks(0, 1, nan), [])
    }

    func testTicksReturnsTheEmptyArrayIfCountIsInfinity() {
        XCTAssertEqual(ticks(0, 1, infinity), [])
    }

    func testTicksDoesNotIncludeNegativeZero() {
        XCTAssertEqual(ticks(-1, 0, 5).last?.sign, .plus)
    }

    func testTicksRemainsWithinTheDomain() {
        XCTAssertEqual(ticks(0, 2.2, 3), [0, 1, 2])
    }

    func testTicksReturnsApproximatelyCountPlusOneTicksWhenStartIsLessThanStop() {
        XCTAssertEqual(ticks(  0,  1, 10), [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        XCTAssertEqual(ticks(  0,  1,  9), [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        XCTAssertEqual(ticks(  0,  1,  8), [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        XCTAssertEqual(ticks(  0,  1,  7), [0.0,      0.2,      0.4,      0.6,      0.8,      1.0])
        XCTAssertEqual(ticks(  0,  1,  6), [0.0,      0.2,      0.4,      0.6,      0.8,      1.0])
        XCTAssertEqual(ticks(  0,  1,  5), [0.0,      0.2,      0.4,      0.6,      0.8,      1.0])
        XCTAssertEqual(ticks(  0,  1,  4), [0.0,      0.2,      0.4,      0.6,      0.8,      1.0])
        XCTAssertEqual(ticks(  0,  1,  3), [0.0,                     0.5,                     1.0])
        XCTAssertEqual(ticks(  0,  1,  2), [0.0,                     0.5,                     1.0])
        XCTAssertEqual(ticks(  0,  1,  1), [0.0,                                              1.0])
        XCTAssertEqual(ticks(  0, 10, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(ticks(  0, 10,  9), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(ticks(  0, 10,  8), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(ticks(  0, 10,  7), [0,    2,    4,    6,    8,    10])
        XCTAssertEqual(ticks(  0, 10,  6), [0,    2,    4,    6,    8,    10])
        XCTAssertEqual(ticks(  0, 10,  5), [0,    2,    4,    6,    8,    10])
        XCTAssertEqual(ticks(  0, 10,  4), [0,    2,    4,    6,    8,    10])
        XCTAssertEqual(ticks(  0, 10,  3), [0,             5,             10])
        XCTAssertEqual(ticks(  0, 10,  2), [0,             5,             10])
        XCTAssertEqual(ticks(  0, 10,  1), [0,                            10])
        XCTAssertEqual(ticks(-10, 10, 10), [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10])
        XCTAssertEqual(ticks(-10, 10,  9), [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10])
        XCTAssertEqual(ticks(-10, 10,  8), [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10])
        XCTAssertEqual(ticks(-10, 10,  7), [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10])
        XCTAssertEqual(ticks(-10, 10,  6), [-10,       -5,       0,      5,     10])
        XCTAssertEqual(ticks(-10, 10,  5), [-10,       -5,       0,      5,     10])
        XCTAssertEqual(ticks(-10, 10,  4), [-10,       -5,       0,      5,     10])
        XCTAssertEqual(ticks(-10, 10,  3), [-10,       -5,       0,      5,     10])
        XCTAssertEqual(ticks(-10, 10,  2), [-10,                 0,             10])
        XCTAssertEqual(ticks(-10, 10,  1), [                     0,               ])
    }

    func testTicksReturnsTheReverseOfTicksStopStartCount() {
        for count in stride(from: 10.0, through: 1, by: -1) {
            XCTAssertEqual(ticks( 1,   0, count), ticks(  0,  1, count).reversed())
            XCTAssertEqual(ticks(10,   0, count), ticks(  0, 10, count).reversed())
            XCTAssertEqual(ticks(10, -10, count), ticks(-10, 10, count).reversed())
        }
    }

    func testTicksHandlesPrecisionProblems() {
        XCTAssertEqual(ticks(0.98, 1.14, 10), [0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14])
    }

    func testTicksTriesToReturnAtLeastOneTickIfCountIsAtLeastOneHalf() {
        XCTAssertEqual(ticks(1, 364, 0.1), [])
        XCTAssertEqual(ticks(1, 364, 0.499), [])
        XCTAssertEqual(ticks(1, 364, 0.5), [200])
        XCTAssertEqual(ticks(1, 364, 1), [200])
        XCTAssertEqual(ticks(1, 364, 1.5), [200])
        XCTAssertEqual(ticks(1, 499, 1), [200, 400])
        XCTAssertEqual(ticks(364, 1, 0.5), [200])
        XCTAssertEqual(ticks(0.001, 0.364, 0.5), [0.2])
        XCTAssertEqual(ticks(0.364, 0.001, 0.5), [0.2])
        XCTAssertEqual(ticks(-1, -364, 0.5), [-200])
        XCTAssertEqual(ticks(-364, -1, 0.5), [-200])
        XCTAssertEqual(ticks(-0.001, -0.364, 0.5), [-0.2])
        XCTAssertEqual(ticks(-0.364, -0.001, 0.5), [-0.2])
    }

    // MARK: tickIncrement-test.js

    func testTickIncrementReturnsNaNIfAnyArgumentIsNaN() {
        XCTAssertTrue(tickIncrement(nan, 1, 1).isNaN)
        XCTAssertTrue(tickIncrement(0, nan, 1).isNaN)
        XCTAssertTrue(tickIncrement(0, 1, nan).isNaN)
        XCTAssertTrue(tickIncrement(nan, nan, 1).isNaN)
        XCTAssertTrue(tickIncrement(0, nan, nan).isNaN)
        XCTAssertTrue(tickIncrement(nan, 1, nan).isNaN)
        XCTAssertTrue(tickIncrement(nan, nan, nan).isNaN)
    }

    func testTickIncrementReturnsNaNOrMinusInfinityIfStartEqualsStop() {
        XCTAssertTrue(tickIncrement(1, 1, -1).isNaN)
        XCTAssertTrue(tickIncrement(1, 1, 0).isNaN)
        XCTAssertTrue(tickIncrement(1, 1, nan).isNaN)
        XCTAssertEqual(tickIncrement(1, 1, 1), -infinity)
        XCTAssertEqual(tickIncrement(1, 1, 10), -infinity)
    }

    func testTickIncrementReturnsInfinityIfCountIsNotPositive() {
        XCTAssertEqual(tickIncrement(0, 1, -1), infinity)
        XCTAssertEqual(tickIncrement(0, 1, 0), infinity)
    }

    func testTickIncrementReturnsMinusInfinityIfCountIsInfinity() {
        XCTAssertEqual(tickIncrement(0, 1, infinity), -infinity)
    }

    func testTickIncrementReturnsApproximatelyCountPlusOneTickIncrementWhenStartIsLessThanStop() {
        XCTAssertEqual(tickIncrement(  0,  1, 10), -10)
        XCTAssertEqual(tickIncrement(  0,  1,  9), -10)
        XCTAssertEqual(tickIncrement(  0,  1,  8), -10)
        XCTAssertEqual(tickIncrement(  0,  1,  7), -5)
        XCTAssertEqual(tickIncrement(  0,  1,  6), -5)
        XCTAssertEqual(tickIncrement(  0,  1,  5), -5)
        XCTAssertEqual(tickIncrement(  0,  1,  4), -5)
        XCTAssertEqual(tickIncrement(  0,  1,  3), -2)
        XCTAssertEqual(tickIncrement(  0,  1,  2), -2)
        XCTAssertEqual(tickIncrement(  0,  1,  1), 1)
        XCTAssertEqual(tickIncrement(  0, 10, 10), 1)
        XCTAssertEqual(tickIncrement(  0, 10,  9), 1)
        XCTAssertEqual(tickIncrement(  0, 10,  8), 1)
        XCTAssertEqual(tickIncrement(  0, 10,  7), 2)
        XCTAssertEqual(tickIncrement(  0, 10,  6), 2)
        XCTAssertEqual(tickIncrement(  0, 10,  5), 2)
        XCTAssertEqual(tickIncrement(  0, 10,  4), 2)
        XCTAssertEqual(tickIncrement(  0, 10,  3), 5)
        XCTAssertEqual(tickIncrement(  0, 10,  2), 5)
        XCTAssertEqual(tickIncrement(  0, 10,  1), 10)
        XCTAssertEqual(tickIncrement(-10, 10, 10),  2)
        XCTAssertEqual(tickIncrement(-10, 10,  9),  2)
        XCTAssertEqual(tickIncrement(-10, 10,  8),  2)
        XCTAssertEqual(tickIncrement(-10, 10,  7),  2)
        XCTAssertEqual(tickIncrement(-10, 10,  6),  5)
        XCTAssertEqual(tickIncrement(-10, 10,  5),  5)
        XCTAssertEqual(tickIncrement(-10, 10,  4),  5)
        XCTAssertEqual(tickIncrement(-10, 10,  3),  5)
        XCTAssertEqual(tickIncrement(-10, 10,  2), 10)
        XCTAssertEqual(tickIncrement(-10, 10,  1), 20)
    }

    // MARK: tickStep-test.js

    func testTickStepReturnsNaNIfAnyArgumentIsNaN() {
        XCTAssertTrue(tickStep(nan, 1, 1).isNaN)
        XCTAssertTrue(tickStep(0, nan, 1).isNaN)
        XCTAssertTrue(tickStep(0, 1, nan).isNaN)
        XCTAssertTrue(tickStep(nan, nan, 1).isNaN)
        XCTAssertTrue(tickStep(0, nan, nan).isNaN)
        XCTAssertTrue(tickStep(nan, 1, nan).isNaN)
        XCTAssertTrue(tickStep(nan, nan, nan).isNaN)
    }

    func testTickStepReturnsNaNOrZeroIfStartEqualsStop() {
        XCTAssertTrue(tickStep(1, 1, -1).isNaN)
        XCTAssertTrue(tickStep(1, 1, 0).isNaN)
        XCTAssertTrue(tickStep(1, 1, nan).isNaN)
        XCTAssertEqual(tickStep(1, 1, 1), 0)
        XCTAssertEqual(tickStep(1, 1, 10), 0)
    }

    func testTickStepReturnsInfinityIfCountIsNotPositive() {
        XCTAssertEqual(tickStep(0, 1, -1), infinity)
        XCTAssertEqual(tickStep(0, 1, 0), infinity)
    }

    func testTickStepReturnsZeroIfCountIsInfinity() {
        XCTAssertEqual(tickStep(0, 1, infinity), 0)
    }

    func testTickStepReturnsApproximatelyCountPlusOneTickStepWhenStartIsLessThanStop() {
        XCTAssertEqual(tickStep(  0,  1, 10), 0.1)
        XCTAssertEqual(tickStep(  0,  1,  9), 0.1)
        XCTAssertEqual(tickStep(  0,  1,  8), 0.1)
        XCTAssertEqual(tickStep(  0,  1,  7), 0.2)
        XCTAssertEqual(tickStep(  0,  1,  6), 0.2)
        XCTAssertEqual(tickStep(  0,  1,  5), 0.2)
        XCTAssertEqual(tickStep(  0,  1,  4), 0.2)
        XCTAssertEqual(tickStep(  0,  1,  3), 0.5)
        XCTAssertEqual(tickStep(  0,  1,  2), 0.5)
        XCTAssertEqual(tickStep(  0,  1,  1), 1.0)
        XCTAssertEqual(tickStep(  0, 10, 10), 1)
        XCTAssertEqual(tickStep(  0, 10,  9), 1)
        XCTAssertEqual(tickStep(  0, 10,  8), 1)
        XCTAssertEqual(tickStep(  0, 10,  7), 2)
        XCTAssertEqual(tickStep(  0, 10,  6), 2)
        XCTAssertEqual(tickStep(  0, 10,  5), 2)
        XCTAssertEqual(tickStep(  0, 10,  4), 2)
        XCTAssertEqual(tickStep(  0, 10,  3), 5)
        XCTAssertEqual(tickStep(  0, 10,  2), 5)
        XCTAssertEqual(tickStep(  0, 10,  1), 10)
        XCTAssertEqual(tickStep(-10, 10, 10),  2)
        XCTAssertEqual(tickStep(-10, 10,  9),  2)
        XCTAssertEqual(tickStep(-10, 10,  8),  2)
        XCTAssertEqual(tickStep(-10, 10,  7),  2)
        XCTAssertEqual(tickStep(-10, 10,  6),  5)
        XCTAssertEqual(tickStep(-10, 10,  5),  5)
        XCTAssertEqual(tickStep(-10, 10,  4),  5)
        XCTAssertEqual(tickStep(-10, 10,  3),  5)
        XCTAssertEqual(tickStep(-10, 10,  2), 10)
        XCTAssertEqual(tickStep(-10, 10,  1), 20)
    }

    func testTickStepReturnsMinusTickStepStopStartCount() {
        for count in stride(from: 10.0, through: 1, by: -1) {
            XCTAssertEqual(tickStep(  0,  1, count), -tickStep( 1,   0, count))
            XCTAssertEqual(tickStep(  0, 10, count), -tickStep(10,   0, count))
            XCTAssertEqual(tickStep(-10, 10, count), -tickStep(10, -10, count))
        }
    }

    // MARK: nice-test.js (d3's iterative nice, kept for comparison)

    private func assertNice(_ start: Double, _ stop: Double, _ count: Double, _ expected: (Double, Double),
                            file: StaticString = #filePath, line: UInt = #line) {
        let (a, b) = Ticks.d3Nice(start, stop, count)
        let same = { (x: Double, y: Double) in x == y || (x.isNaN && y.isNaN) }
        XCTAssertTrue(same(a, expected.0) && same(b, expected.1), "d3Nice(\(start), \(stop), \(count)) = [\(a), \(b)], expected [\(expected.0), \(expected.1)]", file: file, line: line)
    }

    func testD3NiceReturnsStartStopIfAnyArgumentIsNaN() {
        assertNice(nan, 1, 1, (nan, 1))
        assertNice(0, nan, 1, (0, nan))
        assertNice(0, 1, nan, (0, 1))
        assertNice(nan, nan, 1, (nan, nan))
        assertNice(0, nan, nan, (0, nan))
        assertNice(nan, 1, nan, (nan, 1))
        assertNice(nan, nan, nan, (nan, nan))
    }

    func testD3NiceReturnsStartStopIfStartEqualsStop() {
        assertNice(1, 1, -1, (1, 1))
        assertNice(1, 1, 0, (1, 1))
        assertNice(1, 1, nan, (1, 1))
        assertNice(1, 1, 1, (1, 1))
        assertNice(1, 1, 10, (1, 1))
    }

    func testD3NiceReturnsStartStopIfCountIsNotPositiveOrInfinite() {
        assertNice(0, 1, -1, (0, 1))
        assertNice(0, 1, 0, (0, 1))
        assertNice(0, 1, infinity, (0, 1))
    }

    func testD3NiceReturnsTheExpectedValues() {
        assertNice(0.132, 0.876, 1000, (0.132, 0.876))
        assertNice(0.132, 0.876, 100, (0.13, 0.88))
        assertNice(0.132, 0.876, 30, (0.12, 0.88))
        assertNice(0.132, 0.876, 10, (0.1, 0.9))
        assertNice(0.132, 0.876, 6, (0.1, 0.9))
        assertNice(0.132, 0.876, 5, (0, 1))
        assertNice(0.132, 0.876, 1, (0, 1))
        assertNice(132, 876, 1000, (132, 876))
        assertNice(132, 876, 100, (130, 880))
        assertNice(132, 876, 30, (120, 880))
        assertNice(132, 876, 10, (100, 900))
        assertNice(132, 876, 6, (100, 900))
        assertNice(132, 876, 5, (0, 1000))
        assertNice(132, 876, 1, (0, 1000))
    }

    // MARK: IRSite's axis: one step, floor and ceil

    private func nice(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double, Double)? {
        Ticks.niceDomain(start, stop, count).map { ($0.lower, $0.upper, $0.step) }
    }

    func testNiceDomainDoesNotOvershootWhereD3Does() {
        XCTAssertTrue(Ticks.d3Nice(-632, 742, 5) == (-1000, 1000), "d3 widens twice")
        XCTAssertTrue(nice(-632, 742, 5)! == (-800, 800, 200))
        XCTAssertEqual(Ticks.niceDomain(-632, 742, 5)!.ticks, [-800, -600, -400, -200, 0, 200, 400, 600, 800])
        XCTAssertTrue(nice(-632, 742, 10)! == (-700, 800, 100))
    }

    func testNiceDomainCoversTheDataWithOneStep() {
        XCTAssertTrue(nice(0, 9_528.307, 5)! == (0, 10_000, 2_000))
        XCTAssertTrue(nice(0, 10_500, 5)! == (0, 12_000, 2_000))
        XCTAssertTrue(nice(-3_084.761, 0, 5)! == (-3_500, 0, 500))
        XCTAssertTrue(nice(0, 0.003, 5)! == (0, 0.003, 0.0005))
        XCTAssertTrue(nice(-0.002, 0.003, 5)! == (-0.002, 0.003, 0.001))
        XCTAssertTrue(nice(0, 1.25e12, 5)! == (0, 1.4e12, 2e11))
        XCTAssertTrue(nice(0, 1, 5)! == (0, 1, 0.2))
        XCTAssertTrue(nice(0.3, 0.7, 4)! == (0.3, 0.7, 0.1), "0.3 / 0.1 is 2.9999…: the floor must still be 3")
        XCTAssertNil(nice(0, 0, 5))
        XCTAssertNil(nice(1, 0, 5))
        XCTAssertNil(nice(0, .nan, 5))
        for (start, stop) in [(-632.0, 742.0), (0, 9_528.307), (-1.5, 0.2), (0.001, 0.364), (-3e11, 4e11), (17, 18)] {
            for count in 1...12 {
                let domain = Ticks.niceDomain(start, stop, Double(count))!
                XCTAssertLessThanOrEqual(domain.lower, start)
                XCTAssertGreaterThanOrEqual(domain.upper, stop)
                XCTAssertGreaterThan(domain.lower + domain.step, start, "no empty step below the data")
                XCTAssertLessThan(domain.upper - domain.step, stop, "no empty step above the data")
                XCTAssertEqual(domain.step, abs(Ticks.tickStep(start, stop, Double(count))), "the step is d3's")
            }
        }
    }

    func testTickLabelsAreExact() {
        let domain = Ticks.niceDomain(0, 1, 10)!
        XCTAssertEqual(domain.increment, -10)
        XCTAssertEqual(domain.decimals, 1)
        XCTAssertEqual(domain.ticks[3], 0.3, "3 / 10, not 3 × 0.1")
        XCTAssertEqual(domain.indices.map { domain.units(at: $0, places: 1) }, Array(0...10))
        let small = Ticks.niceDomain(-0.002, 0.003, 10)!
        XCTAssertEqual(small.step, 0.0005)
        XCTAssertEqual(small.decimals, 4)
        XCTAssertEqual(small.units(at: small.indices.lowerBound, places: 4), -20)
        let f = FigureFormatter(FigureConventions())
        XCTAssertEqual(f.format(units: small.units(at: small.indices.lowerBound, places: 4), places: 4), "(0.0020)")
        let big = Ticks.niceDomain(0, 1.25e12, 5)!
        XCTAssertEqual(f.format(units: big.units(at: big.indices.upperBound, places: 0), places: 0), "1,400,000,000,000")
    }
}
