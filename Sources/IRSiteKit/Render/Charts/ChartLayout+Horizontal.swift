import Foundation

extension ChartLayout {
    // MARK: - Horizontal bars

    static func horizontal(_ d: ChartData, _ b: inout ChartSVGBuilder, top: Double) -> ChartScene {
        let W = Style.width, pad = Style.pad, fs = Style.font, lineHeight = Style.line
        let k = max(1, d.seriesCount)
        let wrapped = d.categories.map { ChartTextMetrics.wrapTruncating($0, maxWidth: W * 0.36, size: fs, maxLines: 3) }
        let columnWidth = wrapped.flatMap { $0 }.map { ChartTextMetrics.width($0, size: fs) }.max() ?? 0
        let maxLines = wrapped.map(\.count).max() ?? 1
        let thickness = k == 1 ? 24.0 : 19.0, gap = 2.0
        let groupHeight = Double(k) * thickness + Double(k - 1) * gap
        let rowHeight = max(Double(maxLines) * lineHeight + 8, groupHeight + 12)
        let plotTop = top + 8
        let plotHeight = rowHeight * Double(max(1, d.categories.count))
        let plotBottom = plotTop + plotHeight
        let labelRight = pad + columnWidth
        let plotLeft = labelRight + 10
        let plotRight = W - pad

        // Label widths bound the room kept beside the bars for outside labels.
        var positiveRoom = 0.0, negativeRoom = 0.0
        func note(_ text: String, negative: Bool) {
            let w = ChartTextMetrics.width(text, size: fs) + 6
            if negative { negativeRoom = max(negativeRoom, w) } else { positiveRoom = max(positiveRoom, w) }
        }
        if d.spec.valueLabels {
            for row in d.values { for v in row { if let v { note(d.label(v), negative: v.isNegative) } } }
        }
        for range in d.ranges { note(d.rangeLabel(range), negative: range.high.isNegative) }

        let estimate = plotRight - plotLeft - positiveRoom - negativeRoom
        let axis = Self.axis(d, count: max(2, (estimate / 90).rounded(.down))) { domain, labels in
            let widest = labels.map { ChartTextMetrics.width($0, size: fs) }.max() ?? 0
            return estimate / Double(max(1, domain.indices.count - 1)) >= widest + 16
        }
        let (low, high) = (axis.low, axis.high)
        let lastTick = ChartTextMetrics.width(axis.shown.last?.label ?? "", size: fs)
        let firstTick = ChartTextMetrics.width(axis.shown.first?.label ?? "", size: fs)

        struct Bar { var s: Int; var c: Int; var value: Exact }
        var bars: [Bar] = []
        for c in d.categories.indices { for s in 0..<d.seriesCount { if let v = d.values[s][c] { bars.append(Bar(s: s, c: c, value: v)) } } }

        // Lay out with the room for every label outside, then give back what
        // the labels that went inside do not need.
        func layout(positive: Double, negative: Double) -> (left: Double, right: Double, labels: [PlannedLabel], overflow: Double, underflow: Double) {
            let left = max(plotLeft + negative, pad / 2 + firstTick / 2)
            let right = min(plotRight - positive, W - pad / 2 - lastTick / 2)
            func x(_ v: Double) -> Double { left + (v - low) / (high - low) * (right - left) }
            var labels: [PlannedLabel] = []
            var maxRight = -Double.infinity, minLeft = Double.infinity
            func rowTop(_ c: Int) -> Double { plotTop + Double(c) * rowHeight + (rowHeight - groupHeight) / 2 }
            if d.spec.valueLabels {
                for bar in bars {
                    let value = ChartData.double(bar.value)
                    let (a, z) = (x(min(value, 0)), x(max(value, 0)))
                    let text = d.label(bar.value)
                    let w = ChartTextMetrics.width(text, size: fs)
                    let top = rowTop(bar.c) + Double(bar.s) * (thickness + gap)
                    let baseline = top + thickness / 2 + 0.35 * fs
                    let positive = value >= 0
                    if w + 10 <= z - a {
                        labels.append(PlannedLabel(lines: [text], x: positive ? z - 5 : a + 5, y: baseline, anchor: positive ? .end : .start,
                                                   fill: ChartPalette.labelColor(on: ChartPalette.color(bar.s)), bold: false, role: "value inside",
                                                   outsideAbove: false, outsideBelow: false, backing: backing(bar.s)))
                    } else {
                        labels.append(PlannedLabel(lines: [text], x: positive ? z + 5 : a - 5, y: baseline, anchor: positive ? .start : .end,
                                                   fill: ChartPalette.text, bold: false, role: "value", outsideAbove: positive, outsideBelow: !positive))
                        if positive { maxRight = max(maxRight, z + 5 + w) } else { minLeft = min(minLeft, a - 5 - w) }
                    }
                }
            }
            for range in d.ranges {
                let (lo, hi) = (ChartData.double(range.low), ChartData.double(range.high))
                let text = d.rangeLabel(range)
                let w = ChartTextMetrics.width(text, size: fs)
                let baseline = plotTop + (Double(range.index) + 0.5) * rowHeight + 0.35 * fs
                if hi >= 0 {
                    labels.append(PlannedLabel(lines: [text], x: x(hi) + 5, y: baseline, anchor: .start, fill: ChartPalette.text, bold: false,
                                               role: "range-label", outsideAbove: true, outsideBelow: false))
                    maxRight = max(maxRight, x(hi) + 5 + w)
                } else {
                    labels.append(PlannedLabel(lines: [text], x: x(lo) - 5, y: baseline, anchor: .end, fill: ChartPalette.text, bold: false,
                                               role: "range-label", outsideAbove: false, outsideBelow: true))
                    minLeft = min(minLeft, x(lo) - 5 - w)
                }
            }
            return (left, right, labels, maxRight - (W - pad), plotLeft - minLeft)
        }
        var result = layout(positive: positiveRoom, negative: negativeRoom)
        // Shrink the reserved room to what the outside labels use, if that still fits.
        let trimmedPositive = max(0, positiveRoom + min(0, result.overflow))
        let trimmedNegative = max(0, negativeRoom + min(0, result.underflow))
        if trimmedPositive < positiveRoom || trimmedNegative < negativeRoom {
            let trial = layout(positive: trimmedPositive, negative: trimmedNegative)
            if trial.overflow <= 0.01, trial.underflow <= 0.01 { result = trial }
        }
        let (left, right, labels) = (result.left, result.right, result.labels)
        func x(_ v: Double) -> Double { left + (v - low) / (high - low) * (right - left) }
        func rowTop(_ c: Int) -> Double { plotTop + Double(c) * rowHeight + (rowHeight - groupHeight) / 2 }

        b.newline()
        b.open("g", [("class", "grid")])
        for (index, _) in axis.shown where index != 0 {
            let gx = x(axis.domain.value(at: index))
            b.line(x1: gx, y1: plotTop, x2: gx, y2: plotBottom, [("class", "gridline"), ("stroke", ChartPalette.grid), ("stroke-width", "1")])
        }
        b.close("g")
        b.newline()
        b.open("g", [("class", "axis value-axis")])
        let tickBaseline = plotBottom + 6 + Style.ascent * fs
        for (index, label) in axis.shown {
            b.text(label, x: x(axis.domain.value(at: index)), y: tickBaseline, size: fs, anchor: .middle, fill: ChartPalette.text, role: "tick-label")
        }
        var bottom = tickBaseline + Style.descent * fs
        if !d.spec.unit.isEmpty {
            let unit = ChartTextMetrics.truncate(d.spec.unit, maxWidth: W - 2 * pad, size: fs)
            let unitWidth = ChartTextMetrics.width(unit, size: fs)
            let centre = min(max((left + right) / 2, pad + unitWidth / 2), W - pad - unitWidth / 2)
            b.text(unit, x: centre, y: bottom + 4 + 0.88 * fs, size: fs, anchor: .middle, fill: ChartPalette.mutedText, role: "axis-title")
            bottom += 4 + lineHeight
        }
        b.close("g")
        b.newline()

        var marks: [ChartScene.Mark] = []
        b.open("g", [("class", "bars")])
        let multi = d.seriesCount > 1
        for bar in bars {
            let value = ChartData.double(bar.value)
            let (a, z) = (x(min(value, 0)), x(max(value, 0)))
            let top = rowTop(bar.c) + Double(bar.s) * (thickness + gap)
            let title = multi ? d.strings.text("chart_series_bar_title", ["category": d.categories[bar.c], "series": d.spec.series[bar.s].label,
                                                                   "value": d.tooltip(bar.value)])
                              : d.strings.text("chart_bar_title", ["category": d.categories[bar.c], "value": d.tooltip(bar.value)])
            seriesRect(d, &b, series: bar.s, x: a, y: top, width: z - a, height: thickness, extraClass: "bar", title: title)
            marks.append((a, top, z - a, thickness))
        }
        b.close("g")
        b.newline()
        if !d.ranges.isEmpty {
            b.open("g", [("class", "ranges")])
            for range in d.ranges {
                let (a, z) = (x(ChartData.double(range.low)), x(ChartData.double(range.high)))
                let width = max(2, z - a)
                let title = d.strings.text("chart_range_title", ["category": d.categories[range.index], "label": range.label,
                                                    "low": d.tooltip(range.low), "high": d.tooltip(range.high)])
                b.rect(x: (a + z) / 2 - width / 2, y: rowTop(range.index), width: width, height: groupHeight,
                       [("class", "range"), ("fill", "url(#\(d.prefix)-hatch)"), ("stroke", ChartPalette.color(0)), ("stroke-width", "2")], title: title)
                marks.append(((a + z) / 2 - width / 2, rowTop(range.index), width, groupHeight))
            }
            b.close("g")
            b.newline()
        }
        b.line(x1: x(0), y1: plotTop, x2: x(0), y2: plotBottom, [("class", "baseline"), ("stroke", ChartPalette.baseline), ("stroke-width", "1.5")])
        b.newline()
        if !labels.isEmpty {
            b.open("g", [("class", "value-labels")])
            for label in labels {
                draw(label, line: label.lines[0], x: label.x, y: label.y, &b)
            }
            b.close("g")
            b.newline()
        }
        b.open("g", [("class", "axis category-axis")])
        for (c, lines) in wrapped.enumerated() {
            let blockTop = plotTop + (Double(c) + 0.5) * rowHeight - Double(lines.count) * lineHeight / 2
            for (i, line) in lines.enumerated() {
                b.text(line, x: labelRight, y: blockTop + 0.88 * fs + Double(i) * lineHeight, size: fs, anchor: .end,
                       fill: ChartPalette.text, role: "category-label")
            }
        }
        b.close("g")
        if d.categories.isEmpty {
            b.text(d.strings.text("chart_no_data"), x: (left + right) / 2, y: plotTop + rowHeight / 2 + 0.35 * fs, size: fs, anchor: .middle, fill: ChartPalette.mutedText, role: "no-data")
        }
        b.newline()
        let height = (bottom + pad).rounded(.up)
        return ChartScene(width: W, height: height, body: "", texts: [], plot: (left, plotTop, right - left, plotHeight),
                          headerBottom: top, marks: marks)
    }
}
