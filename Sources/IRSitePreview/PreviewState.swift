import IRSiteKit
import Foundation

/// What the preview server knows about the builds, and the live-reload
/// clients it tells about them.
public actor PreviewState {
    /// The state a response is rendered from.
    public struct Snapshot: Sendable, Equatable {
        /// The generation of the build that wrote the output being served
        /// (0: an output folder that was there before the server started).
        public var servedGeneration: Int
        /// The last build's diagnostics, when it failed (the output is then older).
        public var failure: [String]?
        /// The event that tells a client this state.
        public var event: PreviewEvent
    }

    private var generation = 0
    private var servedGeneration = 0
    private var failure: [String]?
    private var clients: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var isClosed = false
    private var isBuilding = false
    /// Requests that found nothing while a build ran, waiting for it to be recorded.
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public var snapshot: Snapshot {
        let event: PreviewEvent = failure.map { .failed(generation: generation, diagnostics: $0) } ?? .built(generation: servedGeneration)
        return Snapshot(servedGeneration: servedGeneration, failure: failure, event: event)
    }

    /// Records a finished build under the next generation and tells every client.
    public func record(_ outcome: BuildOutcome) {
        releaseWaiting()
        generation += 1
        switch outcome {
        case .built:
            servedGeneration = generation
            failure = nil
        case .failed(let diagnostics):
            failure = diagnostics
        }
        broadcast(snapshot.event)
    }

    /// A build has started; until it is recorded, ``afterBuild()`` waits for it.
    public func buildStarted() { isBuilding = true }

    /// Waits until the running build, if any, is recorded; true when there was one.
    ///
    /// A build moves files into the output folder, or swaps in a whole new folder,
    /// so a page that exists before and after can be missing for an instant: a
    /// request that finds nothing looks again after the build rather than answer 404.
    public func afterBuild() async -> Bool {
        guard isBuilding, !isClosed else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// How many requests are waiting for the running build (for tests).
    public var waitingForBuild: Int { waiting.count }

    private func releaseWaiting() {
        isBuilding = false
        for request in waiting { request.resume() }
        waiting.removeAll()
    }

    /// A stream for one client: the current state first, then every later build.
    /// It ends when the client goes away (the stream is dropped) or the server closes.
    public func subscribe() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(16))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        continuation.yield(snapshot.event)
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        clients[id] = continuation
        return stream
    }

    /// How many clients are listening (for tests and the terminal).
    public var clientCount: Int { clients.count }

    /// Sends a keep-alive comment to every client.
    public func keepAlive() { broadcast(.keepAlive) }

    /// Ends every stream and refuses new ones: the server is shutting down.
    public func close() {
        isClosed = true
        releaseWaiting()
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }

    private func unsubscribe(_ id: UUID) { clients[id] = nil }

    private func broadcast(_ event: PreviewEvent) {
        for continuation in clients.values { continuation.yield(event) }
    }
}
