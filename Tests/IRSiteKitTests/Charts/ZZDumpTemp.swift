import Foundation
import XCTest
@testable import IRSiteKit
// TEMPORARY: writes edge-case SVGs for viewing. Delete before handing back.
final class ZZDumpTemp: XCTestCase {
    func testDump() throws {
        for (name, spec) in ChartLayoutTests.edgeCases + ChartLayoutTests.extraSpecs.filter({ ["grouped-12", "long-labels", "eight-series", "wide-ticks"].contains($0.name) }) {
            try Data(ChartRenderer.svg(spec, standalone: true).utf8).write(to: URL(fileURLWithPath: "/tmp/charts/edge/\(name).svg"))
        }
    }
}
