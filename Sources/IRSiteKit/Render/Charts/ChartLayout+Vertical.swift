import Foundation

extension ChartLayout {
    // MARK: - Vertical bars

    /// Lays out a vertical bar chart below `top`, in steps: the plot's geometry,
    /// the value labels (which decide the room above and below the plot), the
    /// unit, the value axis, the bars and bands, the labels and the categories.
    static func vertical(_ d: ChartData, _ b: inout ChartSVGBuilder, top: Double) -> ChartScene {
        let plot = VerticalPlot(d)
        let labels = verticalValueLabels(d, plot)
        let room = verticalRoom(labels, plot)
        let headerBottom = drawUnit(d, &b, top: top)
        let plotTop = headerBottom + room.above + 4
        let plotBottom = plotTop + plot.height

        drawValueAxis(plot, plotTop: plotTop, &b)
        var marks = drawVerticalBars(d, plot, plotTop: plotTop, &b)
        marks += drawVerticalRanges(d, plot, plotTop: plotTop, &b)
        b.line(x1: plot.left, y1: plotTop + plot.y(0), x2: plot.left + plot.width, y2: plotTop + plot.y(0),
               [("class", "baseline"), ("stroke", ChartPalette.baseline), ("stroke-width", "1.5")])
        b.newline()
        drawNetMarkers(d, plot, plotTop: plotTop, &b)
        drawValueLabels(labels, plotTop: plotTop, &b)
        let bottom = drawCategoryLabels(d, plot, top: plotBottom + room.below + 8, &b)
        if d.categories.isEmpty {
            b.text(d.strings.text("chart_no_data"), x: plot.left + plot.width / 2, y: plotTop + plot.height / 2, size: Style.font, anchor: .middle,
                   fill: ChartPalette.mutedText, role: "no-data")
        }
        b.newline()
        let height = (max(bottom, plotBottom + (Style.descent + 0.35) * Style.font) + Style.pad).rounded(.up)
        return ChartScene(width: Style.width, height: height, body: "", texts: [], plot: (plot.left, plotTop, plot.width, plot.height),
                          headerBottom: headerBottom, marks: marks)
    }

    // MARK: Category labels

    /// How category labels fit slots `step` wide: wrapped on up to three lines,
    /// else rotated 45°, else rotated 90° showing every k-th label.
    static func categoryMode(_ labels: [String], step: Double) -> CategoryMode {
        let fs = Style.font
        var wrapped: [[String]] = []
        for label in labels {
            guard let lines = ChartTextMetrics.wrap(label, maxWidth: step - 6, size: fs, maxLines: 3) else { break }
            wrapped.append(lines)
        }
        if wrapped.count == labels.count { return .horizontal(wrapped) }
        if step >= fs * 1.42 {  // rotated 45°, neighbours are step × sin 45° apart: more than a line
            return .rotated(-45, labels.map { ChartTextMetrics.truncate($0, maxWidth: 150, size: fs) })
        }
        let every = max(1, Int((fs * 1.2 / step).rounded(.up)))
        return .rotated(-90, labels.indices.map { $0 % every == 0 ? ChartTextMetrics.truncate(labels[$0], maxWidth: 130, size: fs) : nil })
    }

    /// Where a rotated category label's anchor goes relative to its slot centre and the label block top.
    static func rotatedAnchor(_ angle: Double, cx: Double, top: Double) -> (Double, Double) {
        let fs = Style.font
        return angle == -45 ? (cx + 0.18 * fs, top + 0.51 * fs + 3) : (cx + 0.26 * fs, top + 3)
    }

    // MARK: Value labels, planned relative to the plot top

    /// A value label inside its bar, if it fits there.
    static func insideLabel(_ text: String, x: Double, top barTop: Double, bottom barBottom: Double, positive: Bool, width: Double,
                            series s: Int, role: String) -> PlannedLabel? {
        let fs = Style.font
        let w = ChartTextMetrics.width(text, size: fs)
        let h = barBottom - barTop
        guard w + 8 <= width, (Style.ascent + Style.descent) * fs + 8 <= h else { return nil }
        let y = positive ? barTop + 4 + Style.ascent * fs + 1 : barBottom - 4 - Style.descent * fs - 1
        return PlannedLabel(lines: [text], x: x, y: y, anchor: .middle, fill: ChartPalette.labelColor(on: ChartPalette.color(s)), bold: false,
                            role: role + " inside", outsideAbove: false, outsideBelow: false, backing: backing(s))
    }

