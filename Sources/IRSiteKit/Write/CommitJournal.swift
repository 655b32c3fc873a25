import Foundation

/// What a build's commit is about to do to the output folder, written beside it
/// (`.<name>.irsite-journal`) before the first change and removed after the
/// last. A commit that fails part-way is undone at once; one cut short by a
/// killed process leaves the journal behind, and the next build, holding the
/// output lock, finishes it before doing anything else.
struct CommitJournal: Codable, Equatable, Sendable {
    enum Kind: String, Codable, Sendable {
        /// The staging folder replaces the output folder whole (a full build).
        case swap
        /// The staging folder's `moves` move into the output folder, the files
        /// they replace and the `stale` ones move aside into the `previous`
        /// folder, and `manifest` is written last (an incremental build).
        case update
    }

    var kind: Kind
    /// Names, in the output folder's parent, of this build's staging folder and
    /// of the folder that keeps what the commit replaces until it is done.
    var staging: String
    var previous: String
    var moves: [String] = []
    var stale: [String] = []
    var manifest: String = ""

    /// Renames a file or folder; a test passes one that fails part-way.
    typealias Move = (_ source: String, _ destination: String) throws -> Void

    /// The journal of an output folder.
    static func path(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).irsite-journal")
    }

    /// Writes the journal through a temporary file, so it is whole or absent.
    func write(for target: URL) throws {
        let file = Self.path(for: target)
        let partial = file.path + ".partial"
        try SiteWriter.writeFile(Array(try JSONEncoder().encode(self)), to: partial)
        try Self.rename(partial, file.path)
    }

    /// The journal left by a commit cut short, or nil. A journal that cannot be
    /// read or names anything outside the output folder is not followed.
    static func read(for target: URL) -> CommitJournal? {
        guard let data = FileManager.default.contents(atPath: path(for: target).path),
              let journal = try? JSONDecoder().decode(CommitJournal.self, from: data) else { return nil }
        let name = target.lastPathComponent
        guard journal.staging.hasPrefix(".\(name).staging-"), journal.previous.hasPrefix(".\(name).previous-"),
              !journal.staging.contains("/"), !journal.previous.contains("/"),
              (journal.moves + journal.stale).allSatisfy({ (try? SiteWriter.validate($0)) != nil }) else { return nil }
        return journal
    }

    /// `rename(2)`, as a located error.
    static func rename(_ source: String, _ destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else {
            throw LocatedError("cannot move '\(source)' to '\(destination)': \(String(cString: strerror(errno)))",
                               at: SourceLocation(file: destination, line: 1, column: 1))
        }
    }

    /// The staging folder, the folder the replaced output goes aside to, and the output itself.
    private func folders(beside target: URL) -> (staged: String, old: String, out: String) {
        let parent = target.deletingLastPathComponent()
        return (parent.appendingPathComponent(staging).path, parent.appendingPathComponent(previous).path, target.path)
    }

    private func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Carries out the commit. Each step looks at the disk first, so running it
    /// again on a commit carried out in part finishes it.
    func apply(to target: URL, move: Move = CommitJournal.rename) throws {
        let fm = FileManager.default
        let (staged, old, out) = folders(beside: target)
        func folder(of path: String) throws {
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        switch kind {
        case .swap:
            if exists(staged) {
                if exists(out) {
                    if exists(old) { try fm.removeItem(atPath: old) }
                    try move(out, old)
                }
                do {
                    try move(staged, out)
                } catch {
                    if !exists(out), exists(old) { try? Self.rename(old, out) }
                    throw error
                }
            } else if !exists(out), exists(old) {
                // Nothing to swap in: the old output goes back.
                try move(old, out)
            }
            try? fm.removeItem(atPath: old)
        case .update:
            let manifestPath = "/" + Manifest.fileName
            if exists(out + manifestPath) {
                try folder(of: old + manifestPath)
                try move(out + manifestPath, old + manifestPath)
            }
            for path in moves where exists(staged + "/" + path) {
                try folder(of: out + "/" + path)
                if exists(out + "/" + path) {
                    try folder(of: old + "/" + path)
                    try move(out + "/" + path, old + "/" + path)
                }
                try move(staged + "/" + path, out + "/" + path)
            }
            for path in stale where exists(out + "/" + path) {
                try folder(of: old + "/" + path)
                try move(out + "/" + path, old + "/" + path)
            }
            removeEmptyFolders(of: stale, in: out)
            let partial = old + "/.irsite-manifest.new"
            try folder(of: partial)
            try SiteWriter.writeFile(Array(manifest.utf8), to: partial)
            try move(partial, out + manifestPath)
            try? fm.removeItem(atPath: old)
            try? fm.removeItem(atPath: staged)
        }
        unlink(Self.path(for: target).path)
    }

    /// Undoes an update that failed part-way, from what is on the disk: the new
    /// files go back to the staging folder, the replaced and stale ones and the
    /// old manifest come back, and the journal goes. Throws if it cannot.
    func rollBack(_ target: URL) throws {
        let fm = FileManager.default
        let (staged, old, out) = folders(beside: target)
        func restore(_ path: String) throws {
            guard exists(old + "/" + path) else { return }
            try fm.createDirectory(atPath: ((out + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Self.rename(old + "/" + path, out + "/" + path)
        }
        if kind == .update {
            for path in moves {
                if !exists(staged + "/" + path), exists(out + "/" + path) { try Self.rename(out + "/" + path, staged + "/" + path) }
                try restore(path)
            }
            removeEmptyFolders(of: moves, in: out)
            for path in stale { try restore(path) }
            try restore(Manifest.fileName)
        }
        try? fm.removeItem(atPath: old)
        unlink(Self.path(for: target).path)
    }

    /// Removes the folders of `paths` that are left empty, deepest first.
    private func removeEmptyFolders(of paths: [String], in out: String) {
        var folders: Set<String> = []
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(out + "/" + folder) }
    }

    /// Before a build: finishes a commit cut short, restores an output folder
    /// left aside, and removes staging folders of builds that were killed (the
    /// caller holds the output lock, so no live build owns them).
    static func recover(_ target: URL) throws {
        let fm = FileManager.default
        if let journal = read(for: target) { try journal.apply(to: target) }
        unlink(path(for: target).path)
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let leftovers = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        if access(target.path, F_OK) != 0, let aside = leftovers.first(where: { $0.hasPrefix(".\(name).previous-") }),
           access(parent.appendingPathComponent(aside).path + "/" + SiteWriter.Staging.marker, F_OK) == 0 {
            try Self.rename(parent.appendingPathComponent(aside).path, target.path)
        }
        for entry in leftovers where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).previous-") || entry == ".\(name).irsite-journal.partial" {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
