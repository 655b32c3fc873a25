import Foundation

/// Numbers as the SVG prints them: at most two decimals, no trailing zeros,
/// no negative zero ("12.5", "-3", "0").
enum ChartNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 9e15 else { return "0" }
        var units = Int64(hundredths)
        if units == 0 { return "0" }
        let negative = units < 0
        units = abs(units)
        var text = (negative ? "-" : "") + String(units / 100)
        let fraction = units % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }
}

/// XML escaping for text content and attribute values: the same rules as the
/// feed and sitemap (``PublishXML``), so every XML file IRSite writes escapes alike.
enum ChartXML {
    static func escape(_ text: String) -> String { PublishXML.attribute(text) }
}

/// A point of a placed text's outline, for layout checks.
struct ChartPoint: Hashable {
    var x: Double
    var y: Double
}

/// A text the chart draws, with its estimated outline (a rotated rectangle).
struct ChartText {
    var text: String
    var role: String
    var corners: [ChartPoint]

    var minX: Double { corners.map(\.x).min() ?? 0 }
    var maxX: Double { corners.map(\.x).max() ?? 0 }
    var minY: Double { corners.map(\.y).min() ?? 0 }
    var maxY: Double { corners.map(\.y).max() ?? 0 }

    /// Whether two outlines overlap (separating-axis test on the two rectangles).
    func overlaps(_ other: ChartText, tolerance: Double = 0.5) -> Bool {
        for shape in [corners, other.corners] {
            for i in 0..<shape.count {
                let a = shape[i], b = shape[(i + 1) % shape.count]
                let (nx, ny) = (b.y - a.y, a.x - b.x)
                let length = (nx * nx + ny * ny).squareRoot()
                guard length > 0 else { continue }
                let p1 = corners.map { ($0.x * nx + $0.y * ny) / length }
                let p2 = other.corners.map { ($0.x * nx + $0.y * ny) / length }
                if p1.max()! <= p2.min()! + tolerance || p2.max()! <= p1.min()! + tolerance { return false }
            }
        }
        return true
    }
}

enum ChartTextAnchor: String {
    case start, middle, end
}

/// Writes SVG markup with deterministic attribute order and records every
/// text's outline.
struct ChartSVGBuilder {
    var body = ""
    var texts: [ChartText] = []

    init() { body.reserveCapacity(16_384) }

    mutating func raw(_ markup: String) { body += markup }

    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        body += "<" + tag + Self.attributes(attributes) + ">"
    }

    mutating func close(_ tag: String) { body += "</" + tag + ">" }

    mutating func empty(_ tag: String, _ attributes: [(String, String)]) {
        body += "<" + tag + Self.attributes(attributes) + "/>"
    }

    mutating func newline() { body += "\n" }

    /// A rectangle; with a `title`, the title is its tooltip.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, _ attributes: [(String, String)], title: String? = nil) {
        let geometry = [("x", ChartNumber.format(x)), ("y", ChartNumber.format(y)),
                        ("width", ChartNumber.format(max(0, width))), ("height", ChartNumber.format(max(0, height)))]
        let head = "<rect" + Self.attributes(Array(attributes.prefix(1)) + geometry + attributes.dropFirst())
        if let title {
            body += head + "><title>" + ChartXML.escape(title) + "</title></rect>"
        } else {
            body += head + "/>"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, _ attributes: [(String, String)], title: String? = nil) {
        let geometry = [("x1", ChartNumber.format(x1)), ("y1", ChartNumber.format(y1)),
                        ("x2", ChartNumber.format(x2)), ("y2", ChartNumber.format(y2))]
        let head = "<line" + Self.attributes(Array(attributes.prefix(1)) + geometry + attributes.dropFirst())
        if let title {
            body += head + "><title>" + ChartXML.escape(title) + "</title></line>"
        } else {
            body += head + "/>"
        }
    }

    /// A text whose baseline starts/centres/ends at (x, y), optionally rotated
    /// by `rotation` degrees about that point.
    mutating func text(_ content: String, x: Double, y: Double, size: Double, anchor: ChartTextAnchor = .start,
                       bold: Bool = false, fill: String, role: String, rotation: Double = 0) {
        var attributes: [(String, String)] = [("class", role), ("x", ChartNumber.format(x)), ("y", ChartNumber.format(y))]
        if size != ChartStyle.font { attributes.append(("font-size", ChartNumber.format(size))) }
        if bold { attributes.append(("font-weight", "bold")) }
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        attributes.append(("fill", fill))
        if rotation != 0 {
            attributes.append(("transform", "rotate(\(ChartNumber.format(rotation)) \(ChartNumber.format(x)) \(ChartNumber.format(y)))"))
        }
        body += "<text" + Self.attributes(attributes) + ">" + ChartXML.escape(content) + "</text>"
        texts.append(Self.outline(content, x: x, y: y, size: size, anchor: anchor, bold: bold, rotation: rotation, role: role))
    }

    /// The estimated outline of a text: ascender to descender, advance width.
    static func outline(_ content: String, x: Double, y: Double, size: Double, anchor: ChartTextAnchor, bold: Bool,
                        rotation: Double, role: String) -> ChartText {
        let width = ChartTextMetrics.width(content, size: size, bold: bold)
        let left: Double = anchor == .start ? 0 : anchor == .middle ? -width / 2 : -width
        let local = [(left, -ChartStyle.ascent * size), (left + width, -ChartStyle.ascent * size),
                     (left + width, ChartStyle.descent * size), (left, ChartStyle.descent * size)]
        let angle = rotation * .pi / 180
        let (c, s) = (cos(angle), sin(angle))
        let corners = local.map { ChartPoint(x: x + $0.0 * c - $0.1 * s, y: y + $0.0 * s + $0.1 * c) }
        return ChartText(text: content, role: role, corners: corners)
    }

    static func attributes(_ list: [(String, String)]) -> String {
        var out = ""
        for (name, value) in list { out += " " + name + "=\"" + ChartXML.escape(value) + "\"" }
        return out
    }
}
