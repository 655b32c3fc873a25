import IRSiteKit
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `irsite serve`: the output folder on `127.0.0.1` over HTTP, rebuilt when the
/// content or templates change, with open pages reloading themselves.
///
/// Two services run in one group: the ``SourceWatcher`` (which makes the first
/// build and every later one) and the HTTP server. Graceful shutdown stops the
/// watcher first, which ends the live-reload streams, so the server's own
/// shutdown does not wait on them.
public struct PreviewServer: Sendable {
    /// Where the server listens and what it watches.
    public struct Configuration: Sendable {
        /// The built site to serve.
        public var output: String
        /// The folders whose changes trigger a build (the content and the templates).
        public var watched: [String]
        /// 0 picks any free port; the one taken is passed to `onListening`.
        public var port: Int
        public var host: String
        public var timing: SourceWatcher.Timing

        public init(output: String, watched: [String], port: Int = 8080, host: String = "127.0.0.1",
                    timing: SourceWatcher.Timing = SourceWatcher.Timing()) {
            self.output = output
            self.watched = watched
            self.port = port
            self.host = host
            self.timing = timing
        }
    }

    public let configuration: Configuration
    public let rebuild: SiteRebuild
    /// The builds so far and the live-reload clients.
    public let state = PreviewState()
    let log: @Sendable (String) -> Void

    /// - Parameters:
    ///   - rebuild: one build of the site; see ``SiteRebuild``.
    ///   - log: a line for the terminal per change and per build.
    public init(configuration: Configuration, rebuild: @escaping SiteRebuild, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.rebuild = rebuild
        self.log = log
    }

    /// The watcher and the HTTP server as one service group. Run it with `run()`;
    /// `triggerGracefulShutdown()` (or one of `gracefulShutdownSignals`) stops it.
    /// - Parameter onListening: called with the port once the server accepts connections.
    public func serviceGroup(gracefulShutdownSignals: [UnixSignal] = [],
                             onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        var logger = Logger(label: "irsite.serve")
        logger.logLevel = .warning
        let responder = PreviewResponder(folder: ServedFolder(path: configuration.output), state: state)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let watcher = SourceWatcher(folders: configuration.watched, rebuild: rebuild, state: state, timing: configuration.timing, log: log)
        // Shut down in reverse order: the watcher (and its streams) before the server.
        return ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: application), .init(service: watcher)],
            gracefulShutdownSignals: gracefulShutdownSignals,
            logger: logger))
    }

    /// Runs until Ctrl-C (SIGINT) or SIGTERM, then shuts down gracefully and returns.
    /// - Throws: ``EnvironmentError`` when the port cannot be had (in use, or not allowed).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        do {
            try await serviceGroup(gracefulShutdownSignals: [.sigint, .sigterm], onListening: onListening).run()
        } catch let error as IOError {
            throw EnvironmentError("cannot listen on \(configuration.host):\(configuration.port): \(String(cString: strerror(error.errnoCode))); "
                                   + "choose another --port (0 takes any free one)")
        }
    }
}
