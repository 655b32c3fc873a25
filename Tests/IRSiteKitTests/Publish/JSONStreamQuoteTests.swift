import XCTest

@testable import IRSiteKit

/// The data files' byte-level string escaping writes what `JSONWriter` writes.
final class JSONStreamQuoteTests: XCTestCase {
    func testQuotesAsJSONWriterDoes() {
        let samples = ["", "plain", "Revenues (JPY in thousands)", "quote \" and \\ backslash", "tab\tnew\nline\r\u{08}\u{0C}",
                       "\u{01}\u{1F}\u{1B}", "line\u{2028}para\u{2029}end", "– — ’ 円 ✓ \u{2027}\u{202A}", "😀 & <b>", "\u{7F}"]
        for sample in samples {
            var expected = ""
            JSONWriter.quote(sample, into: &expected)
            var bytes: [UInt8] = []
            JSONStream.quote(sample, into: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, sample.debugDescription)
        }
    }

    func testStreamWritesTheSameDocumentAsJSONWriter() {
        var out = JSONStream()
        out.open("{")
        out.member("a", string: "x\"y")
        out.key("b")
        out.open("[")
        out.element()
        out.raw("1.5")
        out.element()
        out.open("{")
        out.close("}")
        out.close("]")
        out.key("c")
        out.open("[")
        out.close("]")
        out.close("}")
        let tree = JSONWriter.Value.object(["a": .string("x\"y"), "b": .array([.number(.init(literal: "1.5")!), .object([:])]), "c": .array([])])
        // JSONWriter ends a document with a newline; the data files add it after the stream.
        XCTAssertEqual(out.text + "\n", JSONWriter.render(tree, pretty: true))
    }
}
