import Foundation

/// A laid-out chart: the SVG elements inside the root and what the layout
/// checks need (text outlines, plot area).
struct ChartScene {
    var width: Double
    var height: Double
    var body: String
    var texts: [ChartText]
    /// The plot area (x, y, width, height).
    var plot: (x: Double, y: Double, width: Double, height: Double)
    /// The bottom of the heading block (title, subtitle, legend, unit).
    var headerBottom: Double
    /// The drawn bars and bands (x, y, width, height), in drawing order.
    var marks: [(x: Double, y: Double, width: Double, height: Double)]
}

/// Lays charts out without a browser: text widths come from `ChartTextMetrics`,
/// so margins fit the longest tick label, category labels wrap or rotate,
/// value labels go inside a bar when they fit and outside when not, and the
/// legend sits above the plot.
enum ChartLayout {
    typealias Style = ChartStyle

    static func scene(_ d: ChartData) -> ChartScene {
        var b = ChartSVGBuilder()
        let top = header(d, &b)
        var scene = d.horizontal ? horizontal(d, &b, top: top) : vertical(d, &b, top: top)
        // Definitions and the background go first; the height is known only now.
        var head = ChartSVGBuilder()
        defs(d, &head)
        head.rect(x: 0, y: 0, width: scene.width, height: scene.height, [("class", "background"), ("fill", ChartPalette.background)])
        head.newline()
        scene.body = head.body + b.body
        scene.texts = b.texts
        return scene
    }

    // MARK: - Definitions (textures and hatching)

    static func defs(_ d: ChartData, _ b: inout ChartSVGBuilder) {
        var textures = Set<Int>()
        for s in 0..<d.seriesCount { textures.insert(ChartPalette.texture(s)) }
        textures.remove(0)
        guard !textures.isEmpty || !d.ranges.isEmpty else { return }
        b.open("defs")
        let white: [(String, String)] = [("fill", "#FFFFFF"), ("fill-opacity", "0.6")]
        for t in textures.sorted() {
            let rotation = [1: "rotate(45)", 2: "", 3: "rotate(-45)", 4: "", 5: "rotate(45)"][t] ?? ""
            var attributes: [(String, String)] = [("id", "\(d.prefix)-texture-\(t)"), ("width", "6"), ("height", "6"),
                                                  ("patternUnits", "userSpaceOnUse")]
            if !rotation.isEmpty { attributes.append(("patternTransform", rotation)) }
            b.open("pattern", attributes)
            switch t {
            case 2: b.empty("circle", [("cx", "3"), ("cy", "3"), ("r", "1.4")] + white)
            case 4: b.empty("rect", [("width", "6"), ("height", "2")] + white)
            case 5:
                b.empty("rect", [("width", "1.5"), ("height", "6")] + white)
                b.empty("rect", [("y", "3"), ("width", "6"), ("height", "1.5")] + white)
            default: b.empty("rect", [("width", "2"), ("height", "6")] + white)
            }
            b.close("pattern")
        }
        if !d.ranges.isEmpty {
            b.open("pattern", [("id", "\(d.prefix)-hatch"), ("width", "7"), ("height", "7"), ("patternUnits", "userSpaceOnUse"),
                               ("patternTransform", "rotate(45)")])
            b.empty("rect", [("width", "7"), ("height", "7"), ("fill", ChartPalette.background)])
            b.empty("rect", [("class", "range-hatch"), ("width", "2.5"), ("height", "7"), ("fill", ChartPalette.color(0))])
            b.close("pattern")
        }
        b.close("defs")
        b.newline()
    }

    // MARK: - Heading: title, subtitle, legend, unit

    enum LegendItem {
        case series(Int, String)
        case range(String)
        case net(String)
    }

    static func legendItems(_ d: ChartData) -> [LegendItem] {
        var items: [LegendItem] = d.spec.series.indices.map { .series($0, d.spec.series[$0].label) }
        if d.hasMixedStacks { items.append(.net("Total")) }
        items += d.rangeLabels.map { .range($0) }
        return items.count > 1 ? items : []
    }

