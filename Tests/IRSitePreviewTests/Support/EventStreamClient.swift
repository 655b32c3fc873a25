import Foundation
import NIOCore

/// A live-reload client over a raw connection: `GET /__irsite/events`, with the
/// events collected as they arrive, as a browser's `EventSource` would see them.
final class EventStreamClient: Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
        var id: String?

        /// The `generation` field of the event's JSON data.
        var generation: Int? {
            (try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])?["generation"] as? Int
        }

        var diagnostics: [String] {
            ((try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])?["diagnostics"] as? [String]) ?? []
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var description: String
    }

    private let mailbox = Mailbox()
    private let reader: Task<Void, Never>
    /// The response's status and headers, once they arrived.
    var head: RawHTTPClient.Response? { get async { await mailbox.head } }

    init(port: Int, target: String = "/__irsite/events", host: String = "127.0.0.1") {
        let mailbox = self.mailbox
        reader = Task {
            do {
                let channel = try await RawHTTPClient.connect(port: port)
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(bytes: RawHTTPClient.requestBytes(target, method: "GET", close: false, host: host)))
                    var received: [UInt8] = []
                    var chunks = ChunkedDecoder()
                    var parser = Parser()
                    var inBody = false
                    for try await buffer in inbound {
                        var bytes = Array(buffer.readableBytesView)
                        if !inBody {
                            received += bytes
                            guard let end = RawHTTPClient.headerEnd(received) else { continue }
                            await mailbox.setHead(try RawHTTPClient.parse(Array(received[..<(end + 4)]), method: "HEAD"))
                            bytes = Array(received[(end + 4)...])
                            inBody = true
                        }
                        for event in parser.feed(chunks.feed(bytes)) { await mailbox.deliver(event) }
                    }
                }
            } catch {
                // A closed or refused connection ends the stream, as below.
            }
            await mailbox.finish()
        }
    }

    /// Waits for the first event from now on (earlier ones are consumed) that matches.
    func next(within timeout: Duration = .seconds(90), where matches: @Sendable (Event) -> Bool = { _ in true }) async throws -> Event {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let event = await mailbox.take(matches) { return event }
            if await mailbox.isFinished { throw TimedOut(description: "the event stream ended; seen: \(await mailbox.seen)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TimedOut(description: "no matching event within \(timeout); seen: \(await mailbox.seen)")
    }

    /// Whether the server ended the stream within `timeout`.
    func waitForEnd(within timeout: Duration = .seconds(60)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await mailbox.isFinished { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    func close() { reader.cancel() }

    private actor Mailbox {
        var pending: [Event] = []
        var seen: [Event] = []
        var isFinished = false
        var head: RawHTTPClient.Response?

        func setHead(_ response: RawHTTPClient.Response) { head = response }
        func deliver(_ event: Event) {
            pending.append(event)
            seen.append(event)
        }
        func finish() { isFinished = true }

        func take(_ matches: (Event) -> Bool) -> Event? {
            guard let i = pending.firstIndex(where: matches) else { return nil }
            let event = pending[i]
            pending.removeFirst(i + 1)
            return event
        }
    }

    /// The `text/event-stream` format: fields per line, a blank line dispatches, `:` starts a comment.
    struct Parser {
        private var text = ""

        mutating func feed(_ bytes: [UInt8]) -> [Event] {
            text += String(decoding: bytes, as: UTF8.self)
            var events: [Event] = []
            while let end = text.range(of: "\n\n") {
                let block = text[..<end.lowerBound]
                text.removeSubrange(..<end.upperBound)
                var event = Event(name: "message", data: "", id: nil)
                var data: [String] = []
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix(":") {
                    let field = line.prefix { $0 != ":" }
                    var value = line.dropFirst(field.count).dropFirst()
                    if value.hasPrefix(" ") { value = value.dropFirst() }
                    switch field {
                    case "event": event.name = String(value)
                    case "data": data.append(String(value))
                    case "id": event.id = String(value)
                    default: break
                    }
                }
                guard !data.isEmpty else { continue }
                event.data = data.joined(separator: "\n")
                events.append(event)
            }
            return events
        }
    }
}
