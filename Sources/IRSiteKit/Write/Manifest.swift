import Foundation

/// What the previous build wrote: for each output file, the fingerprint of its
/// inputs (when it has one) and of its bytes. Kept as `.irsite-manifest` in the
/// output folder; one line per file, `path TAB inputs TAB content`, sorted.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// Hex digest of the inputs, or "" for a file that is always made.
        public var inputs: String
        /// Hex digest of the bytes written ("" for a copied attachment).
        public var content: String
    }

    public static let fileName = ".irsite-manifest"
    static let header = "irsite-manifest 1"

    public var entries: [String: Entry] = [:]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The manifest of the output folder, or nil when there is none or it is not one we can trust.
    public static func read(from output: String) -> Manifest? { (try? load(from: output)) ?? nil }

    /// The manifest of the output folder; nil when there is none. Throws, at its
    /// line, when the file is not a manifest or names a path that is not a plain
    /// relative path inside the output folder (`../`, absolute, empty or `.`/`..`
    /// segments, backslashes, NUL): a forged manifest must never make a build
    /// remove or keep a file it did not write.
    public static func load(from output: String) throws -> Manifest? {
        let file = output + "/" + fileName
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        func fail(_ why: String, line: Int) -> LocatedError {
            LocatedError(why, at: SourceLocation(file: file, line: line, column: 1))
        }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("the manifest is not UTF-8", line: 1) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header) else { throw fail("the manifest does not start with '\(header)'", line: 1) }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3 else { throw fail("a manifest line has \(parts.count) fields, not 3", line: index + 1) }
            let path = String(parts[0])
            guard (try? SiteWriter.validate(path)) != nil else {
                throw fail("the manifest names '\(path.debugDescription.dropFirst().dropLast())', which is not a path inside the output folder", line: index + 1)
            }
            entries[path] = Entry(inputs: String(parts[1]), content: String(parts[2]))
        }
        return Manifest(entries: entries)
    }

    /// The manifest as written to disk.
    public var text: String {
        var out = Self.header + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out += path + "\t" + entry.inputs + "\t" + entry.content + "\n"
        }
        return out
    }
}
