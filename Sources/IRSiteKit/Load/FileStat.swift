import Foundation

/// What `stat` says of a content file (following links, as reading it does): its
/// size, modification time and inode. The persistent build cache keeps it beside
/// the file's digest, so a new process can tell an unchanged file without reading it.
public struct FileStat: Sendable, Hashable {
    public var size: Int64
    /// Modification time, in nanoseconds since 1970.
    public var modified: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stat of the file at `path`; nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), inode: UInt64(info.st_ino))
    }
}
