extension ChartLayout {
    /// How category labels sit under vertical bars.
    enum CategoryMode {
        case horizontal([[String]])
        case rotated(Double, [String?])
    }

    /// The geometry of a vertical bar chart, with values measured from the
    /// plot's top (which is known only once the labels above it are planned):
    /// the value axis, the category slots and the bar widths.
    struct VerticalPlot {
        var axis: Axis
        var height: Double
        var left: Double
        var width: Double
        /// The width of one category slot.
        var step: Double
        var mode: CategoryMode
        /// One bar per category: stacked, or a single series.
        var single: Bool
        var barWidth: Double
        var gap: Double
        var groupWidth: Double

        init(_ d: ChartData) {
            let W = Style.width, pad = Style.pad, fs = Style.font
            axis = ChartLayout.axis(d, count: 5) { domain, _ in Style.plotHeight / Double(max(1, domain.indices.count - 1)) >= fs * 1.6 }
            // All zero: a short plot, just the labelled zero line.
            height = axis.zeroOnly ? 3 * fs : Style.plotHeight
            let tickWidth = axis.shown.map { ChartTextMetrics.width($0.label, size: fs) }.max() ?? 0
            (left, step, mode) = Self.slots(d, left: pad + tickWidth + 8)
            width = W - pad - left

            let k = max(1, d.seriesCount)
            single = d.stacked || k == 1
            if single {
                barWidth = min(step * 0.64, 90); gap = 0; groupWidth = barWidth
            } else {
                groupWidth = min(step * 0.8, 48 * Double(k))
                gap = min(3, groupWidth * 0.06)
                barWidth = (groupWidth - gap * Double(k - 1)) / Double(k)
            }
        }

        /// Category slots from `left` to the right margin; rotated labels may need a wider left margin.
        static func slots(_ d: ChartData, left: Double) -> (left: Double, step: Double, mode: CategoryMode) {
            let W = Style.width, pad = Style.pad, fs = Style.font
            let n = max(1, d.categories.count)
            var plotLeft = left
            var step = 0.0
            var mode = CategoryMode.horizontal([])
            for _ in 0..<4 {
                step = (W - pad - plotLeft) / Double(n)
                mode = ChartLayout.categoryMode(d.categories, step: step)
                guard case let .rotated(angle, texts) = mode else { break }
                var minX = Double.infinity
                for (c, text) in texts.enumerated() {
                    guard let text else { continue }
                    let (ax, ay) = ChartLayout.rotatedAnchor(angle, cx: plotLeft + (Double(c) + 0.5) * step, top: 0)
                    minX = min(minX, ChartSVGBuilder.outline(text, x: ax, y: ay, size: fs, anchor: .end, bold: false, rotation: angle, role: "").minX)
                }
                if minX >= pad / 2 { break }
                plotLeft += pad / 2 - minX
            }
            return (plotLeft, step, mode)
        }

        /// The y of value `v`, measured from the plot's top.
        func y(_ v: Double) -> Double { (axis.high - v) / (axis.high - axis.low) * height }
        /// The centre of category `c`'s slot.
        func cx(_ c: Int) -> Double { left + (Double(c) + 0.5) * step }
        /// The left edge of the bar of series `s` in category `c`.
        func barX(_ c: Int, _ s: Int) -> Double { cx(c) - groupWidth / 2 + (single ? 0 : Double(s) * (barWidth + gap)) }
        /// The width of a guidance range's band.
        var bandWidth: Double { single ? barWidth : groupWidth }
    }
}
