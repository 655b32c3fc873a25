import Foundation

/// Runs jobs concurrently, a bounded number at a time; each job writes its own
/// file as soon as it is made, so no file waits in memory.
enum ConcurrentJobs {
    static func run<Job: Sendable>(_ jobs: [Job], _ body: @escaping @Sendable (Job) throws -> Void) async throws {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var pending = jobs.makeIterator()
            for _ in 0..<width {
                guard let job = pending.next() else { break }
                group.addTask { try body(job) }
            }
            while try await group.next() != nil {
                if let job = pending.next() { group.addTask { try body(job) } }
            }
        }
    }
}
