import Foundation
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// DNS rebinding: a page on another site whose name now resolves to 127.0.0.1 must
/// not read the preview (it may show embargoed releases). Only requests for a
/// loopback name are answered; every other `Host` gets 421, on every route.
final class ServeHostTests: XCTestCase {
    static let refusal = "Misdirected request: this preview answers only localhost, 127.0.0.1 and [::1].\n"

    func testAnswersOnlyLoopbackHosts() async throws {
        let serve = try await ServeFixture.start()
        do {
            let port = serve.port
            let routes = ["/", "/releases/2001-q2/", "/assets/site.css", "/nowhere", "/releases", "/../secret.txt",
                          LiveReload.scriptPath, LiveReload.eventsPath, LiveReload.eventsPath + "?x=1"]
            let refused = ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "evil.example:\(port)",
                           "localhost.evil.example:\(port)", "127.0.0.1.nip.io:\(port)", "LOCALHOST.evil.example",
                           "localhost.", "127.0.0.2", "[::2]", "[::1].evil.example", "localhost:", "localhost:80x",
                           "localhost:123456", "127.0.0.1@evil.example", "evil.example#127.0.0.1", ""]
            // The first wrong answer ends the loop: an accepted event stream would otherwise hold each request to its timeout.
            refusing: for host in refused {
                for route in routes {
                    for method in ["GET", "HEAD", "POST"] {
                        let response = try await RawHTTPClient.exchange(Self.bytes(method, route, headers: ["Host: \(host)"]), method: method, port: port)
                        XCTAssertEqual(response.status, 421, "\(method) \(route) Host: \(host)")
                        XCTAssertEqual(response.header("content-type"), "text/plain; charset=utf-8", "\(method) \(route) Host: \(host)")
                        if method != "HEAD" { XCTAssertEqual(response.text, Self.refusal, "\(method) \(route) Host: \(host)") }
                        if response.status != 421 { break refusing }
                    }
                }
            }
            // No Host at all (HTTP/1.1 requires one).
            for route in routes {
                let response = try await RawHTTPClient.exchange(Self.bytes("GET", route, headers: []), port: port)
                XCTAssertEqual(response.status, 421, "GET \(route) without Host")
                XCTAssertEqual(response.text, Self.refusal, "GET \(route) without Host")
                if response.status != 421 { break }
            }
            // A loopback Host followed by another one.
            let twice = try await RawHTTPClient.exchange(Self.bytes("GET", "/", headers: ["Host: localhost", "Host: evil.example"]), port: port)
            XCTAssertEqual(twice.status, 400)
            XCTAssertEqual(twice.text, "Refused: more than one Host header.\n")

            let page = try String(contentsOfFile: serve.output + "/releases/2001-q2/index.html", encoding: .utf8)
            let accepted = ["localhost", "LocalHost", "localhost:\(port)", "LOCALHOST:\(port)", "127.0.0.1", "127.0.0.1:\(port)",
                            "[::1]", "[::1]:\(port)", "localhost:8080"]
            for host in accepted {
                let response = try await RawHTTPClient.exchange(Self.bytes("GET", "/releases/2001-q2/", headers: ["Host: \(host)"]), port: port)
                XCTAssertEqual(response.status, 200, "Host: \(host)")
                XCTAssertEqual(response.text, LiveReload.inject(into: page, generation: 1, failure: nil), "Host: \(host)")
                let events = EventStreamClient(port: port, target: LiveReload.eventsPath, host: host)
                defer { events.close() }
                let first = try await events.next()
                XCTAssertEqual(first.name, "built", "Host: \(host)")
                XCTAssertEqual(first.generation, 1, "Host: \(host)")
            }
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    static func bytes(_ method: String, _ target: String, headers: [String]) -> [UInt8] {
        Array((["\(method) \(target) HTTP/1.1"] + headers + ["Connection: close", "", ""]).joined(separator: "\r\n").utf8)
    }
}
