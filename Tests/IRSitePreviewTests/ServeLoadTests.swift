import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// `irsite serve` under load: 500 requests at once, again and again, while edits
/// rebuild the site (incrementally, and once as a whole new folder swapped in),
/// with live-reload streams open beside them. Every request must get a complete
/// 200 with a body of one build or the other, never an error, a dropped
/// connection, a 404 or a page cut short.
final class ServeLoadTests: XCTestCase {
    static let concurrent = 500
    static let streams = 40

    func testHolds500ConcurrentRequestsWhileRebuilding() async throws {
        // 500 client sockets here, 500 in the server, plus files and streams.
        try FileDescriptorLimit.raise(to: 4096)
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        _ = try tmp.copy(Paths.templates, as: "Templates")
        let output = tmp.path("Output")
        let serve = try RunningProcess(IRSiteExecutable.url, ["serve", "--port", "0", "--now", "2002-06-01T00:00:00Z"], in: tmp.url)
        defer { serve.kill() }
        try await serve.wait(for: "the URL") { stdout, _, status in stdout.contains("/ (Ctrl-C stops)\n") || status != nil }
        try await serve.wait(for: "the first build") { _, stderr, status in stderr.contains("irsite serve: built:") || status != nil }
        let stdout = serve.stdout
        let port = try XCTUnwrap(stdout.components(separatedBy: "http://127.0.0.1:").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }, stdout)

        // What each target must answer, whichever build it comes from (see `normalized`).
        let release = "/releases/2001-q2/"
        let page = { (file: String) in try String(contentsOfFile: output + "/" + file, encoding: .utf8) }
        let expected = [
            Expected(target: release, body: Self.normalized(LiveReload.inject(into: try page("releases/2001-q2/index.html"), generation: 1, failure: nil))),
            Expected(target: "/", body: Self.normalized(LiveReload.inject(into: try page("index.html"), generation: 1, failure: nil))),
            Expected(target: "/assets/site.css", body: Array(try page("assets/site.css").utf8)),
            Expected(target: "/data/2001-q2.csv", body: Array(try page("data/2001-q2.csv").utf8)),
            Expected(target: LiveReload.scriptPath, body: Array(LiveReload.script.utf8)),
        ]
        XCTAssertTrue(String(decoding: expected[0].body, as: UTF8.self).contains("New Consumer Lineup"))

        let events = (0..<Self.streams).map { _ in EventStreamClient(port: port, host: "localhost") }
        defer { for stream in events { stream.close() } }
        for stream in events { _ = try await stream.next { $0.name == "built" } }

        // Rounds of 500 requests at once, back to back, until the edits below are all built.
        let stop = StopFlag()
        let load = Self.startLoading(port: port, expected: expected, until: stop)

        let edits: [(from: String, to: String, wholeFolder: Bool)] = [
            ("**New Consumer Lineup**", "**Edited Consumer Lineup**", false),
            ("**Edited Consumer Lineup**", "**New Consumer Lineup**", false),
            // With no manifest to update, the build writes a new folder and swaps it in.
            ("**New Consumer Lineup**", "**Edited Consumer Lineup**", true),
            ("**Edited Consumer Lineup**", "**New Consumer Lineup**", false),
        ]
        var builds = 1
        for edit in edits {
            if edit.wholeFolder { try FileManager.default.removeItem(atPath: output + "/" + Manifest.fileName) }
            let file = content + "/releases/2001-q2.md"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: edit.from, with: edit.to).write(toFile: file, atomically: true, encoding: .utf8)
            builds += 1
            let wanted = builds
            try await serve.wait(for: "build \(wanted)") { _, stderr, status in
                stderr.components(separatedBy: "irsite serve: built:").count - 1 >= wanted || stderr.contains("build failed") || status != nil
            }
        }
        stop.set()
        let (rounds, failures) = await (load.value.rounds, load.value.failures)

        print("serve load: \(rounds) rounds of \(Self.concurrent) requests over \(edits.count) rebuilds")
        let stderr = serve.stderr
        XCTAssertEqual(stderr.components(separatedBy: "irsite serve: built:").count - 1, builds, stderr)
        XCTAssertTrue(stderr.contains("irsite serve: built: wrote "), "one build wrote a whole new folder: \(stderr)")
        XCTAssertNil(serve.status, "the server is still running")
        XCTAssertGreaterThanOrEqual(rounds, 2)
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(rounds * Self.concurrent) requests failed, first: \(failures.prefix(5))")
        // Every live-reload stream heard of every build.
        let lastBuild = builds
        for stream in events {
            let last = try await stream.next { $0.name == "built" && $0.generation == lastBuild }
            XCTAssertEqual(last.generation, builds)
        }
    }

    /// Set once by the test, read by the load between rounds.
    final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        var isSet: Bool { lock.withLock { stopped } }
        func set() { lock.withLock { stopped = true } }
    }

    /// A target and the body it must answer with (a page's normalized).
    struct Expected: Sendable {
        var target: String
        var body: [UInt8]
    }

    struct Load: Sendable {
        var rounds = 0
        var failures: [String] = []
    }

    static func startLoading(port: Int, expected: [Expected], until stop: StopFlag) -> Task<Load, Never> {
        Task { await keepLoading(port: port, expected: expected, until: stop) }
    }

    /// Rounds of requests until `stop` is set (or one fails), each round starting as the last one ends.
    static func keepLoading(port: Int, expected: [Expected], until stop: StopFlag) async -> Load {
        var load = Load()
        repeat {
            load.failures += await round(port: port, expected: expected)
            load.rounds += 1
        } while !stop.isSet && load.failures.isEmpty
        return load
    }

    /// 500 requests at once (each on its own connection); what went wrong with each, if anything.
    static func round(port: Int, expected: [Expected]) async -> [String] {
        await withTaskGroup(of: String?.self) { group in
            for i in 0..<concurrent {
                let target = expected[i % expected.count].target, body = expected[i % expected.count].body
                group.addTask {
                    do {
                        let response = try await RawHTTPClient.exchange(RawHTTPClient.requestBytes(target, method: "GET", close: true, host: "localhost"),
                                                                        port: port, within: .seconds(60))
                        guard response.status == 200 else { return "\(target): status \(response.status)" }
                        let received = target.hasSuffix("/") ? normalized(response.text) : response.body
                        guard received == body else { return "\(target): a body of \(response.body.count) bytes that is not the page's" }
                        return nil
                    } catch {
                        return "\(target): \(error)"
                    }
                }
            }
            var failures: [String] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
    }

    /// A served page with its build number and the edited words put back, so either build's page compares equal.
    static func normalized(_ page: String) -> [UInt8] {
        Array(page.replacing(#/data-generation="\d+"/#, with: "data-generation=\"\"")
            .replacingOccurrences(of: "Edited Consumer Lineup", with: "New Consumer Lineup").utf8)
    }
}

/// The soft limit on open files, raised for a test that opens many connections.
enum FileDescriptorLimit {
    static func raise(to wanted: rlim_t) throws {
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { throw XCTSkip("cannot read the open-file limit") }
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        guard setrlimit(resource, &limit) == 0, limit.rlim_cur >= 1200 else {
            throw XCTSkip("the open-file limit is \(limit.rlim_cur) (hard \(limit.rlim_max)); 500 connections need about 1200")
        }
    }
}
