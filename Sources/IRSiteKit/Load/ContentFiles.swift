import Foundation

/// The raw text of every content file, read once. Loading is the only stage
/// that reads the disk; everything after works on this value.
public struct ContentFiles: Sendable {
    public struct File: Sendable {
        /// The path as diagnostics print it (`Content/periods/2001-q2.yaml`).
        public var path: String
        /// The file name without extension (`2001-q2`).
        public var stem: String
        public var text: String
        /// Its stat before it was read (nil when not taken): the persistent cache keeps it.
        public var stat: FileStat?
        /// Set when the file was not read because the persistent cache knew it
        /// (``ContentFiles/read(from:unchanged:)``): its digest, and `text` is empty.
        public var knownDigest: Fingerprint?

        /// A file that was not read: `stat` matched the one the cache kept with `digest`.
        public init(path: String, stat: FileStat, digest: Fingerprint) {
            self.init(path: path, text: "")
            self.stat = stat
            knownDigest = digest
        }

        public init(path: String, text: String) {
            self.path = path
            // Windows line ends read like Unix ones, so lines and columns agree everywhere.
            self.text = Self.hasCarriageReturn(text) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
            let name = path.split(separator: "/").last.map(String.init) ?? path
            stem = name.split(separator: ".").first.map(String.init) ?? name
        }

        /// Whether `text` holds a CR, found with `memchr` (a generic search of its UTF-8 was a tenth of an incremental build's reading).
        static func hasCarriageReturn(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        }
    }

    /// A file in a release's folder besides its commentary (``IRSiteKit/Attachment``).
    public typealias Attachment = IRSiteKit.Attachment

    public var root: String
    public var site: File?
    /// Release file path → the other files in its release folder.
    public var attachments: [String: [Attachment]] = [:]
    public var layouts: [File]
    public var periods: [File]
    public var releases: [File]

    public init(root: String, site: File?, layouts: [File], periods: [File], releases: [File]) {
        self.root = root
        self.site = site
        self.layouts = layouts
        self.periods = periods
        self.releases = releases
    }

    /// Reads `site.yaml`, `statements/*.yaml`, `periods/*.yaml` and the releases
    /// (`releases/*.md`, or `releases/<folder>/<one>.md` beside its attachments)
    /// under `root`, in name order. A missing folder reads as empty; the
    /// loader reports what is missing with its location.
    /// - Parameter unchanged: given a period file's path and stat, its digest when the
    ///   persistent cache knows the file unchanged (``BuildCache/unchangedPeriod(path:stat:)``):
    ///   the file is then not read. Only period files are skipped: a release's body is
    ///   sliced from its text, which pages need.
    public static func read(from root: String, unchanged: ((String, FileStat) -> Fingerprint?)? = nil) throws -> ContentFiles {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LocatedError("content folder '\(root)' does not exist", at: SourceLocation(file: root, line: 1, column: 1))
        }
        func path(_ relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }
        // Resolved once: a content file is read only when its own resolved path is under it.
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
        /// `p` with every link resolved; `resolvedFolder` is its folder's, resolved once for the
        /// folder: a file that is not itself a link lies in its folder's resolved path.
        func resolve(_ p: String, in resolvedFolder: String?) -> String {
            var info = stat()
            if let resolvedFolder, lstat(p, &info) == 0, info.st_mode & S_IFMT != S_IFLNK, let name = p.split(separator: "/").last {
                return resolvedFolder + "/" + name
            }
            return URL(fileURLWithPath: p).resolvingSymlinksInPath().standardizedFileURL.path
        }
        func checkInside(_ p: String, resolvedFolder: String?) throws {
            // A link out of the folder (to /proc/self/environ, say) would be read and quoted in
            // diagnostics, like an attachment link would be copied: refuse both.
            let resolved = resolve(p, in: resolvedFolder)
            guard resolved.hasPrefix(resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/") else {
                throw LocatedError("'\(p)' is a symbolic link to a file outside the content folder; content files must be inside it",
                                   at: SourceLocation(file: p, line: 1, column: 1))
            }
        }
        func text(_ p: String, resolvedFolder: String? = nil) throws -> String {
            try checkInside(p, resolvedFolder: resolvedFolder)
            guard let data = fm.contents(atPath: p) else {
                throw LocatedError("cannot read '\(p)'", at: SourceLocation(file: p, line: 1, column: 1))
            }
            guard let s = String(data: data, encoding: .utf8) else {
                throw LocatedError("'\(p)' is not UTF-8 text", at: SourceLocation(file: p, line: 1, column: 1))
            }
            return s
        }
        func folder(_ name: String, _ ext: String, unchanged: ((String, FileStat) -> Fingerprint?)? = nil) throws -> [File] {
            let dir = path(name)
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { return [] }
            let resolvedDir = URL(fileURLWithPath: dir).resolvingSymlinksInPath().standardizedFileURL.path
            // `.yml` is read like `.yaml`: a file must never be skipped silently.
            let extensions = ext == "yaml" ? ["yaml", "yml"] : [ext]
            return try names.filter { n in extensions.contains { n.hasSuffix("." + $0) } && !n.hasPrefix(".") }.sorted().map { name in
                let p = dir + "/" + name
                guard let unchanged else { return File(path: p, text: try text(p, resolvedFolder: resolvedDir)) }
                // Taken before reading: a file changed while read keeps an older stat, which the next build finds stale.
                let info = FileStat(path: p)
                if let info, let digest = unchanged(p, info) {
                    try checkInside(p, resolvedFolder: resolvedDir)
                    return File(path: p, stat: info, digest: digest)
                }
                var file = File(path: p, text: try text(p, resolvedFolder: resolvedDir))
                file.stat = info
                return file
            }
        }
        let sitePath = path("site.yaml")
        let site = fm.fileExists(atPath: sitePath) ? File(path: sitePath, text: try text(sitePath)) : nil
        var releases = try folder("releases", "md")
        var attachments: [String: [Attachment]] = [:]
        let releasesDir = path("releases")
        for name in ((try? fm.contentsOfDirectory(atPath: releasesDir)) ?? []).sorted() where !name.hasPrefix(".") {
            let dir = releasesDir + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { continue }
            let entries = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            let markdown = entries.filter { $0.hasSuffix(".md") }
            guard markdown.count == 1 else {
                throw LocatedError("a release folder holds exactly one .md file (the release) and its attachments; '\(dir)' has \(markdown.count)",
                                   at: SourceLocation(file: dir, line: 1, column: 1))
            }
            let releasePath = dir + "/" + markdown[0]
            releases.append(File(path: releasePath, text: try text(releasePath)))
            attachments[releasePath] = try entries.filter { !$0.hasSuffix(".md") }.map { entry in
                let p = dir + "/" + entry
                let attributes = try fm.attributesOfItem(atPath: p)
                guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
                    throw LocatedError("an attachment must be a regular file: '\(p)'", at: SourceLocation(file: p, line: 1, column: 1))
                }
                return Attachment(name: entry, path: p, size: (attributes[.size] as? NSNumber)?.intValue ?? 0)
            }
        }
        var files = ContentFiles(root: root, site: site, layouts: try folder("statements", "yaml"),
                                 periods: try folder("periods", "yaml", unchanged: unchanged), releases: releases)
        files.attachments = attachments
        return files
    }
}
