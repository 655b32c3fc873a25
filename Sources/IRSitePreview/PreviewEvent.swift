import IRSiteKit
/// One message on the live-reload stream (`GET /__irsite/events`), as a
/// server-sent event. Every build gets a new generation number; a page knows
/// the generation it was built by, so it reloads only when it is out of date.
public enum PreviewEvent: Sendable, Equatable {
    /// A build succeeded: pages of an older generation reload.
    case built(generation: Int)
    /// A build failed: pages show its diagnostics over the last good site.
    case failed(generation: Int, diagnostics: [String])
    /// A comment that keeps idle connections (and proxies) from timing out,
    /// and lets the server notice a client that went away.
    case keepAlive

    /// The event in `text/event-stream` form, ending with the blank line that dispatches it.
    public var serverSentEvent: String {
        switch self {
        case .built(let generation):
            return "event: built\nid: \(generation)\ndata: \(JSONWriter.render(.object(["generation": .number(.init(generation))]), pretty: false))\n\n"
        case .failed(let generation, let diagnostics):
            // JSON keeps every diagnostic on the one `data:` line, whatever it contains.
            let data = JSONWriter.render(.object(["generation": .number(.init(generation)),
                                                  "diagnostics": .array(diagnostics.map { .string($0) })]), pretty: false)
            return "event: failed\nid: \(generation)\ndata: \(data)\n\n"
        case .keepAlive:
            return ": keep-alive\n\n"
        }
    }

    /// Sent first on every connection: reconnect quickly after the server restarts.
    static let retry = "retry: 1000\n\n"
}
