import ArgumentParser
import Foundation
import IRSiteKit

/// `irsite-bench rebuild`: what the preview server does after an editor saves a
/// release, timed: one build to warm up, then for each run an edit of the
/// release's commentary and an incremental rebuild in the same process.
/// For Benchmarks/run.py.
struct BenchRebuild: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rebuild", abstract: "Time in-process incremental rebuilds.")

    @Option(name: .long) var content = "Content"
    @Option(name: .long) var templates = "Templates"
    @Option(name: .long) var output = "Output"
    @Option(name: .long) var now: String
    @Option(name: .long, help: "The release file to edit.") var edit: String
    @Option(name: .long) var runs = 5

    func run() async throws {
        guard let instant = Timestamp(now)?.epochSeconds() else { throw ValidationError("--now needs a date-time with a zone") }
        let options = PublicationOptions(now: instant)
        let cache = BuildCache()
        let original = try String(contentsOfFile: edit, encoding: .utf8)
        defer { try? original.write(toFile: edit, atomically: true, encoding: .utf8) }
        _ = try await Pipeline.build(content: content, templates: templates, output: output, options: options, cache: cache)
        var times: [Double] = [], cpus: [Double] = []
        for run in 1...max(1, runs) {
            try (original + "\nAn editor's sentence, number \(run).\n").write(toFile: edit, atomically: true, encoding: .utf8)
            let started = DispatchTime.now(), startedCPU = Self.cpuSeconds()
            let result = try await Pipeline.build(content: content, templates: templates, output: output, options: options, cache: cache)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let cpu = Self.cpuSeconds() - startedCPU
            times.append(seconds)
            cpus.append(cpu)
            print(String(format: "run %d: %.3f s (%.3f s CPU; %d written; load and check %.3f s, make and write %.3f s, swap in %.3f s)",
                         run, seconds, cpu, result.written, result.timings.check, result.timings.render, result.timings.commit))
        }
        print(String(format: "median %.3f s (%.3f s CPU)", times.sorted()[times.count / 2], cpus.sorted()[cpus.count / 2]))
    }

    /// User and system time of this process so far: on a loaded machine it moves much less than the wall time.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
