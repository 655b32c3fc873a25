import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// `irsite serve` end to end: a real server on a free port over a copy of the
/// sample site, requests sent as raw bytes, edits made on disk.
final class ServePreviewServerTests: XCTestCase {
    func testServesBuiltFilesWithTheirContentTypes() async throws {
        let serve = try await ServeFixture.start()
        do {
            let expected = [
                "/": "text/html; charset=utf-8",
                "/index.html": "text/html; charset=utf-8",
                "/releases/2001-q2/": "text/html; charset=utf-8",
                "/assets/site.css": "text/css; charset=utf-8",
                "/charts/2001-q2-revenue-by-segment.svg": "image/svg+xml",
                "/data/2001-q2.csv": "text/csv; charset=utf-8",
                "/data/2001-q2.json": "application/json",
                "/feed.xml": "application/atom+xml",
                "/sitemap.xml": "application/xml",
                "/robots.txt": "text/plain; charset=utf-8",
                "/calendar/2001-11-14-conference-call-and-webcast.ics": "text/calendar; charset=utf-8",
                LiveReload.scriptPath: "text/javascript; charset=utf-8",
            ]
            for (target, type) in expected {
                let response = try await serve.get(target)
                XCTAssertEqual(response.status, 200, target)
                XCTAssertEqual(response.header("content-type"), type, target)
                XCTAssertEqual(response.header("cache-control"), "no-store", target)
                XCTAssertEqual(response.header("x-content-type-options"), "nosniff", target)
                XCTAssertFalse(response.body.isEmpty, target)
            }
            // Files other than HTML go out exactly as built.
            for file in ["assets/site.css", "data/2001-q2.csv", "feed.xml", "charts/2001-q2-revenue-by-segment.svg"] {
                let served = try await serve.get("/" + file).body
                XCTAssertEqual(served, Array(try Data(contentsOf: URL(fileURLWithPath: serve.output + "/" + file))), file)
            }
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    /// Pages are served with the live-reload script added; the files on disk are
    /// exactly what `irsite build` writes.
    func testAddsTheScriptToPagesButNotToTheOutput() async throws {
        let serve = try await ServeFixture.start()
        do {
            let page = try await serve.get("/releases/2001-q2/")
            let onDisk = try String(contentsOfFile: serve.output + "/releases/2001-q2/index.html", encoding: .utf8)
            XCTAssertFalse(onDisk.contains(LiveReload.scriptPath))
            XCTAssertEqual(page.text, LiveReload.inject(into: onDisk, generation: 1, failure: nil))
            XCTAssertTrue(page.text.contains("<script src=\"/__irsite/live.js\" data-generation=\"1\"></script>\n</body>"))
            XCTAssertEqual(page.header("content-length"), String(page.body.count))

            let built = serve.tmp.path("Built")
            _ = try await Pipeline.build(content: serve.content, templates: serve.templates, output: built, options: .afterTheSeed)
            XCTAssertEqual(TempDirectory.snapshot(serve.output), TempDirectory.snapshot(built))
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    func testNotFoundRedirectsAndNoListings() async throws {
        let serve = try await ServeFixture.start()
        do {
            let missing = try await serve.get("/releases/2099-q1/")
            XCTAssertEqual(missing.status, 404)
            XCTAssertEqual(missing.header("content-type"), "text/html; charset=utf-8")
            XCTAssertTrue(missing.text.contains("<code>/releases/2099-q1/</code>"), missing.text)
            XCTAssertTrue(missing.text.contains(LiveReload.scriptPath), "a 404 page reloads too, when the page appears")

            // A folder is never listed: with no index.html it is not found, with or without the slash.
            for target in ["/assets/", "/assets", "/charts/", "/data"] {
                let response = try await serve.get(target)
                XCTAssertEqual(response.status, 404, target)
                XCTAssertFalse(response.text.contains("site.css") || response.text.contains(".svg") || response.text.contains(".csv"), target)
            }
            // A folder with an index, without its slash: redirected, so its relative links work.
            let redirect = try await serve.get("/releases")
            XCTAssertEqual(redirect.status, 301)
            XCTAssertEqual(redirect.header("location"), "/releases/")
            let withQuery = try await serve.get("/releases/2001-q2?from=feed")
            XCTAssertEqual(withQuery.header("location"), "/releases/2001-q2/?from=feed")

            // The site's own 404.html, when it has one, with the status kept.
            try "<!DOCTYPE html><html><body><h1>Our own 404</h1></body></html>".write(toFile: serve.output + "/404.html", atomically: true, encoding: .utf8)
            let own = try await serve.get("/nowhere")
            XCTAssertEqual(own.status, 404)
            XCTAssertTrue(own.text.contains("<h1>Our own 404</h1>"))
            XCTAssertTrue(own.text.contains(LiveReload.scriptPath))
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    func testHeadAndOtherMethods() async throws {
        let serve = try await ServeFixture.start()
        do {
            let get = try await serve.get("/statements/")
            let head = try await RawHTTPClient.request("/statements/", method: "HEAD", port: serve.port)
            XCTAssertEqual(head.status, 200)
            XCTAssertEqual(head.header("content-type"), "text/html; charset=utf-8")
            XCTAssertEqual(head.header("content-length"), String(get.body.count))
            XCTAssertTrue(head.body.isEmpty)
            for method in ["POST", "PUT", "DELETE", "PATCH"] {
                let response = try await RawHTTPClient.request("/index.html", method: method, port: serve.port)
                XCTAssertEqual(response.status, 405, method)
                XCTAssertEqual(response.header("allow"), "GET, HEAD", method)
            }
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    /// Nothing outside the output folder is served, however the path is spelled.
    func testRefusesPathsOutsideTheOutput() async throws {
        let serve = try await ServeFixture.start()
        do {
            let secret = "secret-\(UUID().uuidString)"
            try secret.write(toFile: serve.tmp.path("secret.txt"), atomically: true, encoding: .utf8)
            // A link inside the output that leads out of it.
            try FileManager.default.createSymbolicLink(atPath: serve.output + "/escape.txt", withDestinationPath: serve.tmp.path("secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: serve.output + "/up", withDestinationPath: serve.tmp.path)
            let absolute = serve.tmp.path("secret.txt")
            let attempts: [(target: String, status: Int)] = [
                ("/../secret.txt", 400),
                ("/%2e%2e/secret.txt", 400),
                ("/%2E%2E/secret.txt", 400),
                ("/%2e%2e/%2e%2e/etc/passwd", 400),
                ("/releases/..%2f..%2fsecret.txt", 400),
                ("/releases/%2e%2e/%2e%2e/secret.txt", 400),
                ("/..%5csecret.txt", 400),
                ("/..\\secret.txt", 400),
                ("/" + absolute, 400),                 // "//tmp/…/secret.txt"
                ("//etc/passwd", 400),
                (absolute, 404),                        // an absolute path is a path inside the output
                ("/etc/passwd", 404),
                ("/%00/../secret.txt", 400),
                ("/escape.txt", 404),
                ("/up/secret.txt", 404),
                ("/.irsite-output", 404),
                ("/%2eirsite-output", 404),
                ("/releases/../releases/", 400),
            ]
            for attempt in attempts {
                let response = try await serve.get(attempt.target)
                XCTAssertEqual(response.status, attempt.status, attempt.target.debugDescription)
                XCTAssertFalse(response.text.contains(secret), attempt.target.debugDescription)
                XCTAssertFalse(response.text.contains("root:x:0:0"), attempt.target.debugDescription)
            }
            // Absolute-form: the parser takes the path out of the URL, and the same rules apply.
            let absoluteForm = try await serve.get("http://127.0.0.1/../secret.txt")
            XCTAssertNotEqual(absoluteForm.status, 200)
            XCTAssertFalse(absoluteForm.text.contains(secret))
            // A raw NUL never reaches a file name: the HTTP parser rejects the request line.
            let nul = try await serve.get("/secret.txt\u{0}.html")
            XCTAssertEqual(nul.status, 400)
            XCTAssertFalse(nul.text.contains(secret))
            // The output marker is not served.
            XCTAssertTrue(FileManager.default.fileExists(atPath: serve.output + "/.irsite-output"))
        } catch {
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }
}
