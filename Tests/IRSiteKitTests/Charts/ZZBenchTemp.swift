import Foundation
import XCTest
import IRSiteKit
// TEMPORARY: measures ChartBenchmark.run in release mode. Delete before handing back.
final class ZZBenchTemp: XCTestCase {
    func testBench() {
        _ = ChartBenchmark.run(count: 50)
        let clock = ContinuousClock()
        var result = (charts: 0, bytes: 0)
        let elapsed = clock.measure { result = ChartBenchmark.run(count: 1000) }
        print("BENCH \(result.charts) charts, \(result.bytes) bytes in \(elapsed)")
    }
}
