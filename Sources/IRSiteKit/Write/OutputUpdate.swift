import Foundation
import Synchronization

/// Decides, file by file, what a build writes: everything into the staging
/// folder for a full build; for an incremental one, only files whose inputs or
/// bytes changed since the previous manifest.
final class OutputUpdate: Sendable {
    /// The previous build as found in the output folder (under the output lock).
    struct Previous: Sendable {
        var manifest: Manifest
        /// The regular files the folder holds, from the walk that checked it against the manifest.
        var files: Set<String>
    }

    let staging: SiteWriter.Staging
    let previous: Previous?
    let total: Int
    let releases: Set<String>
    let progress: (@Sendable (BuildProgress) -> Void)?
    private struct State {
        var entries: [String: Manifest.Entry] = [:]
        var written = 0
        var kept = 0
        var done = 0
        var releasesDone = 0
    }
    private let state = Mutex(State())

    init(staging: SiteWriter.Staging, previous: Previous?, total: Int, releases: Set<String>,
         progress: (@Sendable (BuildProgress) -> Void)?) {
        self.staging = staging
        self.previous = previous
        self.total = total
        self.releases = releases
        self.progress = progress
    }

    var manifest: Manifest { Manifest(entries: state.withLock { $0.entries }) }
    var written: Int { state.withLock { $0.written } }
    var kept: Int { state.withLock { $0.kept } }

    func handle(_ job: BuildJob) throws {
        let inputs = job.inputs?.hex ?? ""
        let old = previous?.manifest.entries[job.path]
        if let old, !inputs.isEmpty, old.inputs == inputs, exists(job.path) {
            finish(job.path, old, wrote: false)
            return
        }
        let file = try job.make()
        // Files made every time are compared by their bytes; the rest are known by their inputs.
        let content = file.copiedFrom == nil && inputs.isEmpty ? Fingerprint.of(bytes: file.contents).hex : ""
        if let old, !content.isEmpty, old.content == content, exists(job.path) {
            finish(job.path, Manifest.Entry(inputs: inputs, content: content), wrote: false)
            return
        }
        try staging.write(file)
        finish(job.path, Manifest.Entry(inputs: inputs, content: content), wrote: true)
    }


    private func exists(_ path: String) -> Bool { previous?.files.contains(path) ?? false }

    private func finish(_ path: String, _ entry: Manifest.Entry, wrote: Bool) {
        let report = state.withLock { s -> BuildProgress in
            s.entries[path] = entry
            if wrote {
                s.written += 1
            } else {
                s.kept += 1
            }
            s.done += 1
            if releases.contains(path) { s.releasesDone += 1 }
            return BuildProgress(releasesDone: s.releasesDone, releases: releases.count, filesDone: s.done, files: total)
        }
        progress?(report)
    }
}
