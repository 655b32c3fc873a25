import Foundation
import IRSiteKit
import Synchronization

/// The one-line progress display of a long build on a terminal ("releases 512 of
/// 1000, files 6100 of 12000"), redrawn at most ten times a second. Silent when
/// stderr is not a terminal, so logs and pipes stay clean.
final class ProgressLine: Sendable {
    private let state = Mutex<(last: UInt64, shown: Bool)>((0, false))
    let enabled: Bool

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    func update(_ p: BuildProgress) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let draw = state.withLock { s -> Bool in
            guard p.filesDone == p.files || now - s.last > 100_000_000 else { return false }
            s.last = now
            s.shown = true
            return true
        }
        guard draw else { return }
        let text = "\rirsite build: releases \(p.releasesDone) of \(p.releases), files \(p.filesDone) of \(p.files)\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled, state.withLock({ $0.shown }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
