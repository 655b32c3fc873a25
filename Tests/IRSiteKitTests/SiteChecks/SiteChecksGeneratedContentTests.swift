import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The larger test site's generator (no external tools: always runs).
final class SiteChecksGeneratedContentTests: XCTestCase {
    /// Forty quarters of generated content load and pass every error-severity check.
    func testGeneratedContentChecksClean() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let generated = try GeneratedContent().write(to: tmp.path)
        let (site, diagnostics) = Pipeline.check(content: generated.content)
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertTrue(errors.isEmpty, errors.prefix(10).map(\.description).joined(separator: "\n"))
        // Footing warnings are the engine's business (a relation between two rounded totals, such as
        // operating income = revenues - costs, cannot always foot); any other warning is the generator's.
        let warnings = diagnostics.filter { $0.severity == .warning && !$0.message.contains("does not foot") }
        XCTAssertTrue(warnings.isEmpty, warnings.prefix(10).map(\.description).joined(separator: "\n"))
        XCTAssertEqual(site?.releases.count, 42)
        XCTAssertEqual(site?.periods.count, 46)
        XCTAssertEqual(generated.published.count, 40)
        XCTAssertEqual(generated.unpublished.count, 2)
    }
}
