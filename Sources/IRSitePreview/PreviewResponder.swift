import IRSiteKit
import HTTPTypes
import Hummingbird
import NIOFileSystem

/// Answers every request of the preview server: files of the output folder
/// (HTML with the live-reload script added), the live-reload script and its
/// event stream, and refusals. Nothing outside the output folder is ever read,
/// and nothing is answered to a request for another host (``LoopbackHost``).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let folder: ServedFolder
    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        // Before anything else, the live-reload stream included: see LoopbackHost for why.
        guard LoopbackHost.accepts(request.head.authority) else {
            return Self.plain(.misdirectedRequest, "Misdirected request: this preview answers only localhost, 127.0.0.1 and [::1].\n")
        }
        // The parser keeps the first Host as the authority and leaves any other among the fields.
        guard !request.headers.contains(.host) else {
            return Self.plain(.badRequest, "Refused: more than one Host header.\n")
        }
        // The raw target as it arrived: `request.uri` would already be parsed.
        let target = request.head.path ?? ""
        let response: Response
        switch request.method {
        case .get, .head: response = await respond(to: target)
        default: response = Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func respond(to target: String) async -> Response {
        let pathOnly = target.prefix { $0 != "?" && $0 != "#" }
        if pathOnly == LiveReload.eventsPath { return events() }
        if pathOnly == LiveReload.scriptPath {
            return Self.response(.ok, type: MediaType.of(LiveReload.scriptPath), body: ByteBuffer(string: LiveReload.script))
        }

        let path: PreviewPath
        do {
            path = try PreviewPath(target: target)
        } catch .hidden {
            return await notFound(target)
        } catch {
            return Self.plain(.badRequest, "Refused: \(error).\n")
        }
        switch await find(path) {
        case .file(let contents):
            let type = MediaType.of(path.relativeFile)
            guard type == MediaType.html else { return Self.response(.ok, type: type, body: contents) }
            return Self.response(.ok, type: type, body: await withLiveReload(contents))
        case .redirect(let location):
            // Keep the query, so a redirected link means what it meant.
            let query = target.firstIndex(of: "?").map { String(target[$0...].prefix { $0 != "#" }) } ?? ""
            return Self.plain(.movedPermanently, "Moved to \(location)\n", extra: [.location: location + query])
        case .notFound:
            return await notFound(target)
        }
    }

    enum Found {
        case file(ByteBuffer)
        case redirect(location: String)
        case notFound
    }

    /// The file's bytes (read whole once opened, so a build cannot change them midway),
    /// a redirect, or nothing. Nothing found while a build runs is looked for again
    /// after it: the build may be swapping the file or the whole folder.
    private func find(_ path: PreviewPath) async -> Found {
        var waited = false
        while true {
            switch folder.lookup(path) {
            case .file(let file):
                if let contents = try? await ByteBuffer(contentsOf: FilePath(file), maximumSizeAllowed: .gibibytes(1)) { return .file(contents) }
            case .redirect(let location):
                return .redirect(location: location)
            case .notFound:
                break
            }
            if waited { return .notFound }
            waited = true
            guard await state.afterBuild() else { return .notFound }
        }
    }

    /// 404 with the site's own `404.html` when it has one, else a plain page; both reload live.
    private func notFound(_ target: String) async -> Response {
        let page: ByteBuffer
        if case .file(let file) = folder.lookup(Self.notFoundPage),
           let contents = try? await ByteBuffer(contentsOf: FilePath(file), maximumSizeAllowed: .mebibytes(16)) {
            page = contents
        } else {
            page = ByteBuffer(string: NotFoundPage.html(for: String(target.prefix { $0 != "?" && $0 != "#" })))
        }
        return Self.response(.notFound, type: MediaType.html, body: await withLiveReload(page))
    }

    private func withLiveReload(_ page: ByteBuffer) async -> ByteBuffer {
        let state = await state.snapshot
        let html = String(buffer: page)
        return ByteBuffer(string: LiveReload.inject(into: html, generation: state.servedGeneration, failure: state.failure))
    }

    /// The live-reload stream: the current state at once, then one event per build,
    /// until the client leaves or the server shuts down.
    private func events() -> Response {
        let state = self.state
        let body = ResponseBody { writer in
            let stream = await state.subscribe()
            try await writer.write(ByteBuffer(string: PreviewEvent.retry))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        }
        return Self.response(.ok, type: "text/event-stream", body: body)
    }

    static let notFoundPage = PreviewPath(file: "404.html")

    static func response(_ status: HTTPResponse.Status, type: String, body: ByteBuffer) -> Response {
        response(status, type: type, body: ResponseBody(byteBuffer: body))
    }

    static func response(_ status: HTTPResponse.Status, type: String, body: ResponseBody, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: body)
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        response(status, type: MediaType.plainText, body: ResponseBody(byteBuffer: ByteBuffer(string: text)), extra: extra)
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let host = Self("Host")!
}
