extension SiteChecks {
    /// Every chart id in `summary.charts` must be drawn by some release: an id no
    /// release draws is a typo, and the summaries would silently leave it out.
    static func summaryCharts(_ site: Site) -> [Diagnostic] {
        let entries = site.settings.summary.chartEntries
        guard !entries.isEmpty else { return [] }
        var drawn: Set<String> = []
        for release in site.releases {
            for block in release.document.charts {
                // A block that does not decode is reported by the release's own checks,
                // and might be the chart named: then nothing can be said here.
                guard let spec = try? block.spec.get() else { return [] }
                drawn.insert(spec.id?.value ?? FinancialCalendar.slugify(spec.title))
            }
        }
        return entries.filter { !drawn.contains($0.value) }.map { entry in
            Diagnostic(.error, "summary.charts names '\(entry.value)', which no release draws\(Suggestion.didYouMean(entry.value, drawn))", at: entry.location)
        }
    }
}
