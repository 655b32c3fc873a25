import Foundation

/// Writes a built site atomically: every file goes into a staging folder
/// beside the output folder, which replaces the output folder only once all
/// were written. A failure removes the staging folder and leaves the previous
/// output exactly as it was.
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

    /// Writes `files` as the new content of `output`.
    public static func write(_ files: [OutputFile], to output: String, fileManager fm: FileManager = .default) throws {
        let paths = files.map(\.path)
        for p in paths { try validate(p) }
        if let duplicate = Dictionary(grouping: paths, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw LocatedError("two pages would be written to '\(duplicate)'", at: SourceLocation(file: duplicate, line: 1, column: 1))
        }
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging-\(token)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(token)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard fm.createFile(atPath: url.path, contents: Data(file.contents)) else {
                    throw LocatedError("cannot write '\(url.path)'", at: SourceLocation(file: url.path, line: 1, column: 1))
                }
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        // Swap: two renames on the same file system; the old output is removed last.
        let hadOutput = fm.fileExists(atPath: target.path)
        do {
            if hadOutput { try fm.moveItem(at: target, to: previous) }
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                if hadOutput { try? fm.moveItem(at: previous, to: target) }
                throw error
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        if hadOutput { try? fm.removeItem(at: previous) }
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
