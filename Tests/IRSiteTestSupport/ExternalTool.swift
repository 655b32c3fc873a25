import Foundation
import XCTest

/// Command-line programs the tests drive (xmllint, rsvg-convert, chromium, pdfinfo, python3, irsite itself).
public enum ExternalTool {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The program's path on PATH, or nil.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    /// The program's path, or a test failure naming the Debian package that provides it.
    public static func require(_ name: String, package: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        if let path = find(name) { return path }
        XCTFail("\(name) is not installed: these tests need it (Debian/Ubuntu: apt-get install \(package); .ci/run does)", file: file, line: line)
        return nil
    }

    /// Runs `executable` with `arguments` (in `directory`, if given) and collects its output.
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a chatty program cannot block on a full pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