    /// A label above a positive bar or below a negative one.
    static func outsideLabel(_ lines: [String], x: Double, top barTop: Double, bottom barBottom: Double, positive: Bool, bold: Bool,
                             role: String) -> PlannedLabel {
        let fs = Style.font
        let y = positive ? barTop - 5 - Style.descent * fs - Double(lines.count - 1) * Style.line
                         : barBottom + 5 + Style.ascent * fs
        return PlannedLabel(lines: lines, x: x, y: y, anchor: .middle, fill: ChartPalette.text, bold: bold, role: role,
                            outsideAbove: positive, outsideBelow: !positive)
    }

    /// Every label the plot prints: values (when the chart asks for them) and guidance ranges.
    static func verticalValueLabels(_ d: ChartData, _ plot: VerticalPlot) -> [PlannedLabel] {
        var labels: [PlannedLabel] = []
        if d.spec.valueLabels {
            labels += d.stacked ? stackedValueLabels(d, plot) : barValueLabels(d, plot)
        }
        return labels + rangeLabels(d, plot)
    }

    /// Segment labels inside their segments, and each stack's total above or below it
    /// when every total fits its slot.
    static func stackedValueLabels(_ d: ChartData, _ plot: VerticalPlot) -> [PlannedLabel] {
        let fs = Style.font
        var labels: [PlannedLabel] = []
        for c in d.categories.indices {
            // The net-total marker of a mixed stack crosses the segment it falls in: no label there.
            let net = d.isMixed(c) ? d.total(c).map { plot.y(ChartData.double($0)) } : nil
            for segment in d.segments(c) {
                let (a, z) = (plot.y(max(segment.from, segment.to)), plot.y(min(segment.from, segment.to)))
                if let label = insideLabel(d.label(segment.value), x: plot.cx(c), top: a, bottom: z, positive: segment.to >= segment.from,
                                           width: plot.barWidth, series: segment.series, role: "value") {
                    if let net, net >= label.y - Style.ascent * fs - 3, net <= label.y + Style.descent * fs + 3 { continue }
                    labels.append(label)
                }
            }
        }
        var totals: [PlannedLabel] = []
        for c in d.categories.indices {
            guard let total = d.total(c) else { continue }
            let segments = d.segments(c)
            let up = segments.map { max($0.from, $0.to) }.max() ?? 0
            let down = segments.map { min($0.from, $0.to) }.min() ?? 0
            let text = d.label(total)
            if ChartTextMetrics.width(text, size: fs, bold: true) > plot.step - 4 { return labels }
            totals.append(outsideLabel([text], x: plot.cx(c), top: plot.y(up), bottom: plot.y(down), positive: !total.isNegative,
                                       bold: true, role: "total"))
        }
        return labels + totals
    }

    /// A label for every bar, inside or else above (below) it; none at all if one fits neither way.
    static func barValueLabels(_ d: ChartData, _ plot: VerticalPlot) -> [PlannedLabel] {
        var planned: [PlannedLabel] = []
        let pitch = plot.single ? plot.step - 4 : plot.barWidth + plot.gap - 1
        for s in 0..<d.seriesCount {
            for c in d.categories.indices {
                guard let v = d.values[s][c] else { continue }
                let value = ChartData.double(v)
                let (a, z) = (plot.y(max(value, 0)), plot.y(min(value, 0)))
                let text = d.label(v)
                let x = plot.barX(c, s) + plot.barWidth / 2
                if let label = insideLabel(text, x: x, top: a, bottom: z, positive: value >= 0, width: plot.barWidth, series: s, role: "value") {
                    planned.append(label)
                } else if ChartTextMetrics.width(text, size: Style.font) <= pitch {
                    planned.append(outsideLabel([text], x: x, top: a, bottom: z, positive: value >= 0, bold: false, role: "value"))
                } else {
                    return []
                }
            }
        }
        return planned
    }

