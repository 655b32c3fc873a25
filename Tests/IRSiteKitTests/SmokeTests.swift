import XCTest
@testable import IRSiteKit
final class SmokeTests: XCTestCase { func testVersion() { XCTAssertFalse(IRSite.version.isEmpty) } }
