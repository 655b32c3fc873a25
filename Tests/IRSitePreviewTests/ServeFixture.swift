import Foundation
import IRSiteKit
import IRSitePreview
import IRSiteTestSupport
import ServiceLifecycle
import XCTest

/// A preview server on a free port over a temporary copy of the sample content
/// and templates, started the way `irsite serve` starts it (one service group)
/// and stopped by graceful shutdown. The folders are polled often, so a test's
/// edit is picked up quickly; every wait has a generous limit and nothing is timed.
struct ServeFixture {
    let tmp: TempDirectory
    let content: String
    let templates: String
    let output: String
    let server: PreviewServer
    let group: ServiceGroup
    let running: Task<Void, any Error>
    let port: Int

    /// - Parameter wrap: given the real build and the output folder, the build the server runs instead.
    static func start(_ name: String = #function,
                      wrap: (_ real: @escaping SiteRebuild, _ output: String) -> SiteRebuild = { real, _ in real }) async throws -> ServeFixture {
        let tmp = try TempDirectory(name)
        let content = try tmp.copy(Paths.content, as: "Content")
        let templates = try tmp.copy(Paths.templates, as: "Templates")
        let output = tmp.path("Output")
        let rebuild = Pipeline.rebuild(content: content, templates: templates, output: output, now: PublicationOptions.afterTheSeed.now)
        let server = PreviewServer(
            configuration: .init(output: output, watched: [content, templates], port: 0,
                                 timing: .init(poll: .milliseconds(50), settle: .milliseconds(50))),
            rebuild: wrap(rebuild, output))
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let group = server.serviceGroup { port in listening.yield(port) }
        let running = Task {
            defer { listening.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            try await running.value
            throw NotListening()
        }
        // The first build runs beside the server; wait until it is recorded.
        for await event in await server.state.subscribe() {
            if case .built(let generation) = event, generation >= 1 { break }
            if case .failed(_, let diagnostics) = event { throw BuildFailed(diagnostics: diagnostics) }
        }
        return ServeFixture(tmp: tmp, content: content, templates: templates, output: output, server: server, group: group,
                            running: running, port: port)
    }

    struct BuildFailed: Error { var diagnostics: [String] }
    struct NotListening: Error {}

    func get(_ target: String) async throws -> RawHTTPClient.Response { try await RawHTTPClient.get(target, port: port) }

    /// Replaces `old` by `new` in a content file (path relative to the content folder).
    func edit(_ file: String, replacing old: String, with new: String) throws {
        let path = content + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        precondition(text.contains(old), "\(file) does not contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Graceful shutdown, as on Ctrl-C; the service group must end by itself.
    /// A server that hangs is cancelled after a minute and fails the test rather than the run.
    func stop() async throws {
        defer { tmp.remove() }
        await group.triggerGracefulShutdown()
        let running = self.running
        let stopped = await withTaskGroup(of: Bool.self) { waits in
            waits.addTask { _ = await running.result; return true }
            waits.addTask {
                try? await Task.sleep(for: .seconds(60))
                return false
            }
            let first = await waits.next() ?? false
            if !first { running.cancel() }
            waits.cancelAll()
            return first
        }
        guard stopped else { throw ShutdownHung() }
        try await running.value
    }

    struct ShutdownHung: Error, CustomStringConvertible {
        var description: String { "the server did not finish its graceful shutdown within a minute" }
    }
}