    /// Draws the heading block; returns the y where the plot block may start.
    static func header(_ d: ChartData, _ b: inout ChartSVGBuilder) -> Double {
        let pad = Style.pad, maxWidth = Style.width - 2 * pad
        var y = pad
        b.open("g", [("class", "heading")])
        for line in ChartTextMetrics.wrapTruncating(d.spec.title, maxWidth: maxWidth, size: Style.titleFont, bold: true, maxLines: 3) {
            b.text(line, x: pad, y: y + 0.88 * Style.titleFont, size: Style.titleFont, bold: true, fill: ChartPalette.text, role: "title")
            y += Style.titleFont * Style.lineHeight
        }
        if let subtitle = d.spec.subtitle, !subtitle.isEmpty {
            for line in ChartTextMetrics.wrapTruncating(subtitle, maxWidth: maxWidth, size: Style.font, maxLines: 3) {
                b.text(line, x: pad, y: y + 0.88 * Style.font, size: Style.font, fill: ChartPalette.mutedText, role: "subtitle")
                y += Style.line
            }
        }
        b.close("g")
        b.newline()
        let items = legendItems(d)
        if !items.isEmpty {
            y += 6
            b.open("g", [("class", "legend")])
            var x = pad
            let textGap = 6.0, itemGap = 20.0
            for item in items {
                let label: String
                switch item {
                case let .series(_, text), let .range(text), let .net(text): label = text
                }
                let text = ChartTextMetrics.truncate(label, maxWidth: maxWidth - Style.swatch - textGap, size: Style.font)
                let itemWidth = Style.swatch + textGap + ChartTextMetrics.width(text, size: Style.font)
                if x > pad, x + itemWidth > Style.width - pad {
                    x = pad
                    y += Style.line
                }
                let swatchY = y + (Style.line - Style.swatch) / 2
                switch item {
                case let .series(s, _):
                    seriesRect(d, &b, series: s, x: x, y: swatchY, width: Style.swatch, height: Style.swatch, extraClass: "swatch", title: nil)
                case .range:
                    b.rect(x: x + 1, y: swatchY + 1, width: Style.swatch - 2, height: Style.swatch - 2,
                           [("class", "range swatch"), ("fill", "url(#\(d.prefix)-hatch)"), ("stroke", ChartPalette.color(0)), ("stroke-width", "2")])
                case .net:
                    b.line(x1: x, y1: swatchY + Style.swatch / 2, x2: x + Style.swatch, y2: swatchY + Style.swatch / 2,
                           [("class", "net-marker swatch"), ("stroke", ChartPalette.baseline), ("stroke-width", "3")])
                }
                b.text(text, x: x + Style.swatch + textGap, y: y + 0.88 * Style.font, size: Style.font, fill: ChartPalette.text, role: "legend-label")
                x += itemWidth + itemGap
            }
            y += Style.line
            b.close("g")
            b.newline()
        }
        return y
    }

    /// A bar (or swatch) of series `s`: the colour class with its inline
    /// default, then its texture, if any, on top.
    static func seriesRect(_ d: ChartData, _ b: inout ChartSVGBuilder, series s: Int, x: Double, y: Double, width: Double, height: Double,
                           extraClass: String, title: String?, separated: Bool = false) {
        var attributes: [(String, String)] = [("class", "\(extraClass) series-\(s)"), ("fill", ChartPalette.color(s))]
        if separated { attributes += [("stroke", ChartPalette.background), ("stroke-width", "1")] }
        b.rect(x: x, y: y, width: width, height: height, attributes, title: title)
        let texture = ChartPalette.texture(s)
        if texture != 0, width > 0, height > 0 {
            b.rect(x: x, y: y, width: width, height: height,
                   [("class", "texture"), ("fill", "url(#\(d.prefix)-texture-\(texture))"), ("pointer-events", "none")])
        }
    }

    // MARK: - Value axis

    struct Axis {
        var domain: Ticks.Domain
        var labels: [String]
        /// All values are zero: only the zero line is labelled (the scale above it means nothing).
        var zeroOnly = false

        /// Tick indices to draw, with their labels.
        var shown: [(index: Int, label: String)] {
            zip(domain.indices, labels).filter { !zeroOnly || $0.0 == 0 }.map { ($0.0, $0.1) }
        }
        var low: Double { domain.lower }
        var high: Double { domain.upper }
    }

