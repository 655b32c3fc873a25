import XCTest
@testable import IRSiteKit

/// The byte-walking front matter split gives what the line-by-line one gives.
final class FrontMatterTests: XCTestCase {
    func testTheFastSplitEqualsTheLineSplit() throws {
        let texts = [
            "---\ntitle: A\nperiod: 2001-Q2\n---\nBody line\n\nmore\n",
            "---\n---\nbody",
            "---\n---",
            "---\n---\n",
            "---\na: 1\n...\n## Heading\n",
            "---\na: 1\n---\n---\nsecond rule in the body\n",
            "---\nemoji: \"é😀\"\n---\nCafé 😀\n",
        ]
        for text in texts {
            let fast = try FrontMatter.split(text, file: "r.md"), slow = try FrontMatter.splitLines(text, file: "r.md")
            XCTAssertEqual(fast.yaml, slow.yaml, text)
            XCTAssertEqual(fast.body, slow.body, text)
            XCTAssertEqual(fast.bodyLineOffset, slow.bodyLineOffset, text)
        }
        for bad in ["", "title: A\n", "--- \n---\n", "---\ntitle: A\n", "---"] {
            XCTAssertThrowsError(try FrontMatter.split(bad, file: "r.md"), bad.debugDescription)
            XCTAssertThrowsError(try FrontMatter.splitLines(bad, file: "r.md"), bad.debugDescription)
        }
    }
}
