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
    /// The drawn bars and bands, in drawing order.
    var marks: [Mark]

    typealias Mark = (x: Double, y: Double, width: Double, height: Double)
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
        if d.hasMixedStacks { items.append(.net(d.strings.text("chart_total"))) }
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

    // MARK: - Value labels

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
}
