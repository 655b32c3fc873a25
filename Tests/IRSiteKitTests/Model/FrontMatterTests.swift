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

    /// A release saved with Windows line ends (CRLF) splits like the same file with LF ends,
    /// and a lone CR inside a line stays in it.
    func testCRLFFilesSplitLikeLFFiles() throws {
        let lf = "---\ntitle: A\nperiod: 2001-Q2\n---\nBody line\n\nmore\n"
        let crlf = try FrontMatter.split(lf.replacingOccurrences(of: "\n", with: "\r\n"), file: "r.md")
        XCTAssertEqual(crlf.yaml, "title: A\nperiod: 2001-Q2")
        XCTAssertEqual(crlf.body, "Body line\n\nmore\n")
        XCTAssertEqual(crlf.bodyLineOffset, 4)
        let mixed = try FrontMatter.split("---\r\na: \"x\ry\"\n---\r\nbody\r\n", file: "r.md")
        XCTAssertEqual(mixed.yaml, "a: \"x\ry\"")
        XCTAssertEqual(mixed.body, "body\n")
        XCTAssertThrowsError(try FrontMatter.split("---\r\ntitle: A\r\n", file: "r.md")) { error in
            XCTAssertEqual((error as? LocatedError)?.message, "the front matter opened on line 1 is never closed with '---'")
        }
    }
}
