import Foundation
import NIOCore
import NIOPosix

/// A bare HTTP/1.1 client over TCP: the request line goes out byte for byte, so a
/// test can send targets no URL type would keep (`/../x`, `/%2e%2e/x`, a backslash,
/// NUL, absolute-form). Each request opens its own connection and closes it.
enum RawHTTPClient {
    struct Response {
        var status: Int
        /// Header names lowercased.
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.name == name.lowercased() }?.value }
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `method target HTTP/1.1` and reads the whole response.
    static func request(_ target: String, method: String = "GET", port: Int) async throws -> Response {
        try await exchange(requestBytes(target, method: method, close: true), method: method, port: port)
    }

    /// Sends `bytes` as they are (a whole request that asks to close) and reads the whole response.
    /// A server that has not closed the connection within `timeout` fails the request (and the
    /// connection is closed), so a test never waits on a response that does not end.
    static func exchange(_ bytes: [UInt8], method: String = "GET", port: Int, within timeout: Duration = .seconds(30)) async throws -> Response {
        let channel = try await connect(port: port)
        let raw = try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(bytes: bytes))
                    var received: [UInt8] = []
                    for try await chunk in inbound { received += chunk.readableBytesView }
                    return received
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            if first == nil { channel.channel.close(promise: nil) }
            group.cancelAll()
            guard let first else { throw Malformed(description: "no complete response within \(timeout)") }
            return first
        }
        return try parse(raw, method: method)
    }

    static func get(_ target: String, port: Int) async throws -> Response { try await request(target, port: port) }

    static func connect(port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
    }

    static func requestBytes(_ target: String, method: String, close: Bool, host: String = "127.0.0.1") -> [UInt8] {
        Array("\(method) ".utf8) + Array(target.utf8) + Array(" HTTP/1.1\r\nHost: \(host)\r\n\(close ? "Connection: close\r\n" : "")\r\n".utf8)
    }

    /// Splits a complete response into status, headers and (de-chunked) body.
    static func parse(_ raw: [UInt8], method: String) throws -> Response {
        guard let end = headerEnd(raw) else { throw Malformed(description: "no end of headers in \(raw.count) bytes") }
        let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Malformed(description: "status line \(head[0])") }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(raw[(end + 4)...])
        if method != "HEAD", headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased() == "chunked" }) {
            var decoder = ChunkedDecoder()
            body = decoder.feed(body)
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 { return i }
        return nil
    }
}

/// Decodes `Transfer-Encoding: chunked` incrementally: feed bytes as they arrive,
/// get back the payload of every chunk completed so far.
struct ChunkedDecoder {
    private var pending: [UInt8] = []
    private(set) var isFinished = false

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var payload: [UInt8] = []
        while !isFinished {
            guard let lineEnd = firstCRLF(in: pending, from: 0) else { break }
            let sizeText = String(decoding: pending[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
            let start = lineEnd + 2
            if size == 0 {
                isFinished = true
                break
            }
            guard pending.count >= start + size + 2 else { break }
            payload += pending[start..<(start + size)]
            pending.removeFirst(start + size + 2)
        }
        return payload
    }

    private func firstCRLF(in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= from + 2 else { return nil }
        for i in from...(bytes.count - 2) where bytes[i] == 13 && bytes[i + 1] == 10 { return i }
        return nil
    }
}
