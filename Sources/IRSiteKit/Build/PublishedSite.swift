/// What a build publishes at its "now", worked out once from the checked site: the
/// visible site (``Publication/visibleSite(_:_:)``), the releases shown only in a
/// preview, the visible site's fact book, and each release's charts resolved
/// against it. This is the build's one chart resolution: the pages, the summaries,
/// the home page and the standalone chart files draw these charts, and `irsite
/// check` reports the same findings a build with the same options would.
struct PublishedSite: Sendable {
    var site: Site
    /// Releases shown although not published (preview builds only), with why.
    var unpublished: [FiscalPeriod: ReleaseStatus]
    var book: FactBook
    /// Each visible release's charts, drawing only published figures.
    var charts: [FiscalPeriod: [ReleaseChart]]
    /// Chart findings on the published site that the checks of the whole site did not
    /// make: a published release's chart that needs a period still held back.
    var diagnostics: [Diagnostic]

    /// - Parameter known: the checks' findings, which are not repeated.
    init(checked: FactBook, options: PublicationOptions, known: [Diagnostic]) {
        (site, unpublished) = Publication.visibleSite(checked.site, options)
        // When nothing is held back, the published site's figures are the checked ones.
        book = FactBook(site: site, sharingValuesOf: checked)
        var charts: [FiscalPeriod: [ReleaseChart]] = [:]
        var found: [Diagnostic] = []
        for release in site.releases {
            let resolved = ReleaseCharts.resolve(release, book: book)
            charts[release.period] = resolved.charts
            found += resolved.diagnostics
        }
        let seen = Set(known.map(\.description))
        diagnostics = found.filter { !seen.contains($0.description) }
            .map { Diagnostic($0.severity, $0.message + " in the site published at this time: its release is not out yet", at: $0.location) }
        self.charts = charts
    }
}
