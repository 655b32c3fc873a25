/// The charts one build draws, each drawn once for the first page or file that
/// shows it, handed to the others and forgotten after the last: a release's page,
/// its summary, the home page and the standalone `.svg` file share one drawing.
/// Owned by the build (``PageRenderer`` makes one and ``PublishedFiles`` is given
/// it), so nothing outlives the build.
public final class ChartDrawings: Sendable {
    private let handover = Handover<String, ReleaseChart.Drawn>()
    /// How many pages and files show each chart, by the chart's file (unique in a build).
    private let uses: [String: Int]
    /// The words the charts are drawn with.
    private let strings: Translations

    /// - Parameter uses: how many users each chart has; a chart not listed is drawn for each user.
    init(uses: [String: Int], strings: Translations) {
        self.uses = uses
        self.strings = strings
    }

    /// The pages and files of a build that show each of `charts`: its release's page and
    /// its standalone file, the summary for each time `summary.charts` names it, the home
    /// page if it is a home chart of the latest release.
    convenience init(charts: [FiscalPeriod: [ReleaseChart]], site: Site, strings: Translations) {
        var uses: [String: Int] = [:]
        for release in site.releases {
            let shown = charts[release.period] ?? []
            for chart in shown { uses[chart.file, default: 0] += 2 }
            for id in site.settings.summary.charts {
                if let chart = shown.first(where: { $0.id == id }) { uses[chart.file, default: 0] += 1 }
            }
        }
        if let latest = site.releases.first {
            for chart in charts[latest.period] ?? [] where chart.home { uses[chart.file, default: 0] += 1 }
        }
        self.init(uses: uses, strings: strings)
    }

    /// `chart` drawn: by this call if it is the first to ask, else as the first drew it.
    public func drawing(of chart: ReleaseChart) -> ReleaseChart.Drawn {
        handover.take(chart.file, uses: uses[chart.file] ?? 1) { chart.draw(strings: strings) }
    }
}
