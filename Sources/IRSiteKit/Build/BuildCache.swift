/// What a build reuses from earlier builds: each content file's decoded form, by
/// path and text, so a rebuild decodes only the files that changed, and each
/// period's and release's check findings, by the digests of what they read.
/// The preview server keeps one between its rebuilds; a one-off `irsite build`
/// starts from the persistent cache beside the output (``BuildCacheFile``) and
/// leaves the entries it used there for the next process.
public final class BuildCache: Sendable {
    struct FileKey: Hashable, Sendable {
        var path: String
        var content: TextKey
        var text: String { content.text }

        init(path: String, text: String) {
            self.path = path
            content = TextKey(text)
        }
    }

    let periods = Memo<FileKey, Result<(PeriodFile, [LocatedError]), any Error>>(limit: 50_000)
    let releases = Memo<FileKey, ReleaseDecoding>(limit: 50_000)
    let releaseChecks = Memo<Fingerprint, ReleaseCheckMemo.Result>(limit: 50_000, tracksUse: true)
    /// Each period's check findings, by ``ReleaseCheckMemo/key(period:book:)``.
    let periodChecks = Memo<Fingerprint, [Diagnostic]>(limit: 50_000, tracksUse: true)
    /// Decoded period files read from a persistent cache, by ``BuildCacheFile/key(path:digest:)``:
    /// offered to the loader once their files' texts are known (``adopt(_:)``).
    let storedPeriods: [Fingerprint: (file: PeriodFile, unknownKeys: [LocatedError])]
    let digests = Memo<FileKey, Fingerprint>(limit: 50_000)

    struct ReleaseDecoding: Sendable {
        var release: Result<Release?, any Error>
        var diagnostics: [Diagnostic]
    }

    public init() {
        storedPeriods = [:]
    }

    /// A cache that starts from what a previous process kept.
    init(persisted file: BuildCacheFile) {
        storedPeriods = file.periods
        for (key, result) in file.releaseChecks { releaseChecks.insert(result, for: key) }
        for (key, findings) in file.periodChecks { periodChecks.insert(findings, for: key) }
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
    /// Hands the loader the stored decoded form of every period file whose text is unchanged.
    func adopt(_ files: ContentFiles) {
        guard !storedPeriods.isEmpty else { return }
        let digests = fileDigests(files)
        for file in files.periods {
            guard let digest = digests[file.path], let stored = storedPeriods[BuildCacheFile.key(path: file.path, digest: digest)] else { continue }
            periods.insert(.success((stored.file, stored.unknownKeys)), for: FileKey(path: file.path, text: file.text))
        }
    }

    /// What a next process can reuse of this build: the decoded period files of
    /// `files` and the check findings this build used (nothing stale is carried on).
    func persistable(_ files: ContentFiles) -> BuildCacheFile {
        var out = BuildCacheFile()
        let digests = fileDigests(files)
        for file in files.periods {
            guard let digest = digests[file.path], case .success(let decoded)? = periods.peek(FileKey(path: file.path, text: file.text)) else { continue }
            out.periods[BuildCacheFile.key(path: file.path, digest: digest)] = (decoded.0, decoded.1)
        }
        out.releaseChecks = releaseChecks.usedEntries()
        out.periodChecks = periodChecks.usedEntries()
        return out
    }

    /// Each content file's digest, remembered by its text so that a rebuild hashes only changed files.
    func fileDigests(_ files: ContentFiles) -> [String: Fingerprint] {
        SiteDigests.fileDigests(files) { file in self.digests.value(for: FileKey(path: file.path, text: file.text)) { Fingerprint.of($0.text) } }
    }
}
