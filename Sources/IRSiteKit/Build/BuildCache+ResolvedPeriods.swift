import Synchronization

extension BuildCache {
    /// The periods a build resolved, with what resolving them reported, and the
    /// fact book made from them: a long-lived process keeps the last ones, so a
    /// rebuild after a release edit neither resolves the periods nor evaluates
    /// their formulas again.
    struct ResolvedPeriods: Sendable {
        /// ``key(_:digests:)`` of the files they were resolved from.
        var key: Fingerprint
        var periods: [FiscalPeriod: PeriodData]
        var diagnostics: [Diagnostic]
        var referenceDiagnostics: [Diagnostic]
        /// The checked site's fact book, once a build made one from these periods.
        var book: FactBook?

        /// What resolving the periods reads: site.yaml (the fiscal calendar) and the layouts
        /// (lines and formulas), hashed here (they are small and not among the build's file
        /// digests), and every period file by path and digest; nil when a digest is missing.
        static func key(_ files: ContentFiles, digests: [String: Fingerprint]) -> Fingerprint? {
            var f = Fingerprint.of("resolved periods")
            for file in [files.site].compactMap({ $0 }) + files.layouts {
                f.add(file.path)
                f.add(file.text)
            }
            for file in files.periods {
                guard let digest = digests[file.path] else { return nil }
                f.add(BuildCacheFile.key(path: file.path, digest: digest))
            }
            f.add(files.layouts.count)
            f.add(files.periods.count)
            return f
        }
    }

    /// The periods resolved from the files of `key`, if this cache kept them.
    func resolvedPeriods(for key: Fingerprint) -> ResolvedPeriods? {
        lastPeriods.withLock { $0?.key == key ? $0 : nil }
    }

    /// Keeps `resolved` (in a long-lived process only: a one-off build resolves once).
    func remember(_ resolved: ResolvedPeriods) {
        guard digests != nil else { return }
        lastPeriods.withLock { $0 = resolved }
    }

    /// The fact book of `site`, whose periods were resolved from the files of `key`: the
    /// previous build's formula values are taken when it had the same files
    /// (``FactBook/init(site:sharingValuesOf:)`` still compares the facts).
    func factBook(of site: Site, key: Fingerprint?) -> FactBook {
        guard let key, digests != nil else { return FactBook(site: site) }
        let previous = lastPeriods.withLock { $0?.key == key ? $0?.book : nil }
        let book = previous.map { FactBook(site: site, sharingValuesOf: $0) } ?? FactBook(site: site)
        lastPeriods.withLock { if $0?.key == key { $0?.book = book } }
        return book
    }
}
