import Foundation

/// Renders a `ChartSpec` as an accessible SVG, a sentence description and a
/// data table. Pure functions: the same spec always gives the same bytes.
///
/// The SVG has `role="img"` and `aria-labelledby` naming its `<title>` and
/// `<desc>` (the description, generated from the data); every bar has a
/// `<title>` with its category, series and value. All ids start with the
/// spec's `idPrefix`, so several charts can be inlined in one page. Colours
/// are CSS classes (`series-0` …, `range`, `gridline`, `baseline`, …) with
/// inline defaults, and the root has class `irsite-chart`, a `viewBox` and
/// `width="100%"`, so it scales to its container and a theme can restyle it.
public enum ChartRenderer {
    /// The chart as SVG: with `standalone`, a complete `.svg` file (XML
    /// declaration and namespace); otherwise the `<svg>` element to inline in HTML.
    public static func svg(_ spec: ChartSpec, strings: Translations, standalone: Bool = false) -> String {
        let data = ChartData(spec, strings: strings)
        return document(data, ChartLayout.scene(data), standalone: standalone)
    }

    /// What the chart shows, in sentences generated from the data (the SVG's `<desc>`).
    public static func description(_ spec: ChartSpec, strings: Translations) -> String {
        ChartNarrative.description(ChartData(spec, strings: strings))
    }

    /// The chart's data as a table of formatted strings.
    public static func table(_ spec: ChartSpec, strings: Translations) -> ChartTable {
        ChartNarrative.table(ChartData(spec, strings: strings))
    }

    /// What a standalone file has before the `<svg>` element.
    public static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func document(_ d: ChartData, _ scene: ChartScene, standalone: Bool) -> String {
        let p = d.prefix
        var out = standalone ? xmlDeclaration : ""
        out += "<svg" + ChartSVGBuilder.attributes([
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "irsite-chart irsite-chart-\(d.spec.kind.rawValue.replacingOccurrences(of: "_", with: "-"))"),
            ("viewBox", "0 0 \(ChartNumber.format(scene.width)) \(ChartNumber.format(scene.height))"),
            ("width", "100%"),
            ("role", "img"),
            ("aria-labelledby", "\(p)-title \(p)-desc"),
            ("font-family", ChartStyle.fontFamily),
            ("font-size", ChartNumber.format(ChartStyle.font)),
        ]) + ">\n"
        out += "<title id=\"\(p)-title\">" + ChartXML.escape(d.spec.title) + "</title>\n"
        out += "<desc id=\"\(p)-desc\">" + ChartXML.escape(ChartNarrative.description(d)) + "</desc>\n"
        out += scene.body
        out += "</svg>\n"
        return out
    }
}
