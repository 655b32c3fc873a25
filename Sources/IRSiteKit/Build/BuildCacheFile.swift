import Foundation

/// The persistent build cache: what `irsite build` keeps beside the output
/// folder (`.<output>.irsite-cache`, never inside the published site) so that
/// a new process skips the work an unchanged input needs: decoding its period
/// files, loading its release files (front matter, commentary outline, blocks),
/// checking its periods and its releases. Every entry is keyed by the
/// content digests of exactly what it was made from, so an entry is either
/// still right or never looked up.
///
/// The file is a header (a magic line, ``formatVersion``, the `irsite` build
/// identity, the body's length and ``Fingerprint``) and a body of tagged
/// sections. A file that is truncated, altered, from another version or
/// another binary is rejected whole: the build then does the full work.
/// A section of an unknown tag is skipped, so a later version can add one
/// without invalidating the others; changing a section's layout bumps ``formatVersion``.
struct BuildCacheFile: Sendable {
    static let formatVersion = 1
    static let magic = "IRSite build cache\n"

    /// The cache of an output folder: beside it, like its lock.
    static func path(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).irsite-cache")
    }

    /// The key of a decoded content file: its path and its text's digest.
    static func key(path: String, digest: Fingerprint) -> Fingerprint {
        var f = Fingerprint.of(path)
        f.add(digest)
        return f
    }

    /// Decoded period files with the unknown keys they reported, by ``key(path:digest:)``.
    var periods: [Fingerprint: (file: PeriodFile, unknownKeys: [LocatedError])] = [:]
    /// Loaded release files, by ``key(path:digest:)``: what loading one depends on is its text alone.
    var releases: [Fingerprint: BuildCache.StoredRelease] = [:]
    /// The bytes of the period section as read, when ``periods`` is what they hold: an
    /// unchanged section is written back as it was instead of encoded again.
    var periodsSection: [UInt8]?
    /// Each release's check findings, by ``ReleaseCheckMemo/key(_:book:presence:)``.
    var releaseChecks: [Fingerprint: ReleaseCheckMemo.Result] = [:]
    /// Each period's check findings, by ``ReleaseCheckMemo/key(period:book:)``.
    var periodChecks: [Fingerprint: [Diagnostic]] = [:]
    /// Each period file's stat and digest when this cache holds its decoded form, by path:
    /// a next build does not read a file whose stat is the same (``BuildCache/unchangedPeriod(path:stat:)``).
    var stats: [String: StoredStat] = [:]
    /// When the file was written (its modification time, in nanoseconds since 1970), as loaded; nil for a new one.
    var writtenAt: Int64?

    /// A content file's stat and the digest of its text then.
    struct StoredStat: Sendable, Equatable {
        var stat: FileStat
        var digest: Fingerprint
    }

    init() {}

    enum Section: Int {
        case periods = 1, releaseChecks = 2, periodChecks = 3, releases = 4, stats = 5
    }

    /// Why a cache file was not used.
    struct Rejected: Error, CustomStringConvertible {
        var description: String
    }

    /// The whole file, for `identity` (``IRSite/buildIdentity``).
    func encoded(identity: String) -> [UInt8] {
        let (header, body) = parts(identity: identity)
        return header + body
    }

    /// The header (which holds the body's length and digest) and the body, apart, so that
    /// saving writes them one after the other instead of copying the body behind the header.
    func parts(identity: String) -> (header: [UInt8], body: [UInt8]) {
        func section(_ tag: Section, _ write: (inout BinaryWriter) -> Void, into body: inout BinaryWriter) {
            // Each section has its own string table, so a reader can skip one it does not know.
            var w = BinaryWriter()
            write(&w)
            body.int(tag.rawValue)
            body.int(w.bytes.count)
            body.append(w.bytes)
        }
        var body = BinaryWriter()
        if let periodsSection {
            body.int(Section.periods.rawValue)
            body.int(periodsSection.count)
            body.append(periodsSection)
        } else {
            section(.periods, { w in
                w.int(periods.count)
                for (key, entry) in periods.sorted(by: { $0.key.words < $1.key.words }) {
                    w.fingerprint(key)
                    w.periodFile(entry.file, unknownKeys: entry.unknownKeys)
                }
            }, into: &body)
        }
        section(.releaseChecks, { w in
            w.int(releaseChecks.count)
            for (key, result) in releaseChecks.sorted(by: { $0.key.words < $1.key.words }) {
                w.fingerprint(key)
                w.releaseCheck(result)
            }
        }, into: &body)
        section(.periodChecks, { w in
            w.int(periodChecks.count)
            for (key, diagnostics) in periodChecks.sorted(by: { $0.key.words < $1.key.words }) {
                w.fingerprint(key)
                w.diagnostics(diagnostics)
            }
        }, into: &body)
        section(.releases, { w in
            w.int(releases.count)
            for (key, entry) in releases.sorted(by: { $0.key.words < $1.key.words }) {
                w.fingerprint(key)
                w.releaseDecoding(entry.decoding, bodyBytes: entry.bodyBytes)
            }
        }, into: &body)
        section(.stats, { w in
            w.int(stats.count)
            for (path, entry) in stats.sorted(by: { $0.key < $1.key }) {
                w.string(path)
                w.int(Int(entry.stat.size))
                w.int(Int(entry.stat.modified))
                w.int(Int(Int64(bitPattern: entry.stat.inode)))
                w.fingerprint(entry.digest)
            }
        }, into: &body)
        var out = BinaryWriter()
        out.raw(Self.magic)
        out.int(Self.formatVersion)
        out.raw(identity)
        out.int(body.bytes.count)
        out.fingerprint(Fingerprint.of(bytes: body.bytes))
        return (out.bytes, body.bytes)
    }

    /// Reads a cache file's bytes; throws ``Rejected`` unless they are whole, intact and this binary's.
    init(decoding bytes: [UInt8], identity: String) throws {
        var r = BinaryReader(bytes)
        do {
            guard try r.raw() == Self.magic else { throw Rejected(description: "not an irsite build cache") }
            guard try r.int() == Self.formatVersion else { throw Rejected(description: "written by another version of irsite") }
            guard try r.raw() == identity else { throw Rejected(description: "written by another irsite binary") }
            let length = try r.int(), checksum = try r.fingerprint()
            guard r.remaining == length else { throw Rejected(description: "truncated or extended") }
            guard r.restDigest == checksum else { throw Rejected(description: "its contents do not match their checksum") }
            // The body and its sections are read in place: a 13 MB cache is not copied three times.
            var b = BinaryReader(bytes, from: r.offset)
            while !b.isAtEnd {
                let tag = try b.int(), size = try b.count()
                let start = b.offset
                var s = BinaryReader(bytes, from: start, to: start + size)
                try b.skip(size)
                switch Section(rawValue: tag) {
                case .periods:
                    for _ in 0..<(try s.count()) { periods[try s.fingerprint()] = try s.periodFile() }
                    periodsSection = Array(bytes[start..<start + size])
                case .releaseChecks:
                    for _ in 0..<(try s.count()) { releaseChecks[try s.fingerprint()] = try s.releaseCheck() }
                case .periodChecks:
                    for _ in 0..<(try s.count()) { periodChecks[try s.fingerprint()] = try s.diagnostics() }
                case .releases:
                    for _ in 0..<(try s.count()) { releases[try s.fingerprint()] = try s.releaseDecoding() }
                case .stats:
                    for _ in 0..<(try s.count()) {
                        let path = try s.string()
                        let stat = FileStat(size: Int64(try s.int()), modified: Int64(try s.int()), inode: UInt64(bitPattern: Int64(try s.int())))
                        stats[path] = StoredStat(stat: stat, digest: try s.fingerprint())
                    }
                case nil:
                    continue
                }
                guard s.isAtEnd else { throw Rejected(description: "a section is longer than what it holds") }
            }
        } catch let error as Rejected {
            throw error
        } catch {
            throw Rejected(description: "it cannot be read")
        }
    }

    /// The cache at `url` when it is this binary's and intact; else nil and, when there was a file, why it was not used.
    static func load(from url: URL, identity: String = IRSite.buildIdentity) -> (BuildCacheFile?, rejected: String?) {
        // Taken before reading: a cache replaced meanwhile is only ever judged older than it is.
        let written = FileStat(path: url.path)?.modified
        guard let bytes = readBytes(url.path) else { return (nil, nil) }
        do {
            var file = try BuildCacheFile(decoding: bytes, identity: identity)
            file.writtenAt = written
            return (file, nil)
        } catch {
            return (nil, "\(error)")
        }
    }

    /// Writes the cache to `url` atomically: a temporary file beside it, then a rename,
    /// so a reader sees the old file or the new one, never half of one.
    func save(to url: URL, identity: String = IRSite.buildIdentity) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let (header, body) = parts(identity: identity)
        do {
            try Self.writeBytes([header, body], to: temporary.path)
        } catch {
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw EnvironmentError("cannot write the build cache '\(url.path)': \(reason)")
        }
    }

    /// The bytes of the file at `path` straight into an array (no `Data` to copy from); nil when it cannot be read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else {
                    failed = n < 0
                    break
                }
                count += n
            }
        }
        // A file that shrank while read comes back short: its checksum then rejects it.
        return failed ? nil : bytes
    }

    /// Writes `chunks` one after the other into a new file at `path`.
    static func writeBytes(_ chunks: [[UInt8]], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EnvironmentError("cannot write the build cache '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        for chunk in chunks {
            try chunk.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { throw EnvironmentError("cannot write the build cache '\(path)': \(String(cString: strerror(errno)))") }
                    done += n
                }
            }
        }
    }
}
