extension ChartEmbedSpec {
    /// The first reference inside a chart block that cannot be what its author meant:
    /// a line or period listed twice, an empty `periods` (a chart of nothing), or a
    /// label for a line the chart does not draw (a typo, or a leftover).
    static func referenceProblem(series: [Located<String>], labels: [String: Located<String>],
                                 periods: Located<[Located<String>]>?) -> LocatedError? {
        var seen: Set<String> = []
        for s in series where !seen.insert(s.value).inserted {
            return LocatedError("'\(s.value)' is already a series of this chart", at: s.location)
        }
        if let periods {
            guard !periods.value.isEmpty else {
                return LocatedError("a chart needs at least one period in 'periods'; leave it out to draw the release's own and its comparisons", at: periods.location)
            }
            var seenPeriods: Set<String> = []
            // 2001-Q2 and 2001-q2 are one period.
            for p in periods.value where !seenPeriods.insert(FiscalPeriod(p.value)?.id ?? p.value).inserted {
                return LocatedError("'\(p.value)' is already a period of this chart", at: p.location)
            }
        }
        for (line, label) in labels.sorted(by: { $0.value.location < $1.value.location }) where !seen.contains(line) {
            return LocatedError("'labels' names '\(line)', which is not a series of this chart\(Suggestion.didYouMean(line, seen))", at: label.location)
        }
        return nil
    }
}
