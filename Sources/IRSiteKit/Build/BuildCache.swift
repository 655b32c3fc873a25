import Foundation
import Synchronization

/// What a build reuses from earlier builds: each content file's decoded form, by
/// path and text, so a rebuild decodes only the files that changed, and each
/// period's and release's check findings, by the digests of what they read.
/// The preview server keeps one between its rebuilds; a one-off `irsite build`
/// starts from the persistent cache beside the output (``BuildCacheFile``) and
/// leaves the entries it used there for the next process.
public final class BuildCache: Sendable {
    /// A content file's text, as a table key: how a long-lived process remembers digests.
    struct FileKey: Hashable, Sendable {
        var path: String
        var content: TextKey
        var text: String { content.text }

        init(path: String, text: String) {
            self.path = path
            content = TextKey(text)
        }
    }

    /// Decoded period files, by ``BuildCacheFile/key(path:digest:)``.
    let periods = Memo<Fingerprint, Result<(PeriodFile, [LocatedError]), any Error>>(limit: 50_000)
    /// Loaded release files, by ``BuildCacheFile/key(path:digest:)``.
    let releases = Memo<Fingerprint, ReleaseDecoding>(limit: 50_000)
    let releaseChecks = Memo<Fingerprint, ReleaseCheckMemo.Result>(limit: 50_000, tracksUse: true)
    /// Each period's check findings, by ``ReleaseCheckMemo/key(period:book:)``.
    let periodChecks = Memo<Fingerprint, [Diagnostic]>(limit: 50_000, tracksUse: true)
    /// Decoded period files read from a persistent cache, by ``BuildCacheFile/key(path:digest:)``:
    /// the loader takes one instead of decoding its file (``period(path:digest:_:)``).
    let storedPeriods: [Fingerprint: (file: PeriodFile, unknownKeys: [LocatedError])]
    /// Loaded release files read from a persistent cache, by ``BuildCacheFile/key(path:digest:)``.
    let storedReleases: [Fingerprint: StoredRelease]
    /// The period section as read, written back unchanged when the same period files are kept.
    let storedPeriodsSection: [UInt8]?
    /// Each period file's stat and digest as the persistent cache kept them, by path.
    let storedStats: [String: BuildCacheFile.StoredStat]
    /// When the persistent cache was written (nanoseconds since 1970); nil without one.
    let storedAt: Int64?
    /// Each file's digest by its text, in a long-lived process, where most texts are
    /// the same objects build after build; nil in a one-off build, which hashes each text once.
    let digests: Memo<FileKey, Fingerprint>?
    /// The periods of the last build, in a long-lived process (``ResolvedPeriods``).
    let lastPeriods = Mutex<ResolvedPeriods?>(nil)

    struct ReleaseDecoding: Sendable {
        var release: Result<Release?, any Error>
        var diagnostics: [Diagnostic]
    }

    /// A ``ReleaseDecoding`` as the persistent cache holds it: without the body
    /// when that is the tail of the file (``restored(text:)`` takes it from there).
    struct StoredRelease: Sendable {
        var decoding: ReleaseDecoding
        /// How many UTF-8 bytes at the end of the file are the body; nil when the decoding holds it.
        var bodyBytes: Int?

        func restored(text: String) -> ReleaseDecoding {
            guard let bodyBytes, case .success(var release?) = decoding.release else { return decoding }
            let utf8 = text.utf8
            release.document.body = bodyBytes <= utf8.count ? String(Substring(utf8.suffix(bodyBytes))) : ""
            return ReleaseDecoding(release: .success(release), diagnostics: decoding.diagnostics)
        }
    }

    /// A cache for a long-lived process (the preview server).
    public init() {
        storedPeriods = [:]
        storedReleases = [:]
        storedPeriodsSection = nil
        storedStats = [:]
        storedAt = nil
        digests = Memo(limit: 50_000)
    }

    /// A cache for one build that starts from what a previous process kept, if anything.
    init(persisted file: BuildCacheFile?) {
        storedPeriods = file?.periods ?? [:]
        storedReleases = file?.releases ?? [:]
        storedPeriodsSection = file?.periodsSection
        storedStats = file?.stats ?? [:]
        storedAt = file?.writtenAt
        digests = nil
        for (key, result) in file?.releaseChecks ?? [:] { releaseChecks.insert(result, for: key) }
        for (key, findings) in file?.periodChecks ?? [:] { periodChecks.insert(findings, for: key) }
    }
}

/// Remembers each release's check findings between builds of a long-lived
/// process, keyed by the digest of all they read: the release file, site.yaml and
/// the layouts, which periods exist, and the facts of every period the release
/// prints or draws (and those they are computed from).
public struct ReleaseCheckMemo: Sendable {
    public let cache: BuildCache
    /// Content digests of the site being checked (``SiteDigests/content(files:site:fileDigests:)``).
    public let digests: SiteDigests

    public init(cache: BuildCache, digests: SiteDigests) {
        self.cache = cache
        self.digests = digests
    }

    struct Printed: Sendable {
        var period: FiscalPeriod
        var layout: String
    }

    struct Result: Sendable {
        var diagnostics: [Diagnostic]
        var printed: [Printed]
        var unpacked: (diagnostics: [Diagnostic], printed: [(FiscalPeriod, String)]) { (diagnostics, printed.map { ($0.period, $0.layout) }) }
    }

