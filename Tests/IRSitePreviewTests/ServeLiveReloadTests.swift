import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// The markup added to served pages, the script, and the events it listens to.
final class ServeLiveReloadTests: XCTestCase {
    func testInjectsBeforeTheLastClosingBody() {
        let page = "<html><body><p>a</p><pre></body></pre></BODY>\n</html>"
        let served = LiveReload.inject(into: page, generation: 7, failure: nil)
        XCTAssertEqual(served, "<html><body><p>a</p><pre></body></pre><script src=\"/__irsite/live.js\" data-generation=\"7\"></script>\n</BODY>\n</html>")
    }

    func testAppendsWhenThereIsNoBody() {
        XCTAssertEqual(LiveReload.inject(into: "<p>fragment</p>", generation: 0, failure: nil),
                       "<p>fragment</p><script src=\"/__irsite/live.js\" data-generation=\"0\"></script>\n")
    }

    func testFailureIsShownEscaped() {
        let diagnostics = ["Content/releases/x.md:3:1: error: bad <script>alert('x')</script> & \"more\"", "second line"]
        let served = LiveReload.inject(into: "<body></body>", generation: 2, failure: diagnostics)
        XCTAssertTrue(served.hasPrefix("<body><section id=\"irsite-diagnostics\" role=\"alert\" aria-labelledby=\"irsite-diagnostics-title\""))
        XCTAssertTrue(served.contains("<pre style=\"\(LiveReload.Style.lines)\">Content/releases/x.md:3:1: error: bad &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;more&quot;\nsecond line</pre>"))
        XCTAssertFalse(served.contains("<script>alert"))
        XCTAssertTrue(served.hasSuffix("<script src=\"/__irsite/live.js\" data-generation=\"2\"></script>\n</body>"))
    }

    func testScriptListensAndWritesTextOnly() {
        let script = LiveReload.script
        XCTAssertTrue(script.contains("new EventSource(\"/__irsite/events\")"))
        XCTAssertTrue(script.contains("addEventListener(\"built\""))
        XCTAssertTrue(script.contains("addEventListener(\"failed\""))
        XCTAssertTrue(script.contains("location.reload()"))
        XCTAssertTrue(script.contains(".textContent = lines.join(\"\\n\")"))
        XCTAssertFalse(script.contains("innerHTML"))
        XCTAssertTrue(script.contains("panel.setAttribute(\"role\", \"alert\")"))
        XCTAssertTrue(script.contains("var id = \"irsite-diagnostics\""))
    }

    func testEventsInEventStreamForm() {
        XCTAssertEqual(PreviewEvent.built(generation: 3).serverSentEvent, "event: built\nid: 3\ndata: {\"generation\":3}\n\n")
        XCTAssertEqual(PreviewEvent.failed(generation: 4, diagnostics: ["a.yaml:1:2: error: \"x\"\nnext", "b"]).serverSentEvent,
                       "event: failed\nid: 4\ndata: {\"diagnostics\":[\"a.yaml:1:2: error: \\\"x\\\"\\nnext\",\"b\"],\"generation\":4}\n\n")
        XCTAssertEqual(PreviewEvent.keepAlive.serverSentEvent, ": keep-alive\n\n")
    }
}
