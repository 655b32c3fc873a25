import Foundation

/// The words and the table behind a chart, generated from its data: what the
/// SVG's `<desc>` says and what the page can print beside the chart.
enum ChartNarrative {
    static func description(_ d: ChartData) -> String {
        let t = d.strings
        var sentences = [overview(d)]
        let points = d.values.map { row in d.categories.indices.compactMap { c in row[c].map { (c, $0) } } }
        if points.allSatisfy(\.isEmpty) && d.ranges.isEmpty {
            sentences.append(t.text("chart_has_no_data"))
        } else {
            for (s, series) in d.spec.series.enumerated() {
                sentences += d.horizontal ? ranking(d, series.label, points[s]) : trend(d, series.label, points[s])
            }
            if d.stacked, d.seriesCount > 1 {
                let totals = d.categories.indices.compactMap { c in d.total(c).map { (c, $0) } }
                sentences += trend(d, t.text("chart_the_total"), totals)
            }
        }
        for range in d.ranges {
            sentences.append(t.text("chart_range", ["label": range.label, "category": d.categories[range.index],
                                                    "low": d.phrase(range.low), "high": d.phrase(range.high)]))
        }
        return sentences.joined(separator: " ")
    }

    static func overview(_ d: ChartData) -> String {
        let t = d.strings
        let kind: String
        switch d.spec.kind {
        case .bar: kind = d.seriesCount > 1 ? "chart_kind_grouped_bar" : "chart_kind_bar"
        case .groupedBar: kind = "chart_kind_grouped_bar"
        case .stackedBar: kind = "chart_kind_stacked_bar"
        case .horizontalBar: kind = "chart_kind_horizontal_bar"
        }
        var text = t.text("chart_overview", ["kind": t.text(kind), "title": d.spec.title])
        if let subtitle = d.spec.subtitle, !subtitle.isEmpty { text = t.text("chart_overview_subtitle", ["text": text, "subtitle": subtitle]) }
        if !d.spec.unit.isEmpty { text = t.text("chart_overview_unit", ["text": text, "unit": d.spec.unit]) }
        let n = d.categories.count
        if d.horizontal || n == 0 {
            text = t.plural("chart_overview_categories", count: n, ["text": text])
        } else if n == 1 {
            text = t.text("chart_overview_one_period", ["text": text, "period": d.categories[0]])
        } else {
            text = t.text("chart_overview_periods", ["text": text, "first": d.categories[0], "last": d.categories[n - 1]])
        }
        if d.seriesCount > 1 {
            let key = d.spec.kind == .stackedBar ? "chart_overview_parts" : "chart_overview_series"
            text = t.text(key, ["text": text, "count": String(d.seriesCount), "names": t.list(d.spec.series.map(\.label))])
        }
        return t.text("chart_sentence", ["text": text])
    }

    /// First → last, direction, extremes and sign changes of a series over periods.
    static func trend(_ d: ChartData, _ label: String, _ points: [(Int, Exact)]) -> [String] {
        let t = d.strings
        let name = { (c: Int) in d.categories[c] }
        guard let first = points.first, let last = points.last else { return [t.text("chart_series_no_data", ["series": label])] }
        if points.count == 1 { return [t.text("chart_single_value", ["series": label, "value": d.phrase(first.1), "period": name(first.0)])] }
        if points.allSatisfy({ $0.1.isZero }) { return [t.text("chart_zero_throughout", ["series": label])] }
        var sentence: String
        if last.1 == first.1 {
            sentence = t.text("chart_same_value", ["series": label, "value": d.phrase(first.1), "first": name(first.0), "last": name(last.0)])
        } else {
            let formatter = FigureFormatter(d.spec.conventions)
            // The percentage only between two positive values.
            let change = first.1.signum > 0 && last.1.signum > 0
                ? formatter.change(from: first.1, to: last.1).map { formatter.format($0.magnitude, places: 1) } : nil
            let key = last.1 > first.1 ? (change == nil ? "chart_rose" : "chart_rose_by") : (change == nil ? "chart_fell" : "chart_fell_by")
            sentence = t.text(key, ["series": label, "change": change ?? "", "from": d.phrase(first.1), "first": name(first.0),
                                    "to": d.phrase(last.1), "last": name(last.0)])
        }
        if points.count >= 3 {
            let maximum = points.max { $0.1 < $1.1 }!
            let minimum = points.min { $0.1 < $1.1 }!
            if maximum.1 > first.1, maximum.1 > last.1 {
                sentence = t.text("chart_peak", ["text": sentence, "value": d.phrase(maximum.1), "period": name(maximum.0)])
            }
            if minimum.1 < first.1, minimum.1 < last.1 {
                sentence = t.text("chart_low", ["text": sentence, "value": d.phrase(minimum.1), "period": name(minimum.0)])
            }
        }
        var sentences = [t.text("chart_sentence", ["text": sentence])]
        let signed = points.filter { !$0.1.isZero }
        var turns: [String] = []
        for (previous, current) in zip(signed, signed.dropFirst()) where previous.1.signum != current.1.signum {
            turns.append(t.text(current.1.signum > 0 ? "chart_turned_positive" : "chart_turned_negative", ["period": name(current.0)]))
        }
        if turns.count > 3 {
            sentences.append(t.plural("chart_sign_changes", count: turns.count))
        } else if !turns.isEmpty {
            sentences.append(t.text("chart_turned", ["turns": t.list(turns)]))
        } else if signed.count > 1, signed.allSatisfy({ $0.1.isNegative }) {
            sentences.append(t.text("chart_negative_throughout"))
        }
        return sentences
    }

    /// Highest and lowest of a series over categories without an order.
    static func ranking(_ d: ChartData, _ label: String, _ points: [(Int, Exact)]) -> [String] {
        let t = d.strings
        guard let first = points.first else { return [t.text("chart_series_no_data", ["series": label])] }
        if points.count == 1 {
            return [t.text("chart_ranking_one", ["series": label, "category": d.categories[first.0], "value": d.phrase(first.1)])]
        }
        if points.allSatisfy({ $0.1.isZero }) { return [t.text("chart_ranking_zero", ["series": label])] }
        let maximum = points.max { $0.1 < $1.1 }!
        let minimum = points.min { $0.1 < $1.1 }!
        return [t.text("chart_ranking", ["series": label, "highest": d.categories[maximum.0], "high": d.phrase(maximum.1),
                                         "lowest": d.categories[minimum.0], "low": d.phrase(minimum.1)])]
    }

    static func table(_ d: ChartData) -> ChartTable {
        let missing = d.spec.conventions.missing
        let withTotal = d.stacked && d.seriesCount > 1
        let rangeLabels = d.rangeLabels
        var headers = [d.spec.categoryTitle] + d.spec.series.map(\.label)
        if withTotal { headers.append(d.strings.text("chart_total")) }
        headers += rangeLabels
        let rows = d.categories.indices.map { c -> ChartTable.Row in
            var cells = d.values.map { $0[c].map(d.label) ?? missing }
            if withTotal { cells.append(d.total(c).map(d.label) ?? missing) }
            for label in rangeLabels {
                cells.append(d.ranges.first { $0.index == c && $0.label == label }.map(d.rangeLabel) ?? "")
            }
            return ChartTable.Row(header: d.categories[c], cells: cells)
        }
        let caption = d.spec.unit.isEmpty ? d.spec.title : d.strings.text("chart_caption_unit", ["title": d.spec.title, "unit": d.spec.unit])
        return ChartTable(caption: caption, columnHeaders: headers, rows: rows)
    }
}
