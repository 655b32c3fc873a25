import Foundation

/// Runs file-producing jobs concurrently, a bounded number at a time, handing
/// each file to `write` as soon as it is ready (no file waits in memory).
enum ConcurrentJobs {
    static func run(_ jobs: [@Sendable () throws -> OutputFile], into write: @escaping @Sendable (OutputFile) throws -> Void) async throws {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = jobs.makeIterator()
            for _ in 0..<width {
                guard let job = pending.next() else { break }
                group.addTask { try write(try job()) }
            }
            while try await group.next() != nil {
                if let job = pending.next() { group.addTask { try write(try job()) } }
            }
        }
    }
}
