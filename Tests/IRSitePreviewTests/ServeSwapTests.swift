import Foundation
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// A build may swap in a whole new output folder (two renames: the old folder
/// aside, the new one in its place). A request that arrives between the two
/// must get the page, answered once the build is done, never a 404 for a page
/// that exists before and after.
final class ServeSwapTests: XCTestCase {
    func testARequestDuringASwapIsAnsweredAfterTheBuild() async throws {
        let (release, go) = AsyncStream.makeStream(of: Void.self)
        let builds = BuildCount()
        let serve = try await ServeFixture.start { real, output in
            let aside = output + ".old"
            return {
                guard await builds.next() > 1 else { return await real() }
                // The first half of a swap; the second waits for the test.
                guard rename(output, aside) == 0 else { return .failed(diagnostics: ["cannot move \(output) aside"]) }
                for await _ in release { break }
                guard rename(aside, output) == 0 else { return .failed(diagnostics: ["cannot move \(output) back"]) }
                return .built(summary: "swapped", diagnostics: [])
            }
        }
        do {
            let page = try String(contentsOfFile: serve.output + "/releases/2001-q2/index.html", encoding: .utf8)
            try serve.edit("releases/2001-q2.md", replacing: "**New Consumer Lineup**", with: "**Edited Consumer Lineup**")
            let aside = serve.output + ".old"
            try await Self.poll("the build to move the output aside") { FileManager.default.fileExists(atPath: aside) }

            let answered = Latch()
            let request = Task {
                let response = try await serve.get("/releases/2001-q2/")
                await answered.set()
                return response
            }
            // Until the server holds the request for the build, or (as it did) answers it at once.
            let state = serve.server.state
            try await Self.poll("the request to arrive") {
                let waiting = await state.waitingForBuild, done = await answered.isSet
                return waiting == 1 || done
            }
            go.finish()
            let response = try await request.value
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, LiveReload.inject(into: page, generation: 2, failure: nil))
            let waiting = await state.waitingForBuild
            XCTAssertEqual(waiting, 0)
        } catch {
            go.finish()
            try await serve.stop()
            throw error
        }
        try await serve.stop()
    }

    /// Polls `condition` every 10 ms for up to a minute.
    static func poll(_ what: String, _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ServeFixture.Timeout(what: what)
    }

    actor BuildCount {
        private var count = 0
        func next() -> Int {
            count += 1
            return count
        }
    }

    actor Latch {
        private(set) var isSet = false
        func set() { isSet = true }
    }
}

extension ServeFixture {
    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var description: String { "gave up waiting (a minute) for \(what)" }
    }
}