    /// Each guidance range's label outside its band: one line if it fits, else broken
    /// after the dash, else the dash on a line of its own; left out if nothing fits.
    static func rangeLabels(_ d: ChartData, _ plot: VerticalPlot) -> [PlannedLabel] {
        var labels: [PlannedLabel] = []
        for range in d.ranges {
            let text = d.rangeLabel(range)
            let room = max(plot.step - 4, plot.bandWidth)
            let (low, high) = (d.label(range.low), d.label(range.high))
            guard let lines = [[text], [low + "–", high], [low, "–", high]].first(where: { candidate in
                candidate.allSatisfy { ChartTextMetrics.width($0, size: Style.font) <= room }
            }) else { continue }
            let (lo, hi) = (ChartData.double(range.low), ChartData.double(range.high))
            labels.append(outsideLabel(lines, x: plot.cx(range.index), top: plot.y(hi), bottom: plot.y(lo), positive: hi >= 0,
                                       bold: false, role: "range-label"))
        }
        return labels
    }

    /// The room the outside labels need above the plot's top and below its bottom.
    static func verticalRoom(_ labels: [PlannedLabel], _ plot: VerticalPlot) -> (above: Double, below: Double) {
        let fs = Style.font
        var above = (Style.ascent - 0.35) * fs  // half a tick label over the top gridline
        var below = 0.0
        for label in labels where label.outsideAbove || label.outsideBelow {
            above = max(above, -(label.y - Style.ascent * fs))
            below = max(below, label.y + Double(label.lines.count - 1) * Style.line + Style.descent * fs - plot.height)
        }
        return (above, below)
    }

    // MARK: Drawing

    /// The unit (axis title) above the plot; returns the bottom of the heading block.
    static func drawUnit(_ d: ChartData, _ b: inout ChartSVGBuilder, top: Double) -> Double {
        var y = top + 4
        if !d.spec.unit.isEmpty {
            b.text(ChartTextMetrics.truncate(d.spec.unit, maxWidth: Style.width - 2 * Style.pad, size: Style.font), x: Style.pad,
                   y: y + 0.88 * Style.font, size: Style.font, fill: ChartPalette.mutedText, role: "axis-title")
            y += Style.line
        }
        return y
    }

    /// Gridlines across the plot, and the tick labels left of it.
    static func drawValueAxis(_ plot: VerticalPlot, plotTop: Double, _ b: inout ChartSVGBuilder) {
        let axis = plot.axis
        b.newline()
        b.open("g", [("class", "grid")])
        for (index, _) in axis.shown where index != 0 {
            let gy = plotTop + plot.y(axis.domain.value(at: index))
            b.line(x1: plot.left, y1: gy, x2: plot.left + plot.width, y2: gy, [("class", "gridline"), ("stroke", ChartPalette.grid), ("stroke-width", "1")])
        }
        b.close("g")
        b.newline()
        b.open("g", [("class", "axis value-axis")])
        for (index, label) in axis.shown {
            b.text(label, x: plot.left - 8, y: plotTop + plot.y(axis.domain.value(at: index)) + 0.35 * Style.font, size: Style.font, anchor: .end,
                   fill: ChartPalette.text, role: "tick-label")
        }
        b.close("g")
        b.newline()
    }

    /// The bars (stacked segments, or one bar per series); returns them as marks.
    static func drawVerticalBars(_ d: ChartData, _ plot: VerticalPlot, plotTop: Double, _ b: inout ChartSVGBuilder) -> [ChartScene.Mark] {
        func yAbs(_ v: Double) -> Double { plotTop + plot.y(v) }
        var marks: [ChartScene.Mark] = []
        b.open("g", [("class", "bars")])
        let multi = d.seriesCount > 1
        for c in d.categories.indices {
            if d.stacked {
                for segment in d.segments(c) {
                    let (a, z) = (yAbs(max(segment.from, segment.to)), yAbs(min(segment.from, segment.to)))
                    let title = d.strings.text("chart_series_bar_title", ["category": d.categories[c], "series": d.spec.series[segment.series].label,
                                                               "value": d.tooltip(segment.value)])
                    seriesRect(d, &b, series: segment.series, x: plot.barX(c, 0), y: a, width: plot.barWidth, height: z - a, extraClass: "bar",
                               title: title, separated: true)
                    marks.append((plot.barX(c, 0), a, plot.barWidth, z - a))
                }
            } else {
                for s in 0..<d.seriesCount {
                    guard let v = d.values[s][c] else { continue }
                    let value = ChartData.double(v)
                    let (a, z) = (yAbs(max(value, 0)), yAbs(min(value, 0)))
                    let title = multi ? d.strings.text("chart_series_bar_title", ["category": d.categories[c], "series": d.spec.series[s].label, "value": d.tooltip(v)])
                        : d.strings.text("chart_bar_title", ["category": d.categories[c], "value": d.tooltip(v)])
                    seriesRect(d, &b, series: s, x: plot.barX(c, s), y: a, width: plot.barWidth, height: z - a, extraClass: "bar", title: title)
                    marks.append((plot.barX(c, s), a, plot.barWidth, z - a))
                }
            }
        }
        b.close("g")
        b.newline()
        return marks
    }

