import Foundation
import IRSiteTestSupport
import ServiceLifecycle
import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

/// The watcher with a stand-in build that reads the watched file, so each
/// test knows exactly which edits each build saw.
final class ServeSourceWatcherTests: XCTestCase {
    /// Records builds and can hold one until released.
    actor Builds {
        private(set) var seen: [String] = []
        private var gate: CheckedContinuation<Void, Never>?
        private var holdNext = false

        func record(_ text: String) async {
            seen.append(text)
            if holdNext {
                holdNext = false
                await withCheckedContinuation { gate = $0 }
            }
        }
        func hold() { holdNext = true }
        func release() {
            gate?.resume()
            gate = nil
        }
        var isHolding: Bool { gate != nil }
    }

    func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<3000 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("the condition did not come true within half a minute")
    }

    /// Edits made while a build runs make exactly one more build, which sees all of them.
    func testChangesDuringABuildMakeOneMoreBuild() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let file = tmp.path("Content/release.md")
        try FileManager.default.createDirectory(atPath: tmp.path("Content"), withIntermediateDirectories: true)
        try "v0".write(toFile: file, atomically: true, encoding: .utf8)
        let builds = Builds()
        let state = PreviewState()
        let watcher = SourceWatcher(folders: [tmp.path("Content")], rebuild: {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? "?"
            await builds.record(text)
            return .built(summary: text, diagnostics: [])
        }, state: state, timing: .init(poll: .milliseconds(20), settle: .milliseconds(20)))
        let group = ServiceGroup(configuration: .init(services: [watcher], logger: .init(label: "test")))
        let running = Task { try await group.run() }

        try await waitUntil { await builds.seen == ["v0"] }
        await builds.hold()
        try "v1".write(toFile: file, atomically: true, encoding: .utf8)
        try await waitUntil { await builds.isHolding }
        for text in ["v2", "v3", "v4 longer"] { try text.write(toFile: file, atomically: true, encoding: .utf8) }
        await builds.release()
        try await waitUntil { await builds.seen.count == 3 }
        // A last edit proves the watcher went on watching, and that nothing else was queued before it.
        try "v5".write(toFile: file, atomically: true, encoding: .utf8)
        try await waitUntil { await builds.seen.count == 4 }
        let seen = await builds.seen
        XCTAssertEqual(seen, ["v0", "v1", "v4 longer", "v5"])
        let generation = await state.snapshot.servedGeneration
        XCTAssertEqual(generation, 4)

        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// A build that is running when shutdown comes finishes; no new one starts, streams end.
    func testShutdownLetsTheRunningBuildFinish() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let builds = Builds()
        await builds.hold()
        let state = PreviewState()
        let watcher = SourceWatcher(folders: [tmp.path], rebuild: {
            await builds.record("first")
            return .failed(diagnostics: ["x:1:1: error: held"])
        }, state: state)
        var events = await state.subscribe().makeAsyncIterator()
        let group = ServiceGroup(configuration: .init(services: [watcher], logger: .init(label: "test")))
        let running = Task { try await group.run() }
        try await waitUntil { await builds.isHolding }
        await group.triggerGracefulShutdown()
        await builds.release()
        try await running.value
        var received: [PreviewEvent] = []
        while let event = await events.next() { received.append(event) }
        XCTAssertEqual(received, [.built(generation: 0), .failed(generation: 1, diagnostics: ["x:1:1: error: held"])])
        let seen = await builds.seen
        XCTAssertEqual(seen, ["first"])
    }
}
