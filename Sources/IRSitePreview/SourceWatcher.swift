import IRSiteKit
import ServiceLifecycle

/// Builds the site once, then polls the content and template folders and
/// rebuilds after each change, telling ``PreviewState`` (and so every open
/// page) how each build went. Polling by `stat` is portable (Linux has no
/// FSEvents) and cheap for folders of this size.
///
/// Changes are settled first (the folders must look the same twice, a short
/// delay apart), so an editor's save is one build; changes made during a build
/// are caught by the next poll and make one more build, however many there were.
/// On graceful shutdown a running build finishes, no new one starts, and every
/// live-reload stream ends.
public struct SourceWatcher: Service {
    public let folders: [String]
    public let rebuild: SiteRebuild
    public let state: PreviewState
    public let timing: Timing
    let log: @Sendable (String) -> Void

    /// How often the watcher looks, how long a change must rest before it builds,
    /// and how often idle live-reload streams hear from the server.
    public struct Timing: Sendable {
        /// Between two looks at the folders.
        public var poll: Duration
        /// How long a change must rest (two equal looks this far apart) before it builds.
        public var settle: Duration
        /// Between two keep-alive comments on the live-reload streams.
        public var keepAlive: Duration

        public init(poll: Duration = .milliseconds(250), settle: Duration = .milliseconds(100), keepAlive: Duration = .seconds(15)) {
            self.poll = poll
            self.settle = settle
            self.keepAlive = keepAlive
        }
    }

    public init(folders: [String], rebuild: @escaping SiteRebuild, state: PreviewState, timing: Timing = Timing(),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.folders = folders
        self.rebuild = rebuild
        self.state = state
        self.timing = timing
        self.log = log
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.watch() }
        } catch is CancellationError {
            // Shutting down: the streams end below either way.
        }
        await state.close()
    }

    private func watch() async throws {
        // Read before the first build, so an edit made while it runs is not missed.
        var seen = SourceSnapshot(folders: folders)
        await build()
        let clock = ContinuousClock()
        var lastKeepAlive = clock.now
        while true {
            try await Task.sleep(for: timing.poll)
            if clock.now - lastKeepAlive >= timing.keepAlive {
                await state.keepAlive()
                lastKeepAlive = clock.now
            }
            var current = SourceSnapshot(folders: folders)
            guard current != seen else { continue }
            while true {
                try await Task.sleep(for: timing.settle)
                let next = SourceSnapshot(folders: folders)
                if next == current { break }
                current = next
            }
            let changed = current.changes(since: seen)
            seen = current
            // A new empty folder changes nothing the build reads.
            guard !changed.isEmpty else { continue }
            log("changed: " + (changed.count <= 3 ? changed.joined(separator: ", ") : "\(changed[0]) and \(changed.count - 1) more files"))
            await build()
        }
    }

    private func build() async {
        // Not a child task: cancellation at shutdown must not cut a build short.
        let rebuild = self.rebuild
        await state.buildStarted()
        let outcome = await Task { await rebuild() }.value
        await state.record(outcome)
        switch outcome {
        case .built(let summary, let diagnostics):
            for line in diagnostics { log(line) }
            log("built: \(summary)")
        case .failed(let diagnostics):
            for line in diagnostics { log(line) }
            log("build failed: \(diagnostics.count) diagnostic\(diagnostics.count == 1 ? "" : "s"); still serving the last good site")
        }
    }
}