    /// The hatched guidance bands; returns them as marks.
    static func drawVerticalRanges(_ d: ChartData, _ plot: VerticalPlot, plotTop: Double, _ b: inout ChartSVGBuilder) -> [ChartScene.Mark] {
        guard !d.ranges.isEmpty else { return [] }
        let bandWidth = plot.bandWidth
        var marks: [ChartScene.Mark] = []
        b.open("g", [("class", "ranges")])
        for range in d.ranges {
            let (a, z) = (plotTop + plot.y(ChartData.double(range.high)), plotTop + plot.y(ChartData.double(range.low)))
            let height = max(2, z - a)
            let title = d.strings.text("chart_range_title", ["category": d.categories[range.index], "label": range.label,
                                                    "low": d.tooltip(range.low), "high": d.tooltip(range.high)])
            b.rect(x: plot.cx(range.index) - bandWidth / 2, y: (a + z) / 2 - height / 2, width: bandWidth, height: height,
                   [("class", "range"), ("fill", "url(#\(d.prefix)-hatch)"), ("stroke", ChartPalette.color(0)), ("stroke-width", "2")], title: title)
            marks.append((plot.cx(range.index) - bandWidth / 2, (a + z) / 2 - height / 2, bandWidth, height))
        }
        b.close("g")
        b.newline()
        return marks
    }

    /// The net-total marker across each stack that has both positive and negative segments.
    static func drawNetMarkers(_ d: ChartData, _ plot: VerticalPlot, plotTop: Double, _ b: inout ChartSVGBuilder) {
        guard d.hasMixedStacks else { return }
        b.open("g", [("class", "net-markers")])
        for c in d.categories.indices where d.isMixed(c) {
            guard let total = d.total(c) else { continue }
            let ny = plotTop + plot.y(ChartData.double(total))
            b.line(x1: plot.barX(c, 0) - 4, y1: ny, x2: plot.barX(c, 0) + plot.barWidth + 4, y2: ny,
                   [("class", "net-marker"), ("stroke", ChartPalette.baseline), ("stroke-width", "3")],
                   title: d.strings.text("chart_net_title", ["category": d.categories[c], "value": d.tooltip(total)]))
        }
        b.close("g")
        b.newline()
    }

    /// The planned value and range labels, moved down to the plot's top.
    static func drawValueLabels(_ labels: [PlannedLabel], plotTop: Double, _ b: inout ChartSVGBuilder) {
        guard !labels.isEmpty else { return }
        b.open("g", [("class", "value-labels")])
        for label in labels {
            for (i, line) in label.lines.enumerated() {
                draw(label, line: line, x: label.x, y: plotTop + label.y + Double(i) * Style.line, &b)
            }
        }
        b.close("g")
        b.newline()
    }

    /// The category labels from `top` down, wrapped or rotated; returns their bottom.
    static func drawCategoryLabels(_ d: ChartData, _ plot: VerticalPlot, top: Double, _ b: inout ChartSVGBuilder) -> Double {
        let fs = Style.font
        var bottom = top
        b.open("g", [("class", "axis category-axis")])
        switch plot.mode {
        case let .horizontal(wrapped):
            for (c, lines) in wrapped.enumerated() {
                for (i, line) in lines.enumerated() {
                    b.text(line, x: plot.cx(c), y: top + 0.88 * fs + Double(i) * Style.line, size: fs, anchor: .middle,
                           fill: ChartPalette.text, role: "category-label")
                }
                bottom = max(bottom, top + Double(lines.count) * Style.line)
            }
        case let .rotated(angle, texts):
            for (c, text) in texts.enumerated() {
                guard let text else { continue }
                let (ax, ay) = rotatedAnchor(angle, cx: plot.cx(c), top: top)
                b.text(text, x: ax, y: ay, size: fs, anchor: .end, fill: ChartPalette.text, role: "category-label", rotation: angle)
                bottom = max(bottom, b.texts.last!.maxY + 2)
            }
        }
        b.close("g")
        return bottom
    }
}
