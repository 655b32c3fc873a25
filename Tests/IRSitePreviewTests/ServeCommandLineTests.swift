import Foundation
import IRSiteTestSupport
import XCTest

/// `irsite serve` as a user runs it: the URL it prints, and Ctrl-C.
final class ServeCommandLineTests: XCTestCase {
    func testPrintsItsURLServesAndStopsCleanlyOnCtrlC() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try tmp.copy(Paths.content, as: "Content")
        _ = try tmp.copy(Paths.templates, as: "Templates")
        let serve = try RunningProcess(IRSiteExecutable.url, ["serve", "--port", "0", "--now", "2002-06-01T00:00:00Z"], in: tmp.url)
        try await serve.wait(for: "the first build") { _, stderr, status in stderr.contains("irsite serve: built:") || status != nil }
        try await serve.wait(for: "the URL") { stdout, _, status in stdout.contains("/ (Ctrl-C stops)\n") || status != nil }
        let stdout = serve.stdout
        let match = try XCTUnwrap(stdout.range(of: #"^irsite serve: serving Output/ at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C stops\)\n$"#,
                                               options: .regularExpression), stdout)
        let port = try XCTUnwrap(Int(stdout[match].split(separator: ":")[3].prefix { $0.isNumber }))
        let page = try await RawHTTPClient.get("/releases/2001-q2/", port: port)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("data-generation=\"1\""))
        // An open live-reload stream must not hold the shutdown up.
        let events = EventStreamClient(port: port)
        defer { events.close() }
        _ = try await events.next()

        kill(serve.pid, SIGINT)
        try await serve.wait(for: "the exit") { _, _, status in status != nil }
        let status = serve.status
        XCTAssertEqual(status, 0)
        let stderr = serve.stderr
        XCTAssertTrue(stderr.hasSuffix("irsite serve: stopped\n"), stderr)
        let ended = try await events.waitForEnd()
        XCTAssertTrue(ended)
    }

    func testRefusesABadPort() throws {
        let r = try ExternalTool.run(IRSiteExecutable.url.path, ["serve", "--port", "65536"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--port must be between 0 and 65535; found 65536"), r.stderr)
    }
}
