import Foundation

/// The words and the table behind a chart, generated from its data: what the
/// SVG's `<desc>` says and what the page can print beside the chart.
enum ChartNarrative {
    static func description(_ d: ChartData) -> String {
        var sentences = [overview(d)]
        let points = d.values.map { row in d.categories.indices.compactMap { c in row[c].map { (c, $0) } } }
        if points.allSatisfy(\.isEmpty) && d.ranges.isEmpty {
            sentences.append("It has no data.")
        } else {
            for (s, series) in d.spec.series.enumerated() {
                sentences += d.horizontal ? ranking(d, series.label, points[s]) : trend(d, series.label, points[s])
            }
            if d.stacked, d.seriesCount > 1 {
                let totals = d.categories.indices.compactMap { c in d.total(c).map { (c, $0) } }
                sentences += trend(d, "The total", totals)
            }
        }
        for range in d.ranges {
            sentences.append("\(range.label) for \(d.categories[range.index]): \(d.phrase(range.low)) to \(d.phrase(range.high)).")
        }
        return sentences.joined(separator: " ")
    }

    static func overview(_ d: ChartData) -> String {
        let kind: String
        switch d.spec.kind {
        case .bar: kind = d.seriesCount > 1 ? "Grouped bar chart" : "Bar chart"
        case .groupedBar: kind = "Grouped bar chart"
        case .stackedBar: kind = "Stacked bar chart"
        case .horizontalBar: kind = "Horizontal bar chart"
        }
        var text = "\(kind) of \(d.spec.title)"
        if let subtitle = d.spec.subtitle, !subtitle.isEmpty { text += " (\(subtitle))" }
        if !d.spec.unit.isEmpty { text += ", \(d.spec.unit)" }
        let n = d.categories.count
        if d.horizontal || n == 0 {
            text += n == 1 ? ", for 1 category" : ", for \(n) categories"
        } else {
            text += n == 1 ? ", \(d.categories[0])" : ", \(d.categories[0]) to \(d.categories[n - 1])"
        }
        if d.seriesCount > 1 {
            let parts = d.spec.kind == .stackedBar ? "parts" : "series"
            text += ", in \(d.seriesCount) \(parts): " + list(d.spec.series.map(\.label))
        }
        return text + "."
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// First → last, direction, extremes and sign changes of a series over periods.
    static func trend(_ d: ChartData, _ label: String, _ points: [(Int, Exact)]) -> [String] {
        let name = { (c: Int) in d.categories[c] }
        guard let first = points.first, let last = points.last else { return ["\(label): no data."] }
        if points.count == 1 { return ["\(label) was \(d.phrase(first.1)) in \(name(first.0))."] }
        if points.allSatisfy({ $0.1.isZero }) { return ["\(label) was zero throughout."] }
        var sentence: String
        if last.1 == first.1 {
            sentence = "\(label) was \(d.phrase(first.1)) in both \(name(first.0)) and \(name(last.0))"
        } else {
            var verb = last.1 > first.1 ? "rose" : "fell"
            if first.1.signum > 0, last.1.signum > 0, let change = FigureFormatter(d.spec.conventions).change(from: first.1, to: last.1) {
                verb += " " + FigureFormatter(d.spec.conventions).format(change.magnitude, places: 1) + "%"
            }
            sentence = "\(label) \(verb) from \(d.phrase(first.1)) in \(name(first.0)) to \(d.phrase(last.1)) in \(name(last.0))"
        }
        if points.count >= 3 {
            let maximum = points.max { $0.1 < $1.1 }!
            let minimum = points.min { $0.1 < $1.1 }!
            if maximum.1 > first.1, maximum.1 > last.1 { sentence += ", peaking at \(d.phrase(maximum.1)) in \(name(maximum.0))" }
            if minimum.1 < first.1, minimum.1 < last.1 { sentence += ", with a low of \(d.phrase(minimum.1)) in \(name(minimum.0))" }
        }
        var sentences = [sentence + "."]
        let signed = points.filter { !$0.1.isZero }
        var turns: [String] = []
        for (previous, current) in zip(signed, signed.dropFirst()) where previous.1.signum != current.1.signum {
            turns.append((current.1.signum > 0 ? "positive" : "negative") + " in " + name(current.0))
        }
        if turns.count > 3 {
            sentences.append("It changed sign \(turns.count) times.")
        } else if !turns.isEmpty {
            sentences.append("It turned " + list(turns) + ".")
        } else if signed.count > 1, signed.allSatisfy({ $0.1.isNegative }) {
            sentences.append("It was negative throughout.")
        }
        return sentences
    }

    /// Highest and lowest of a series over categories without an order.
    static func ranking(_ d: ChartData, _ label: String, _ points: [(Int, Exact)]) -> [String] {
        guard let first = points.first else { return ["\(label): no data."] }
        if points.count == 1 { return ["\(label): \(d.categories[first.0]), \(d.phrase(first.1))."] }
        if points.allSatisfy({ $0.1.isZero }) { return ["\(label): zero for every category."] }
        let maximum = points.max { $0.1 < $1.1 }!
        let minimum = points.min { $0.1 < $1.1 }!
        return ["\(label): highest for \(d.categories[maximum.0]) (\(d.phrase(maximum.1))), lowest for \(d.categories[minimum.0]) (\(d.phrase(minimum.1)))."]
    }

    static func table(_ d: ChartData) -> ChartTable {
        let missing = d.spec.conventions.missing
        let withTotal = d.stacked && d.seriesCount > 1
        let rangeLabels = d.rangeLabels
        var headers = [d.spec.categoryTitle] + d.spec.series.map(\.label)
        if withTotal { headers.append("Total") }
        headers += rangeLabels
        let rows = d.categories.indices.map { c -> ChartTable.Row in
            var cells = d.values.map { $0[c].map(d.label) ?? missing }
            if withTotal { cells.append(d.total(c).map(d.label) ?? missing) }
            for label in rangeLabels {
                cells.append(d.ranges.first { $0.index == c && $0.label == label }.map(d.rangeLabel) ?? "")
            }
            return ChartTable.Row(header: d.categories[c], cells: cells)
        }
        let caption = d.spec.unit.isEmpty ? d.spec.title : "\(d.spec.title) (\(d.spec.unit))"
        return ChartTable(caption: caption, columnHeaders: headers, rows: rows)
    }
}
