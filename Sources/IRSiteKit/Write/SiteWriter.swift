import Foundation

/// Writes a built site atomically: every file goes into a staging folder
/// beside the output folder, which replaces the output folder only once all
/// were written. A failure before the commit removes the staging folder and
/// leaves the previous output exactly as it was; a commit cut short is
/// finished by the next build from its journal.
public enum SiteWriter {
    /// Rejects a path that could leave the output folder or is not portable.
    public static func validate(_ path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let bad = path.isEmpty || path.hasPrefix("/") || path.contains("\0") || path.contains("\\") || path.utf8.count > 1024
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.utf8.count > 255 }
        if bad {
            throw LocatedError("refusing to write '\(path)': output paths stay inside the output folder", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    /// A staging folder beside the output folder. Pages are written into it as
    /// they are rendered (none is kept in memory), then `commit` swaps it in.
    /// It holds the output folder's lock from its creation until it is committed
    /// or aborted, and each commit goes through a ``CommitJournal``.
    public final class Staging: @unchecked Sendable {
        // Mutable state is guarded by `lock`; pages are written from many tasks.
        private let lock = NSLock()
        private var written: Set<String> = []
        /// Folders already made in the staging folder (most files share one).
        private var folders: Set<String> = [""]
        /// Set once a commit has started: the staging folder then belongs to its journal.
        private var journaled = false
        let target: URL
        let folder: URL
        /// The staging folder's path with a trailing slash, the prefix of every file written.
        let root: String
        let previous: URL
        let outputLock: OutputLock
        let writer: any FileWriting

        /// The file every output folder carries, so that a build only ever replaces
        /// a folder it wrote itself (or an empty one), never a folder of the user's.
        public static let marker = ".irsite-output"

        /// Takes the output folder's lock, finishes a commit an earlier build left
        /// unfinished, removes killed builds' staging folders, and makes a new one.
        public init(output: String, protecting inputs: [String] = [], writer: any FileWriting = DiskFileWriter()) throws {
            let fm = FileManager.default
            self.writer = writer
            target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
            let parent = target.deletingLastPathComponent()
            try Self.checkInputs(target, protecting: inputs)
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            outputLock = try OutputLock(output: target)
            try CommitJournal.recover(target)
            try Self.checkReplaceable(target)
            let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
            folder = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(token)")
            previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
            root = folder.path + "/"
            try fm.createDirectory(at: folder, withIntermediateDirectories: false)
            guard fm.createFile(atPath: folder.appendingPathComponent(Self.marker).path,
                                contents: Data("This folder is written by irsite build and replaced whole by the next build.\n".utf8)) else {
                throw LocatedError("cannot write into '\(folder.path)'", at: SourceLocation(file: folder.path, line: 1, column: 1))
            }
        }

        /// Refuses an output folder that is, holds or lies inside the content or the templates.
        static func checkInputs(_ target: URL, protecting inputs: [String]) throws {
            let at = SourceLocation(file: target.path, line: 1, column: 1)
            for input in inputs {
                let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
                let t = target.path
                if t == protected || protected.hasPrefix(t.hasSuffix("/") ? t : t + "/") || t.hasPrefix(protected + "/") {
                    throw LocatedError("refusing to write the site to '\(t)': it is, holds or lies inside '\(input)'", at: at)
                }
            }
        }

        /// Refuses an output folder that holds anything but a previous build.
        static func checkReplaceable(_ target: URL) throws {
            let fm = FileManager.default
            let at = SourceLocation(file: target.path, line: 1, column: 1)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
            guard isDirectory.boolValue else {
                throw LocatedError("refusing to replace '\(target.path)': it is a file, not an output folder", at: at)
            }
            let entries = try fm.contentsOfDirectory(atPath: target.path)
            if !entries.isEmpty, !entries.contains(marker) {
                throw LocatedError("refusing to replace '\(target.path)': it is not empty and was not written by irsite build (no \(marker) file); choose a new or empty folder", at: at)
            }
        }

        /// Writes one file into the staging folder; a path may be written once.
        public func write(_ file: OutputFile) throws {
            try SiteWriter.validate(file.path)
            let isNew = lock.withLock { written.insert(file.path).inserted }
            guard isNew else {
                throw LocatedError("two pages would be written to '\(file.path)'", at: SourceLocation(file: file.path, line: 1, column: 1))
            }
            let parent = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            if lock.withLock({ !folders.contains(parent) }) { try makeFolders(parent) }
            try writer.write(file, to: root + file.path)
        }

        /// Makes `relative` and the folders above it that are not made yet, one `mkdir` each.
        private func makeFolders(_ relative: String) throws {
            var prefix = ""
            for part in relative.split(separator: "/") {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                if lock.withLock({ folders.contains(prefix) }) { continue }
                // Another task may make the same folder at the same time: EEXIST is success.
                if mkdir(root + prefix, 0o755) != 0, errno != EEXIST {
                    throw LocatedError("cannot make folder '\(root + prefix)': \(String(cString: strerror(errno)))",
                                       at: SourceLocation(file: root + prefix, line: 1, column: 1))
                }
                lock.withLock { _ = folders.insert(prefix) }
            }
        }

        /// Where the site is being written, for steps that read it back (PDF printing).
        public var path: String { folder.path }

        /// Replaces the output folder by the staging folder: two renames on one
        /// file system, journaled, so that a build killed between them is finished by the next.
        public func commit() throws {
            try run(CommitJournal(kind: .swap, staging: folder.lastPathComponent, previous: previous.lastPathComponent))
        }

        /// Moves only the files written here into the output folder (an incremental
        /// build stages just what changed), removes `stale` files, and writes `manifest`
        /// last. A step that fails undoes the steps before it; a build killed part-way
        /// leaves the journal from which the next build finishes the update.
        public func commitChanges(removing stale: [String], manifest: Manifest) throws {
            let moves = lock.withLock { written.sorted() }
            try run(CommitJournal(kind: .update, staging: folder.lastPathComponent, previous: previous.lastPathComponent,
                                  moves: moves, stale: stale, manifest: manifest.text))
        }

        private func run(_ journal: CommitJournal) throws {
            try journal.write(for: target)
            lock.withLock { journaled = true }
            do {
                try journal.apply(to: target) { [writer] in try writer.move($0, to: $1) }
            } catch {
                // Undone, the staging folder is this build's again (abort removes it);
                // else the journal stays for the next build to finish the commit.
                if (try? journal.rollBack(target)) != nil { lock.withLock { journaled = false } }
                throw error
            }
            outputLock.release()
        }

        /// Removes the staging folder, unless a commit has started (its journal
        /// then needs it), and releases the output folder.
        public func abort() {
            if !lock.withLock({ journaled }) { try? FileManager.default.removeItem(at: folder) }
            outputLock.release()
        }
    }

    /// Writes bytes to a new file with plain POSIX calls: the staging folder is
    /// swapped in whole, so no per-file atomic rename (or its extra syscalls) is needed.
    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LocatedError("cannot write '\(path)': \(String(cString: strerror(errno)))", at: SourceLocation(file: path, line: 1, column: 1))
        }
        defer { close(fd) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    throw LocatedError("cannot write '\(path)': \(String(cString: strerror(errno)))", at: SourceLocation(file: path, line: 1, column: 1))
                }
                offset += n
            }
        }
    }

    /// The theme's static assets (`Templates/assets/…`) as output files under `assets/`, in name order.
    public static func assets(in templates: String, fileManager fm: FileManager = .default) throws -> [OutputFile] {
        let root = URL(fileURLWithPath: templates).appendingPathComponent("assets")
        guard let walker = fm.enumerator(atPath: root.path) else { return [] }
        var files: [OutputFile] = []
        for case let relative as String in walker {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            guard let data = fm.contents(atPath: url.path) else {
                throw LocatedError("cannot read asset '\(url.path)'", at: SourceLocation(file: url.path, line: 1, column: 1))
            }
            files.append(OutputFile(path: "assets/" + relative, contents: Array(data)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
