import Foundation
import Synchronization

/// An exclusive lock on one output folder, held by a build (or `irsite pdf`)
/// from before it reads the previous manifest until its files are in place, so
/// that two builds never interleave their files and manifests. It is a `flock`
/// on `.<name>.irsite-lock` beside the output folder (never inside it, so it is
/// never published), removed on release; the kernel releases the lock when the
/// process ends, however it ends.
public final class OutputLock: Sendable {
    /// The lock file of an output folder.
    public static func path(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).irsite-lock")
    }

    private let descriptor: Mutex<Int32>
    private let file: URL

    /// Takes the lock, or throws at once when another process (or another build
    /// in this one) holds it: waiting could publish a stale site long after.
    public init(output: URL) throws {
        file = Self.path(for: output)
        // The file is removed on release, so a lock taken on a file that was removed
        // meanwhile is no lock: take it again on the new one.
        while true {
            let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw LocatedError("cannot open the lock file '\(file.path)': \(String(cString: strerror(errno)))",
                                   at: SourceLocation(file: file.path, line: 1, column: 1))
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(fd)
                throw LocatedError(busy ? "another irsite build is writing '\(output.path)' (it holds '\(file.path)'); try again when it has finished"
                                        : "cannot lock '\(file.path)': \(reason)",
                                   at: SourceLocation(file: output.path, line: 1, column: 1))
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(file.path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                descriptor = Mutex(fd)
                return
            }
            close(fd)
        }
    }

    /// Releases the lock; later calls do nothing.
    public func release() {
        descriptor.withLock { fd in
            if fd >= 0 {
                unlink(file.path)
                close(fd)
            }
            fd = -1
        }
    }

    deinit { release() }
}
