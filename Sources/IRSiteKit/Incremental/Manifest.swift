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

    /// The manifest of the output folder, or nil when there is none or it is not one we can read.
    public static func read(from output: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: output + "/" + fileName),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(header) else { return nil }
        lines.removeFirst()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            entries[String(parts[0])] = Entry(inputs: String(parts[1]), content: String(parts[2]))
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
