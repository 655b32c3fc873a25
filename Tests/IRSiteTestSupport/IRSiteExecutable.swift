import Foundation
import Synchronization
import XCTest

/// The `irsite` executable SwiftPM built beside the test bundle (the test targets depend on it).
public enum IRSiteExecutable {
    public static var url: URL {
        final class Marker {}
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent(), bundle.appendingPathComponent("debug")].map { $0.appendingPathComponent("irsite") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }
}

/// A program started in the background whose output is collected as it comes.
public final class RunningProcess: Sendable {
    private struct Output {
        var stdout = ""
        var stderr = ""
        var status: Int32?
    }

    /// Appended to in arrival order from the pipes' handlers, hence a lock rather than tasks.
    private final class Collected: Sendable {
        let output = Mutex(Output())
        func withLock<T: Sendable>(_ body: (inout Output) -> T) -> T { output.withLock { body(&$0) } }
    }

    private let process: Process
    private let output = Collected()

    public init(_ executable: URL, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let output = self.output
        out.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            output.withLock { $0.stdout += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            output.withLock { $0.stderr += String(decoding: data, as: UTF8.self) }
        }
        process.terminationHandler = { p in
            let code = p.terminationStatus
            output.withLock { $0.status = code }
        }
        try process.run()
        self.process = process
    }

    public var stdout: String { output.withLock { $0.stdout } }
    public var stderr: String { output.withLock { $0.stderr } }
    /// The exit status, once the program ended.
    public var status: Int32? { output.withLock { $0.status } }
    public var pid: Int32 { process.processIdentifier }

    /// Ends the program at once (SIGKILL) if it is still running, as a test's cleanup.
    public func kill() {
        if process.isRunning { process.terminate() }
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits (up to `limit`, polling) until `condition` holds for the output so far;
    /// past the limit the test fails and the program is terminated.
    public func wait(for what: String, upTo limit: Duration = .seconds(60),
              until condition: (_ stdout: String, _ stderr: String, _ status: Int32?) -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let now = output.withLock { $0 }
            if condition(now.stdout, now.stderr, now.status) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("gave up waiting for \(what); stdout: \(stdout) stderr: \(stderr)")
        process.terminate()
    }
}
