import XCTest
@testable import IRSiteKit
@testable import IRSitePreview

final class ServePreviewStateTests: XCTestCase {
    func testNewClientsGetTheCurrentStateFirst() async {
        let state = PreviewState()
        var fresh = await state.subscribe().makeAsyncIterator()
        let initial = await fresh.next()
        XCTAssertEqual(initial, .built(generation: 0))

        await state.record(.built(summary: "ok", diagnostics: []))
        var afterBuild = await state.subscribe().makeAsyncIterator()
        let built = await afterBuild.next()
        XCTAssertEqual(built, .built(generation: 1))

        await state.record(.failed(diagnostics: ["a:1:1: error: x"]))
        var afterFailure = await state.subscribe().makeAsyncIterator()
        let failed = await afterFailure.next()
        XCTAssertEqual(failed, .failed(generation: 2, diagnostics: ["a:1:1: error: x"]))
        let snapshot = await state.snapshot
        XCTAssertEqual(snapshot.servedGeneration, 1, "the output is still the first build's")
        XCTAssertEqual(snapshot.failure, ["a:1:1: error: x"])
    }

    func testClientsHearEveryBuild() async {
        let state = PreviewState()
        var events = await state.subscribe().makeAsyncIterator()
        _ = await events.next()
        await state.record(.failed(diagnostics: ["x"]))
        await state.record(.failed(diagnostics: ["y"]))
        await state.record(.built(summary: "", diagnostics: ["w"]))
        await state.keepAlive()
        var received: [PreviewEvent] = []
        for _ in 0..<4 { if let event = await events.next() { received.append(event) } }
        XCTAssertEqual(received, [.failed(generation: 1, diagnostics: ["x"]), .failed(generation: 2, diagnostics: ["y"]),
                                  .built(generation: 3), .keepAlive])
        let snapshot = await state.snapshot
        XCTAssertNil(snapshot.failure)
        XCTAssertEqual(snapshot.servedGeneration, 3)
    }

    func testCloseEndsStreamsAndRefusesNewOnes() async {
        let state = PreviewState()
        var open = await state.subscribe().makeAsyncIterator()
        _ = await open.next()
        await state.close()
        let end = await open.next()
        XCTAssertNil(end)
        let count = await state.clientCount
        XCTAssertEqual(count, 0)
        var late = await state.subscribe().makeAsyncIterator()
        let nothing = await late.next()
        XCTAssertNil(nothing)
    }

    /// A client that goes away is forgotten (its stream's termination removes it).
    func testDroppedClientsAreRemoved() async throws {
        let state = PreviewState()
        var stream: AsyncStream<PreviewEvent>? = await state.subscribe()
        let subscribed = await state.clientCount
        XCTAssertEqual(subscribed, 1)
        XCTAssertNotNil(stream)
        stream = nil
        // Removal hops through a task; wait for it without timing it.
        var waits = 0
        while await state.clientCount > 0, waits < 3000 {
            try await Task.sleep(for: .milliseconds(10))
            waits += 1
        }
        let remaining = await state.clientCount
        XCTAssertEqual(remaining, 0)
    }
}