    /// The value axis for the data with about `count` ticks, reduced until
    /// `fits` accepts the domain and tick labels.
    static func axis(_ d: ChartData, count: Double, fits: (Ticks.Domain, [String]) -> Bool) -> Axis {
        let (low, high) = d.extent
        if low == high {
            let domain = Ticks.Domain(increment: 1, indices: 0...1)
            return Axis(domain: domain, labels: ["0", "1"], zeroOnly: true)
        }
        var count = count
        while true {
            let domain = Ticks.niceDomain(low, high, count) ?? Ticks.Domain(increment: 1, indices: 0...1)
            let places = domain.decimals
            let labels = domain.indices.map { d.formatter.format(units: domain.units(at: $0, places: places), places: places) }
            if count <= 1 || fits(domain, labels) { return Axis(domain: domain, labels: labels) }
            count -= 1
        }
    }

    // MARK: - Vertical bars

    enum CategoryMode {
        case horizontal([[String]])
        case rotated(Double, [String?])
    }

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

    struct PlannedLabel {
        var lines: [String]
        var x: Double
        /// Baseline of the first line, relative to the plot top (vertical) or absolute (horizontal).
        var y: Double
        var anchor: ChartTextAnchor
        var fill: String
        var bold: Bool
        var role: String
        var outsideAbove: Bool
        var outsideBelow: Bool
        /// For a label inside a textured bar: the series whose plain colour
        /// goes behind the text, so the texture does not run through it.
        var backing: Int? = nil
    }

    /// The backing for a label inside a bar of series `s`, if the bar is textured.
    static func backing(_ s: Int) -> Int? { ChartPalette.texture(s) == 0 ? nil : s }

    /// Draws a planned label line, with its backing if any.
    static func draw(_ label: PlannedLabel, line: String, x: Double, y: Double, _ b: inout ChartSVGBuilder) {
        let fs = Style.font
        if let s = label.backing {
            let w = ChartTextMetrics.width(line, size: fs, bold: label.bold) + 6
            let left = label.anchor == .start ? x - 3 : label.anchor == .middle ? x - w / 2 : x - w + 3
            b.rect(x: left, y: y - Style.ascent * fs - 1, width: w, height: (Style.ascent + Style.descent) * fs + 2,
                   [("class", "label-backing series-\(s)"), ("fill", ChartPalette.color(s))])
        }
        b.text(line, x: x, y: y, size: fs, anchor: label.anchor, bold: label.bold, fill: label.fill, role: label.role)
    }

