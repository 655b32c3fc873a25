import Foundation

/// Sizes of the chart, in viewBox units. The viewBox is 640 wide so that at
/// 390 CSS px (a phone) one unit is 0.61 px and 18-unit text is 11 px.
enum ChartStyle {
    static let width = 640.0
    static let pad = 12.0
    static let font = 18.0
    static let titleFont = 21.0
    static let lineHeight = 1.25
    /// Ascender and descender of Helvetica (718 and 207 per 1000), rounded up.
    static let ascent = 0.72
    static let descent = 0.21
    /// The height of the value range of vertical charts.
    static let plotHeight = 300.0
    static let swatch = 14.0
    static let fontFamily = "Helvetica, Arial, Liberation Sans, sans-serif"

    static var line: Double { font * lineHeight }
}

/// A chart spec checked and prepared for drawing: categories with range
/// categories appended, series padded to the categories, values as Double
/// for geometry (labels always come from the exact values).
struct ChartData {
    struct Range {
        var index: Int
        var low: Exact
        var high: Exact
        var label: String
    }

    let spec: ChartSpec
    let categories: [String]
    /// `values[s][c]`: series s at category c.
    let values: [[Exact?]]
    let ranges: [Range]
    let formatter: FigureFormatter
    let prefix: String
    /// `spec.valueDecimals`, kept within 0…9.
    let decimals: Int
    /// The words drawn and the description's sentences.
    let strings: Translations

    var stacked: Bool { spec.kind == .stackedBar }
    var horizontal: Bool { spec.kind == .horizontalBar }
    var seriesCount: Int { values.count }

    init(_ spec: ChartSpec, strings: Translations) {
        self.spec = spec
        self.strings = strings
        var categories = spec.categories
        var ranges: [Range] = []
        for range in spec.ranges {
            let index = categories.firstIndex(of: range.category) ?? {
                categories.append(range.category)
                return categories.count - 1
            }()
            let (low, high) = range.low <= range.high ? (range.low, range.high) : (range.high, range.low)
            ranges.append(Range(index: index, low: low, high: high, label: range.label))
        }
        self.categories = categories
        self.ranges = ranges
        values = spec.series.map { series in
            (0..<categories.count).map { $0 < series.values.count ? series.values[$0] : nil }
        }
        formatter = FigureFormatter(spec.conventions)
        prefix = ChartData.sanitize(spec.idPrefix)
        decimals = min(max(spec.valueDecimals, 0), 9)
    }

    /// A safe id prefix: ASCII letters, digits, `-`, `_`, starting with a letter.
    static func sanitize(_ prefix: String) -> String {
        var out = String(prefix.unicodeScalars.map { scalar -> Character in
            let ok = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || scalar == "-" || scalar == "_"
            return ok ? Character(scalar) : "-"
        })
        if out.isEmpty { out = "chart" }
        if let first = out.unicodeScalars.first, !(first.isASCII && CharacterSet.letters.contains(first)) { out = "c" + out }
        return out
    }

    static func double(_ value: Exact) -> Double { Double(value.numerator) / Double(value.denominator) }

    /// A value as the chart's labels and table print it ("8,108", "(632)").
    func label(_ value: Exact) -> String { formatter.format(value, places: decimals) }

    /// A value with prefix and suffix, negatives as the site prints them: "(¥632 million)".
    func tooltip(_ value: Exact) -> String {
        let units = value.scaled(to: decimals, spec.conventions.rounding)
        let body = spec.valuePrefix + formatter.format(units: Int128(units.magnitude), places: decimals) + spec.valueSuffix
        guard units < 0 else { return body }
        return spec.conventions.negative == .parentheses ? "(" + body + ")" : "−" + body
    }

    /// A value for sentences, negatives with a minus sign: "¥8,108 million", "−¥632 million".
    func phrase(_ value: Exact) -> String {
        let units = value.scaled(to: decimals, spec.conventions.rounding)
        let body = spec.valuePrefix + formatter.format(units: Int128(units.magnitude), places: decimals) + spec.valueSuffix
        return units < 0 ? "−" + body : body
    }

    /// A range as labels print it: "10,000–10,500".
    func rangeLabel(_ range: Range) -> String { label(range.low) + "–" + label(range.high) }

    /// The stacked total of category c (nil when no series has a value).
    func total(_ c: Int) -> Exact? {
        var sum: Exact?
        for s in values.indices { if let v = values[s][c] { sum = (sum ?? .zero) + v } }
        return sum
    }

    /// Stacked segments of category c: (series, from, to) with positive parts
    /// stacked up from zero and negative parts down from zero.
    func segments(_ c: Int) -> [(series: Int, from: Double, to: Double, value: Exact)] {
        var up = 0.0, down = 0.0
        var result: [(Int, Double, Double, Exact)] = []
        for s in values.indices {
            guard let v = values[s][c] else { continue }
            let d = ChartData.double(v)
            if d >= 0 {
                result.append((s, up, up + d, v)); up += d
            } else {
                result.append((s, down, down + d, v)); down += d
            }
        }
        return result
    }

    /// The data extent, including zero and the ranges.
    var extent: (Double, Double) {
        var low = 0.0, high = 0.0
        if stacked {
            for c in categories.indices {
                for segment in segments(c) { low = min(low, segment.to, segment.from); high = max(high, segment.to, segment.from) }
            }
        } else {
            for row in values { for v in row { if let v { let d = ChartData.double(v); low = min(low, d); high = max(high, d) } } }
        }
        for r in ranges { low = min(low, ChartData.double(r.low)); high = max(high, ChartData.double(r.high)) }
        return (low, high)
    }

    /// Whether category c stacks both positive and negative parts.
    func isMixed(_ c: Int) -> Bool {
        let row = values.compactMap { $0[c] }
        return row.contains { $0.signum > 0 } && row.contains { $0.signum < 0 }
    }

    var hasMixedStacks: Bool { stacked && categories.indices.contains(where: isMixed) }

    /// Distinct range labels in order of appearance.
    var rangeLabels: [String] {
        var seen: [String] = []
        for r in ranges where !seen.contains(r.label) { seen.append(r.label) }
        return seen
    }
}
