import IRSiteKit
import Foundation

/// What the watched folders hold, by `stat` alone: every entry's relative path,
/// modification time and size. Two snapshots differ when a file was added,
/// removed, renamed, rewritten or resized.
public struct SourceSnapshot: Sendable, Equatable {
    struct Stamp: Sendable, Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var isFolder: Bool
    }

    /// Root (as given) → relative path → stamp.
    private(set) var entries: [String: [String: Stamp]]

    /// Reads the folders now; a missing folder counts as empty.
    public init(folders: [String]) {
        var entries: [String: [String: Stamp]] = [:]
        for folder in folders { entries[folder] = Self.scan(folder) }
        self.entries = entries
    }

    private static func scan(_ root: String) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                // Editors' swap and backup files (.x.swp, x~, .#x) come and go while typing.
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                // stat, not lstat: a linked file's edits count, as the build reads through links too.
                guard stat(folder + "/" + name, &info) == 0 else { continue }
                let isFolder = info.st_mode & S_IFMT == S_IFDIR
                #if canImport(Darwin)
                let modified = info.st_mtimespec
                #else
                let modified = info.st_mtim
                #endif
                result[path] = Stamp(seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                                     size: Int64(info.st_size), isFolder: isFolder)
                if isFolder { pending.append(path) }
            }
        }
        return result
    }

    /// The paths (root-prefixed) that were added, removed or changed since `earlier`.
    public func changes(since earlier: SourceSnapshot) -> [String] {
        var changed: [String] = []
        for (root, now) in entries {
            let before = earlier.entries[root] ?? [:]
            for (path, stamp) in now where before[path] != stamp && !stamp.isFolder { changed.append(root + "/" + path) }
            for (path, stamp) in before where now[path] == nil && !stamp.isFolder { changed.append(root + "/" + path) }
        }
        return changed.sorted()
    }
}
