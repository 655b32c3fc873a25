import Foundation
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// Edits on disk reach open pages: a rebuild and a `built` event after a good
/// edit, a `failed` event with the diagnostics after a broken one (the last good
/// site still served, with the diagnostics on every page), and a reload once fixed.
final class ServeLiveReloadServerTests: XCTestCase {
    func testReloadsAfterAnEdit() async throws {
        let serve = try await ServeFixture.start()
        let events = EventStreamClient(port: serve.port)
        defer { events.close() }
        do {
            let first = try await events.next()
            XCTAssertEqual(first.name, "built")
            XCTAssertEqual(first.generation, 1)
            let head = await events.head
            XCTAssertEqual(head?.status, 200)
            XCTAssertEqual(head?.header("content-type"), "text/event-stream")
            XCTAssertEqual(head?.header("cache-control"), "no-store")
            let before = try await serve.get("/releases/2001-q2/")
            XCTAssertTrue(before.text.contains("<strong>New Consumer Lineup</strong>"))

            try serve.edit("releases/2001-q2.md", replacing: "**New Consumer Lineup**", with: "**Edited Consumer Lineup**")
            let reload = try await events.next { $0.name != "built" || $0.generation != 1 }
            XCTAssertEqual(reload.name, "built", reload.data)
            XCTAssertEqual(reload.generation, 2)
            let after = try await serve.get("/releases/2001-q2/")
            XCTAssertTrue(after.text.contains("<strong>Edited Consumer Lineup</strong>"))
            XCTAssertFalse(after.text.contains("New Consumer Lineup"))
            XCTAssertTrue(after.text.contains("data-generation=\"2\""))
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    func testBrokenEditShowsDiagnosticsAndKeepsTheLastGoodSite() async throws {
        let serve = try await ServeFixture.start()
        let events = EventStreamClient(port: serve.port)
        defer { events.close() }
        do {
            _ = try await events.next { $0.name == "built" }
            let good = try await serve.get("/releases/2001-q2/")

            try serve.edit("periods/2001-q2.yaml", replacing: "total_revenues: 9528307", with: "total_revenues: 9528308")
            let failed = try await events.next { $0.name == "failed" }
            XCTAssertEqual(failed.generation, 2)
            let period = try String(contentsOfFile: serve.content + "/periods/2001-q2.yaml", encoding: .utf8)
            let line = period.components(separatedBy: "\n").firstIndex { $0.contains("total_revenues: 9528308") }! + 1
            let column = period.components(separatedBy: "\n")[line - 1].distance(of: "9528308")! + 1
            let diagnostic = "\(serve.content)/periods/2001-q2.yaml:\(line):\(column): error: 2Q01 'total_revenues' is stated as 9,528,308 but its components sum to 9,528,307 (difference 1)"
            XCTAssertTrue(failed.diagnostics.contains(diagnostic), "\(failed.diagnostics)")

            // The last good site, with the diagnostics over it (escaped), on every page.
            let page = try await serve.get("/releases/2001-q2/")
            XCTAssertEqual(page.status, 200)
            let onDisk = try String(contentsOfFile: serve.output + "/releases/2001-q2/index.html", encoding: .utf8)
            XCTAssertEqual(page.text, LiveReload.inject(into: onDisk, generation: 1, failure: failed.diagnostics))
            XCTAssertEqual(LiveReload.inject(into: onDisk, generation: 1, failure: nil), good.text, "the output is still the good build's")
            XCTAssertTrue(page.text.contains("id=\"irsite-diagnostics\" role=\"alert\""))
            XCTAssertTrue(page.text.contains(PublishXML.text(diagnostic)))
            XCTAssertTrue(page.text.contains("&apos;total_revenues&apos; is stated as 9,528,308"))
            let home = try await serve.get("/")
            XCTAssertTrue(home.text.contains("id=\"irsite-diagnostics\""))

            // A page opened now learns of the failure at once.
            let late = EventStreamClient(port: serve.port)
            defer { late.close() }
            let state = try await late.next()
            XCTAssertEqual(state.name, "failed")
            XCTAssertEqual(state.diagnostics, failed.diagnostics)

            try serve.edit("periods/2001-q2.yaml", replacing: "total_revenues: 9528308", with: "total_revenues: 9528307")
            let fixed = try await events.next { $0.name == "built" }
            XCTAssertEqual(fixed.generation, 3)
            let lateFixed = try await late.next { $0.name == "built" }
            XCTAssertEqual(lateFixed.generation, 3)
            let healed = try await serve.get("/releases/2001-q2/")
            XCTAssertFalse(healed.text.contains("irsite-diagnostics"))
            XCTAssertEqual(healed.text, LiveReload.inject(into: onDisk, generation: 3, failure: nil))
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    /// Graceful shutdown (Ctrl-C) ends open event streams, then the server, and frees the port.
    func testShutdownEndsEventStreams() async throws {
        let serve = try await ServeFixture.start()
        let events = EventStreamClient(port: serve.port)
        defer { events.close() }
        _ = try await events.next()
        let clients = await serve.server.state.clientCount
        XCTAssertEqual(clients, 1)
        try await serve.stop()
        let ended = try await events.waitForEnd()
        XCTAssertTrue(ended)
        do {
            let response = try await serve.get("/")
            XCTFail("the server still answers after shutdown: \(response.status)")
        } catch {}
    }
}

private extension String {
    func distance(of needle: String) -> Int? {
        range(of: needle).map { distance(from: startIndex, to: $0.lowerBound) }
    }
}