    func key(_ release: Release, book: FactBook, presence: Fingerprint) -> Fingerprint {
        var f = digests.global
        f.add(release.file)
        f.add(digests.releases[release.period] ?? .of(release.body))
        f.add(presence)
        let p = release.period
        var shown = [p, p.priorYear, p.priorQuarter]
        // Periods a chart names outright; the chart's own checks read them.
        for block in release.document.charts {
            if let spec = try? block.spec.get() {
                shown += (spec.periods ?? []).compactMap { FiscalPeriod($0.value) }
            }
        }
        f.add(digests.periods(shown, book: book))
        return f
    }
}

extension ReleaseCheckMemo {
    /// What one period's checks read (``SiteChecks/period(_:_:)``): site.yaml and the
    /// layouts, the period itself, and the facts (or absence) of its prior year and
    /// prior quarter and of every period their figures are computed from. Editing
    /// a neighbour therefore runs the period's checks again.
    func key(period p: FiscalPeriod, book: FactBook) -> Fingerprint {
        var f = digests.global
        f.add("period \(p.id)")
        f.add(digests.periods([p, p.priorYear, p.priorQuarter], book: book))
        return f
    }
}

extension BuildCache {
    /// What a next process can reuse of this build: the decoded period and release
    /// files of `files` (by their `digests`, ``fileDigests(_:)``) and the check
    /// findings this build used (nothing stale is carried on).
    func persistable(_ files: ContentFiles, digests: [String: Fingerprint]) -> BuildCacheFile {
        var out = BuildCacheFile()
        for file in files.periods {
            guard let digest = digests[file.path] else { continue }
            let key = BuildCacheFile.key(path: file.path, digest: digest)
            guard case .success(let decoded)? = periods.peek(key) else { continue }
            out.periods[key] = (decoded.0, decoded.1)
            if let stat = file.stat { out.stats[file.path] = BuildCacheFile.StoredStat(stat: stat, digest: digest) }
        }
        for file in files.releases {
            guard let digest = digests[file.path] else { continue }
            let key = BuildCacheFile.key(path: file.path, digest: digest)
            guard let decoded = releases.peek(key) else { continue }
            out.releases[key] = StoredRelease(decoding: decoded, bodyBytes: Self.bodyBytes(decoded, text: file.text))
        }
        // Entries are keyed by content digest: the same keys, the same entries, the same bytes.
        if out.periods.count == storedPeriods.count, out.periods.keys.allSatisfy({ storedPeriods[$0] != nil }) {
            out.periodsSection = storedPeriodsSection
        }
        out.releaseChecks = releaseChecks.usedEntries()
        out.periodChecks = periodChecks.usedEntries()
        return out
    }

    /// How many bytes at the end of `text` are the decoded release's body, when it is
    /// its tail (not for a file with CR line ends, whose body loses them).
    static func bodyBytes(_ decoded: ReleaseDecoding, text: String) -> Int? {
        guard case .success(let release?) = decoded.release else { return nil }
        var body = release.document.body, text = text
        return body.withUTF8 { b -> Int? in
            text.withUTF8 { t -> Int? in
                guard b.count <= t.count else { return nil }
                return b.count == 0 || memcmp(b.baseAddress!, t.baseAddress! + (t.count - b.count), b.count) == 0 ? b.count : nil
            }
        }
    }

    /// Each content file's digest; a long-lived process remembers them by text so that a rebuild hashes only changed files.
    func fileDigests(_ files: ContentFiles) -> [String: Fingerprint] {
        guard let digests else { return SiteDigests.fileDigests(files) }
        return SiteDigests.fileDigests(files) { file in
            file.knownDigest ?? digests.value(for: FileKey(path: file.path, text: file.text)) { Fingerprint.of($0.text) }
        }
    }

    /// Seconds before the cache was written that a file must have been last changed for
    /// its stat to be trusted: a file changed within them may have changed again since,
    /// with the same size and a modification time the file system cannot tell apart.
    static let racyNanoseconds: Int64 = 2_000_000_000

    /// The digest of the period file at `path`, without reading it, when the persistent
    /// cache kept the same `stat` for it, the file was last changed more than
    /// ``racyNanoseconds`` before the cache was written, and the cache holds its decoded
    /// form; else nil, and the file is read.
    func unchangedPeriod(path: String, stat: FileStat) -> Fingerprint? {
        guard let storedAt, let known = storedStats[path], known.stat == stat, stat.modified < storedAt - Self.racyNanoseconds,
              storedPeriods[BuildCacheFile.key(path: path, digest: known.digest)] != nil else { return nil }
        return known.digest
    }

    /// The decoded period file at `path` whose text has `digest`: remembered, read from the persistent cache, or `decode()`d.
    func period(path: String, digest: Fingerprint, _ decode: () -> Result<(PeriodFile, [LocatedError]), any Error>)
        -> Result<(PeriodFile, [LocatedError]), any Error> {
        periods.value(for: BuildCacheFile.key(path: path, digest: digest)) { key in storedPeriods[key].map { .success(($0.file, $0.unknownKeys)) } ?? decode() }
    }

    /// The loaded release file at `path` (its `text`, whose digest is `digest`): remembered, read from the persistent cache, or `decode()`d.
    func release(path: String, digest: Fingerprint, text: String, _ decode: () -> ReleaseDecoding) -> ReleaseDecoding {
        releases.value(for: BuildCacheFile.key(path: path, digest: digest)) { key in storedReleases[key].map { $0.restored(text: text) } ?? decode() }
    }
}
