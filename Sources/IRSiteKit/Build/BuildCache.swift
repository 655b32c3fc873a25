/// What a long-lived process (the preview server) keeps between builds: each
/// content file's decoded form, by path and text, so a rebuild decodes only the
/// files that changed. A one-off build does without: the keys would cost more
/// than they save.
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
    let releaseChecks = Memo<Fingerprint, ReleaseCheckMemo.Result>(limit: 50_000)
    let digests = Memo<FileKey, Fingerprint>(limit: 50_000)

    struct ReleaseDecoding: Sendable {
        var release: Result<Release?, any Error>
        var diagnostics: [Diagnostic]
    }

    public init() {}
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

extension BuildCache {
    /// Each content file's digest, remembered by its text so that a rebuild hashes only changed files.
    func fileDigests(_ files: ContentFiles) -> [String: Fingerprint] {
        SiteDigests.fileDigests(files) { file in self.digests.value(for: FileKey(path: file.path, text: file.text)) { Fingerprint.of($0.text) } }
    }
}