    static func vertical(_ d: ChartData, _ b: inout ChartSVGBuilder, top: Double) -> ChartScene {
        let W = Style.width, pad = Style.pad, fs = Style.font
        let axis = Self.axis(d, count: 5) { domain, _ in Style.plotHeight / Double(max(1, domain.indices.count - 1)) >= fs * 1.6 }
        // All zero: a short plot, just the labelled zero line.
        let plotHeight = axis.zeroOnly ? 3 * fs : Style.plotHeight
        let (low, high) = (axis.low, axis.high)
        func yRel(_ v: Double) -> Double { (high - v) / (high - low) * plotHeight }
        let tickWidth = axis.shown.map { ChartTextMetrics.width($0.label, size: fs) }.max() ?? 0
        let n = max(1, d.categories.count)

        // Category slots; rotated labels may need a wider left margin.
        var plotLeft = pad + tickWidth + 8
        var step = 0.0
        var mode = CategoryMode.horizontal([])
        for _ in 0..<4 {
            step = (W - pad - plotLeft) / Double(n)
            mode = categoryMode(d.categories, step: step)
            guard case let .rotated(angle, texts) = mode else { break }
            var minX = Double.infinity
            for (c, text) in texts.enumerated() {
                guard let text else { continue }
                let (ax, ay) = rotatedAnchor(angle, cx: plotLeft + (Double(c) + 0.5) * step, top: 0)
                minX = min(minX, ChartSVGBuilder.outline(text, x: ax, y: ay, size: fs, anchor: .end, bold: false, rotation: angle, role: "").minX)
            }
            if minX >= pad / 2 { break }
            plotLeft += pad / 2 - minX
        }
        let plotWidth = W - pad - plotLeft
        func cx(_ c: Int) -> Double { plotLeft + (Double(c) + 0.5) * step }

        // Bars.
        let k = max(1, d.seriesCount)
        let single = d.stacked || k == 1
        let barWidth: Double, gap: Double, groupWidth: Double
        if single {
            barWidth = min(step * 0.64, 90); gap = 0; groupWidth = barWidth
        } else {
            groupWidth = min(step * 0.8, 48 * Double(k))
            gap = min(3, groupWidth * 0.06)
            barWidth = (groupWidth - gap * Double(k - 1)) / Double(k)
        }
        func barX(_ c: Int, _ s: Int) -> Double { cx(c) - groupWidth / 2 + (single ? 0 : Double(s) * (barWidth + gap)) }

        // Value labels, planned relative to the plot top.
        var labels: [PlannedLabel] = []
        let lineHeight = Style.line
        func place(_ text: String, x: Double, top barTop: Double, bottom barBottom: Double, positive: Bool, width: Double,
                   series s: Int, role: String) -> PlannedLabel? {
            let w = ChartTextMetrics.width(text, size: fs)
            let h = barBottom - barTop
            guard w + 8 <= width, (Style.ascent + Style.descent) * fs + 8 <= h else { return nil }
            let y = positive ? barTop + 4 + Style.ascent * fs + 1 : barBottom - 4 - Style.descent * fs - 1
            return PlannedLabel(lines: [text], x: x, y: y, anchor: .middle, fill: ChartPalette.labelColor(on: ChartPalette.color(s)), bold: false,
                                role: role + " inside", outsideAbove: false, outsideBelow: false, backing: backing(s))
        }
        func outside(_ lines: [String], x: Double, top barTop: Double, bottom barBottom: Double, positive: Bool, bold: Bool, role: String) -> PlannedLabel {
            let y = positive ? barTop - 5 - Style.descent * fs - Double(lines.count - 1) * lineHeight
                             : barBottom + 5 + Style.ascent * fs
            return PlannedLabel(lines: lines, x: x, y: y, anchor: .middle, fill: ChartPalette.text, bold: bold, role: role,
                                outsideAbove: positive, outsideBelow: !positive)
        }
        if d.spec.valueLabels {
            if d.stacked {
                for c in d.categories.indices {
                    // The net-total marker of a mixed stack crosses the segment it falls in: no label there.
                    let net = d.isMixed(c) ? d.total(c).map { yRel(ChartData.double($0)) } : nil
                    for segment in d.segments(c) {
                        let (a, z) = (yRel(max(segment.from, segment.to)), yRel(min(segment.from, segment.to)))
                        if let label = place(d.label(segment.value), x: cx(c), top: a, bottom: z, positive: segment.to >= segment.from,
                                             width: barWidth, series: segment.series, role: "value") {
                            if let net, net >= label.y - Style.ascent * fs - 3, net <= label.y + Style.descent * fs + 3 { continue }
                            labels.append(label)
                        }
                    }
                }
                var totals: [PlannedLabel] = []
                var fits = true
                for c in d.categories.indices {
                    guard let total = d.total(c) else { continue }
                    let segments = d.segments(c)
                    let up = segments.map { max($0.from, $0.to) }.max() ?? 0
                    let down = segments.map { min($0.from, $0.to) }.min() ?? 0
                    let text = d.label(total)
                    if ChartTextMetrics.width(text, size: fs, bold: true) > step - 4 { fits = false; break }
                    totals.append(outside([text], x: cx(c), top: yRel(up), bottom: yRel(down), positive: !total.isNegative, bold: true, role: "total"))
                }
                if fits { labels += totals }
            } else {
                var planned: [PlannedLabel] = []
                let pitch = single ? step - 4 : barWidth + gap - 1
                var fits = true
                outer: for s in 0..<d.seriesCount {
                    for c in d.categories.indices {
                        guard let v = d.values[s][c] else { continue }
                        let value = ChartData.double(v)
                        let (a, z) = (yRel(max(value, 0)), yRel(min(value, 0)))
                        let text = d.label(v)
                        let x = barX(c, s) + barWidth / 2
                        if let label = place(text, x: x, top: a, bottom: z, positive: value >= 0, width: barWidth,
                                             series: s, role: "value") {
                            planned.append(label)
                        } else if ChartTextMetrics.width(text, size: fs) <= pitch {
                            planned.append(outside([text], x: x, top: a, bottom: z, positive: value >= 0, bold: false, role: "value"))
                        } else {
                            fits = false
                            break outer
                        }
                    }
                }
                if fits { labels += planned }
            }
        }
        let bandWidth = single ? barWidth : groupWidth
        for range in d.ranges {
            let text = d.rangeLabel(range)
            let room = max(step - 4, bandWidth)
            // One line if it fits, else broken after the dash, else the dash on a line of its own.
            let (low, high) = (d.label(range.low), d.label(range.high))
            guard let lines = [[text], [low + "–", high], [low, "–", high]].first(where: { candidate in
                candidate.allSatisfy { ChartTextMetrics.width($0, size: fs) <= room }
            }) else { continue }
            let (lo, hi) = (ChartData.double(range.low), ChartData.double(range.high))
            let positive = hi >= 0
            labels.append(outside(lines, x: cx(range.index), top: yRel(hi), bottom: yRel(lo), positive: positive, bold: false, role: "range-label"))
        }

        // Vertical room: labels above the top and below the bottom of the plot.
        let tickHalf = (Style.ascent - 0.35) * fs
        var above = tickHalf
        var below = 0.0
        for label in labels where label.outsideAbove || label.outsideBelow {
            above = max(above, -(label.y - Style.ascent * fs))
            below = max(below, label.y + Double(label.lines.count - 1) * lineHeight + Style.descent * fs - plotHeight)
        }
        // The unit (axis title) goes above the plot.
        var y = top + 4
        if !d.spec.unit.isEmpty {
            b.text(ChartTextMetrics.truncate(d.spec.unit, maxWidth: W - 2 * pad, size: fs), x: pad, y: y + 0.88 * fs, size: fs,
                   fill: ChartPalette.mutedText, role: "axis-title")
            y += lineHeight
        }
        let headerBottom = y
        let plotTop = y + above + 4
        let plotBottom = plotTop + plotHeight
        func yAbs(_ v: Double) -> Double { plotTop + yRel(v) }

        // Gridlines and tick labels.
        b.newline()
        b.open("g", [("class", "grid")])
        for (index, _) in axis.shown where index != 0 {
            let gy = yAbs(axis.domain.value(at: index))
            b.line(x1: plotLeft, y1: gy, x2: plotLeft + plotWidth, y2: gy, [("class", "gridline"), ("stroke", ChartPalette.grid), ("stroke-width", "1")])
        }
        b.close("g")
        b.newline()
        b.open("g", [("class", "axis value-axis")])
        for (index, label) in axis.shown {
            b.text(label, x: plotLeft - 8, y: yAbs(axis.domain.value(at: index)) + 0.35 * fs, size: fs, anchor: .end,
                   fill: ChartPalette.text, role: "tick-label")
        }
        b.close("g")
        b.newline()

        // Bars and bands.
        var marks: [(x: Double, y: Double, width: Double, height: Double)] = []
        b.open("g", [("class", "bars")])
        let multi = d.seriesCount > 1
        for c in d.categories.indices {
            if d.stacked {
                for segment in d.segments(c) {
                    let (a, z) = (yAbs(max(segment.from, segment.to)), yAbs(min(segment.from, segment.to)))
                    let title = "\(d.categories[c]) – \(d.spec.series[segment.series].label): \(d.tooltip(segment.value))"
                    seriesRect(d, &b, series: segment.series, x: barX(c, 0), y: a, width: barWidth, height: z - a, extraClass: "bar", title: title, separated: true)
                    marks.append((barX(c, 0), a, barWidth, z - a))
                }
            } else {
                for s in 0..<d.seriesCount {
                    guard let v = d.values[s][c] else { continue }
                    let value = ChartData.double(v)
                    let (a, z) = (yAbs(max(value, 0)), yAbs(min(value, 0)))
                    let title = multi ? "\(d.categories[c]) – \(d.spec.series[s].label): \(d.tooltip(v))" : "\(d.categories[c]): \(d.tooltip(v))"
                    seriesRect(d, &b, series: s, x: barX(c, s), y: a, width: barWidth, height: z - a, extraClass: "bar", title: title)
                    marks.append((barX(c, s), a, barWidth, z - a))
                }
            }
        }
        b.close("g")
        b.newline()
        if !d.ranges.isEmpty {
            b.open("g", [("class", "ranges")])
            for range in d.ranges {
                let (a, z) = (yAbs(ChartData.double(range.high)), yAbs(ChartData.double(range.low)))
                let height = max(2, z - a)
                let title = "\(d.categories[range.index]) – \(range.label): \(d.tooltip(range.low)) to \(d.tooltip(range.high))"
                b.rect(x: cx(range.index) - bandWidth / 2, y: (a + z) / 2 - height / 2, width: bandWidth, height: height,
                       [("class", "range"), ("fill", "url(#\(d.prefix)-hatch)"), ("stroke", ChartPalette.color(0)), ("stroke-width", "2")], title: title)
                marks.append((cx(range.index) - bandWidth / 2, (a + z) / 2 - height / 2, bandWidth, height))
            }
            b.close("g")
            b.newline()
        }
        b.line(x1: plotLeft, y1: yAbs(0), x2: plotLeft + plotWidth, y2: yAbs(0), [("class", "baseline"), ("stroke", ChartPalette.baseline), ("stroke-width", "1.5")])
        b.newline()
        if d.hasMixedStacks {
            b.open("g", [("class", "net-markers")])
            for c in d.categories.indices where d.isMixed(c) {
                guard let total = d.total(c) else { continue }
                let ny = yAbs(ChartData.double(total))
                b.line(x1: barX(c, 0) - 4, y1: ny, x2: barX(c, 0) + barWidth + 4, y2: ny,
                       [("class", "net-marker"), ("stroke", ChartPalette.baseline), ("stroke-width", "3")],
                       title: "\(d.categories[c]) – Total: \(d.tooltip(total))")
            }
            b.close("g")
            b.newline()
        }
        if !labels.isEmpty {
            b.open("g", [("class", "value-labels")])
            for label in labels {
                for (i, line) in label.lines.enumerated() {
                    draw(label, line: line, x: label.x, y: plotTop + label.y + Double(i) * lineHeight, &b)
                }
            }
            b.close("g")
            b.newline()
        }

        // Category labels.
        let categoryTop = plotBottom + below + 8
        var bottom = categoryTop
        b.open("g", [("class", "axis category-axis")])
        switch mode {
        case let .horizontal(wrapped):
            for (c, lines) in wrapped.enumerated() {
                for (i, line) in lines.enumerated() {
                    b.text(line, x: cx(c), y: categoryTop + 0.88 * fs + Double(i) * lineHeight, size: fs, anchor: .middle,
                           fill: ChartPalette.text, role: "category-label")
                }
                bottom = max(bottom, categoryTop + Double(lines.count) * lineHeight)
            }
        case let .rotated(angle, texts):
            for (c, text) in texts.enumerated() {
                guard let text else { continue }
                let (ax, ay) = rotatedAnchor(angle, cx: cx(c), top: categoryTop)
                b.text(text, x: ax, y: ay, size: fs, anchor: .end, fill: ChartPalette.text, role: "category-label", rotation: angle)
                bottom = max(bottom, b.texts.last!.maxY + 2)
            }
        }
        b.close("g")
        if d.categories.isEmpty {
            b.text("No data", x: plotLeft + plotWidth / 2, y: plotTop + plotHeight / 2, size: fs, anchor: .middle, fill: ChartPalette.mutedText, role: "no-data")
        }
        b.newline()
        let height = (max(bottom, plotBottom + (Style.descent + 0.35) * fs) + pad).rounded(.up)
        return ChartScene(width: W, height: height, body: "", texts: [], plot: (plotLeft, plotTop, plotWidth, plotHeight),
                          headerBottom: headerBottom, marks: marks)
    }

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

        var marks: [(x: Double, y: Double, width: Double, height: Double)] = []
        b.open("g", [("class", "bars")])
        let multi = d.seriesCount > 1
        for bar in bars {
            let value = ChartData.double(bar.value)
            let (a, z) = (x(min(value, 0)), x(max(value, 0)))
            let top = rowTop(bar.c) + Double(bar.s) * (thickness + gap)
            let title = multi ? "\(d.categories[bar.c]) – \(d.spec.series[bar.s].label): \(d.tooltip(bar.value))"
                              : "\(d.categories[bar.c]): \(d.tooltip(bar.value))"
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
                let title = "\(d.categories[range.index]) – \(range.label): \(d.tooltip(range.low)) to \(d.tooltip(range.high))"
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
            b.text("No data", x: (left + right) / 2, y: plotTop + rowHeight / 2 + 0.35 * fs, size: fs, anchor: .middle, fill: ChartPalette.mutedText, role: "no-data")
        }
        b.newline()
        let height = (bottom + pad).rounded(.up)
        return ChartScene(width: W, height: height, body: "", texts: [], plot: (left, plotTop, right - left, plotHeight),
                          headerBottom: top, marks: marks)
    }
}
