import Foundation
import IRSiteSamples
import XCTest
@testable import IRSiteKit
import IRSiteTestSupport

/// Layout checks that hold for every chart: no text overlaps another, text
/// stays inside the viewBox, the legend sits above the plot, ids are unique.
final class ChartLayoutTests: XCTestCase {
    /// Charts beyond the goldens: every category count from 1 to 40, long labels, many series.
    static var extraSpecs: [(name: String, spec: ChartSpec)] {
        var specs = (1...40).map { n -> (String, ChartSpec) in
            var spec = ChartSamples.quarterly(n)
            spec.idPrefix = "n\(n)"
            return ("n\(n)", spec)
        }
        var grouped = ChartSamples.revenueByService
        grouped.categories = (1...12).map { "FY\(1990 + $0)" }
        grouped.series = grouped.series.map { var s = $0; s.values = (0..<12).map { Exact(100 * $0 + 37) }; return s }
        grouped.idPrefix = "grouped-12"
        specs.append(("grouped-12", grouped))
        var longLabels = ChartSamples.revenue
        longLabels.categories = ["First half of fiscal 2000", "Second half of fiscal 2000", "First half of fiscal 2001"]
        longLabels.idPrefix = "long-labels"
        specs.append(("long-labels", longLabels))
        var eight = ChartSamples.revenueByService
        eight.kind = .stackedBar
        eight.series = (0..<8).map { ChartSeries(id: "s\($0)", label: "Segment \($0 + 1)", values: [Exact(10 + $0), Exact(-3), nil]) }
        eight.idPrefix = "eight-series"
        specs.append(("eight-series", eight))
        var wideTicks = ChartSamples.changeInContracts
        wideTicks.series[0].values = [Exact(-4_000_000), Exact(12_345_678), nil, Exact(0), Exact(9_999_999), Exact(-1)]
        wideTicks.idPrefix = "wide-ticks"
        specs.append(("wide-ticks", wideTicks))
        specs += edgeCases
        return specs
    }

    /// Specs a careless caller might pass: they must still draw cleanly.
    static var edgeCases: [(name: String, spec: ChartSpec)] {
        let empty = ChartSpec(title: "Nothing yet", categories: [], series: [], idPrefix: "empty")
        let noSeries = ChartSpec(title: "No series", categories: ["2Q00", "1Q01"], series: [], idPrefix: "no-series")
        let ragged = ChartSpec(kind: .groupedBar, title: "Ragged series", categories: ["A", "B", "C", "D"],
                               series: [ChartSeries(id: "short", label: "Short", values: [Exact(5)]),
                                        ChartSeries(id: "long", label: "Long", values: [Exact(1), Exact(2), Exact(3), Exact(4), Exact(99)]),
                                        ChartSeries(id: "none", label: "All missing", values: [nil, nil, nil, nil])],
                               idPrefix: "ragged")
        let rangeOnly = ChartSpec(title: "Guidance only", categories: [], series: [],
                                  ranges: [ChartRange(category: "3Q01", low: Exact(10_500), high: Exact(10_000)),
                                           ChartRange(category: "4Q01", low: Exact(-300), high: Exact(-150), label: "Outlook")],
                                  unit: "JPY in millions", idPrefix: "range-only")
        let japanese = ChartSpec(kind: .horizontalBar, title: "売上高の内訳（第2四半期）", subtitle: "単位：百万円",
                                 categories: ["インターネット接続サービス", "システムインテグレーション", "機器販売"],
                                 series: [ChartSeries(id: "r", label: "売上高", values: [Exact(5_553), Exact(3_352), Exact(623)])],
                                 unit: "百万円", idPrefix: "japanese", categoryTitle: "区分")
        let japaneseColumns = ChartSpec(kind: .bar, title: "売上高", categories: ["2000年第2四半期", "2001年第1四半期", "2001年第2四半期"],
                                        series: [ChartSeries(id: "r", label: "売上高", values: [Exact(8_108), Exact(8_333), Exact(9_528)])],
                                        unit: "百万円", idPrefix: "japanese-columns")
        let wordy = ChartSpec(kind: .stackedBar,
                              title: "A very long chart title that goes on and on about revenues, costs, margins and everything else the company reported this quarter and last",
                              subtitle: "With an equally long subtitle explaining that the figures are unaudited, consolidated, in millions of yen, and subject to change without notice",
                              categories: ["2Q00", "1Q01"],
                              series: [ChartSeries(id: "a", label: String(repeating: "Extraordinarily long series label ", count: 4), values: [Exact(3), Exact(-2)]),
                                       ChartSeries(id: "b", label: "B", values: [Exact(-1), Exact(4)])],
                              unit: "JPY in millions, unaudited, consolidated, restated for the change in accounting policy adopted in fiscal 2001",
                              valueDecimals: 99, idPrefix: "wordy")
        var oneNegative = ChartSamples.single
        oneNegative.series[0].values = [Exact(-9_528)]
        oneNegative.idPrefix = "one-negative"
        var horizontalMixed = ChartSamples.contractsByYear
        horizontalMixed.series[1].values = [Exact(-213), Exact(49), nil, Exact(-123), Exact(2)]
        horizontalMixed.ranges = [ChartRange(category: "Next year", low: Exact(-50), high: Exact(300), label: "Plan")]
        horizontalMixed.idPrefix = "horizontal-mixed"
        var negativeZero = ChartSamples.small
        negativeZero.series[0].values = [Exact(-1, 10_000), Exact(1, 10_000), nil, Exact(0)]
        negativeZero.idPrefix = "rounds-to-zero"
        return [("empty", empty), ("no-series", noSeries), ("ragged", ragged), ("range-only", rangeOnly), ("japanese", japanese),
                ("japanese-columns", japaneseColumns), ("wordy", wordy), ("one-negative", oneNegative),
                ("horizontal-mixed", horizontalMixed), ("rounds-to-zero", negativeZero)]
    }

    func testEdgeCasesDescribeAndTabulateSensibly() {
        let cases = Dictionary(uniqueKeysWithValues: Self.edgeCases.map { ($0.name, $0.spec) })
        XCTAssertEqual(ChartRenderer.description(cases["empty"]!, strings: .theme), "Bar chart of Nothing yet, for 0 categories. It has no data.")
        XCTAssertEqual(ChartRenderer.table(cases["empty"]!, strings: .theme).rows, [])
        XCTAssertEqual(ChartRenderer.table(cases["ragged"]!, strings: .theme).rows.map(\.cells),
                       [["5", "1", "-"], ["-", "2", "-"], ["-", "3", "-"], ["-", "4", "-"]], "extra values are ignored, missing ones are blank")
        XCTAssertTrue(ChartRenderer.description(cases["ragged"]!, strings: .theme).contains("All missing: no data."))
        XCTAssertEqual(ChartRenderer.table(cases["range-only"]!, strings: .theme).rows.map(\.cells), [["10,000–10,500", ""], ["", "(300)–(150)"]],
                       "a reversed range is put in order")
        XCTAssertEqual(ChartRenderer.table(cases["wordy"]!, strings: .theme).rows[0].cells, ["3.000000000", "(1.000000000)", "2.000000000"], "decimals are capped at 9")
        XCTAssertEqual(ChartRenderer.table(cases["rounds-to-zero"]!, strings: .theme).rows[0].cells, ["0.000"], "no sign on a value that rounds to zero, like FigureFormatter")
        let svg = ChartRenderer.svg(cases["rounds-to-zero"]!, strings: .theme)
        XCTAssertTrue(svg.contains("<title>A: $0.000</title>"), "a value that rounds to zero has no sign in tooltips")
    }

    static var everySpec: [(name: String, spec: ChartSpec)] { ChartSamples.all + extraSpecs }

    func testNoTextOverlapsAnotherAndAllTextIsInside() {
        for (name, spec) in Self.everySpec {
            let scene = ChartLayout.scene(ChartData(spec, strings: .theme))
            let texts = scene.texts
            for (i, a) in texts.enumerated() {
                XCTAssertGreaterThanOrEqual(a.minX, 0, "\(name): '\(a.text)' sticks out left")
                XCTAssertLessThanOrEqual(a.maxX, scene.width, "\(name): '\(a.text)' sticks out right")
                XCTAssertGreaterThanOrEqual(a.minY, 0, "\(name): '\(a.text)' sticks out at the top")
                XCTAssertLessThanOrEqual(a.maxY, scene.height, "\(name): '\(a.text)' sticks out at the bottom")
                for b in texts[(i + 1)...] where a.overlaps(b) {
                    XCTFail("\(name): '\(a.text)' (\(a.role)) overlaps '\(b.text)' (\(b.role))")
                }
            }
        }
    }

    func testLegendAndHeadingStayAboveThePlotAndLabelsClearOfBars() {
        for (name, spec) in Self.everySpec {
            let scene = ChartLayout.scene(ChartData(spec, strings: .theme))
            let horizontal = ChartData(spec, strings: .theme).horizontal
            for text in scene.texts where ["title", "subtitle", "legend-label"].contains(text.role) || (text.role == "axis-title" && !horizontal) {
                XCTAssertLessThanOrEqual(text.maxY, scene.plot.y, "\(name): \(text.role) '\(text.text)' reaches into the plot")
            }
            // Outside value labels, range labels, totals, ticks and categories do not sit on any bar.
            for text in scene.texts where ["value", "total", "range-label", "category-label", "tick-label"].contains(text.role) {
                for mark in scene.marks where mark.width > 0 && mark.height > 0 {
                    let overlapX = min(text.maxX, mark.x + mark.width) - max(text.minX, mark.x)
                    let overlapY = min(text.maxY, mark.y + mark.height) - max(text.minY, mark.y)
                    if overlapX > 0.5, overlapY > 0.5 {
                        XCTFail("\(name): \(text.role) '\(text.text)' covers a bar at \(mark)")
                    }
                }
            }
        }
    }

    func testValueLabelsFitInsideOrGoOutside() {
        let scene = ChartLayout.scene(ChartData(ChartSamples.revenue, strings: .theme))
        let inside = scene.texts.filter { $0.role == "value inside" }.map(\.text)
        let outside = scene.texts.filter { $0.role == "value" }.map(\.text)
        XCTAssertEqual(inside, ["8,108", "8,333", "9,528"], "tall bars carry their labels inside")
        XCTAssertEqual(outside, [])
        XCTAssertEqual(scene.texts.filter { $0.role == "range-label" }.map(\.text), ["10,000–10,500"])
        var narrow = ChartSamples.revenue
        narrow.categories = (1...8).map { "Q\($0)" }
        narrow.series[0].values = (1...8).map { Exact(1_000 * $0) }
        let wrapped = ChartLayout.scene(ChartData(narrow, strings: .theme))
        let pieces = wrapped.texts.filter { $0.role == "range-label" }.map(\.text)
        XCTAssertGreaterThan(pieces.count, 1, "the range label wraps to fit a narrow slot")
        XCTAssertEqual(pieces.joined(), "10,000–10,500")
        let income = ChartLayout.scene(ChartData(ChartSamples.operatingIncome, strings: .theme))
        XCTAssertEqual(income.texts.filter { $0.role == "value" }.map(\.text), ["16"], "a short bar's label goes outside")
        XCTAssertEqual(income.texts.filter { $0.role == "value inside" }.map(\.text), ["(632)", "(300)"])
        XCTAssertEqual(income.texts.filter { $0.role == "tick-label" }.map(\.text), ["(800)", "(600)", "(400)", "(200)", "0", "200", "400"], "from the bottom up")
        // With 40 bars the labels cannot fit: none are drawn (the values are in the titles and the table).
        let forty = ChartLayout.scene(ChartData(ChartSamples.quarterly(40), strings: .theme))
        XCTAssertTrue(forty.texts.filter { $0.role.hasPrefix("value") }.isEmpty)
    }

    func testCategoryLabelsWrapThenRotateThenThin() {
        func roles(_ spec: ChartSpec) -> [String] { ChartLayout.scene(ChartData(spec, strings: .theme)).texts.filter { $0.role == "category-label" }.map(\.text) }
        var long = ChartSamples.revenue
        long.categories = ["First half of fiscal 2000", "Second half of fiscal 2000", "First half of fiscal 2001"]
        XCTAssertEqual(roles(long).prefix(2), ["First half of", "fiscal 2000"], "wrapped at spaces")
        let twenty = ChartLayout.scene(ChartData(ChartSamples.quarterly(20), strings: .theme))
        XCTAssertEqual(twenty.texts.filter { $0.role == "category-label" }.count, 20)
        XCTAssertTrue(twenty.body.contains("rotate(-45 "), "20 quarters rotate 45°")
        XCTAssertFalse(ChartLayout.scene(ChartData(ChartSamples.quarterly(8), strings: .theme)).body.contains("rotate("), "8 quarters fit flat")
        let forty = ChartLayout.scene(ChartData(ChartSamples.quarterly(40), strings: .theme))
        XCTAssertTrue(forty.body.contains("rotate(-90 "))
        XCTAssertEqual(forty.texts.filter { $0.role == "category-label" }.count, 20, "every other label of 40")
    }

    func testMarginsFitTheLongestTickLabel() {
        let scene = ChartLayout.scene(ChartData(ChartSamples.large, strings: .theme))
        let ticks = scene.texts.filter { $0.role == "tick-label" }
        XCTAssertEqual(ticks.map(\.text).last, "1,500,000,000,000")
        for tick in ticks { XCTAssertGreaterThanOrEqual(tick.minX, ChartStyle.pad - 0.01); XCTAssertLessThan(tick.maxX, scene.plot.x) }
        let small = ChartLayout.scene(ChartData(ChartSamples.small, strings: .theme))
        XCTAssertEqual(small.texts.filter { $0.role == "tick-label" }.map(\.text),
                       ["(0.002)", "(0.001)", "0.000", "0.001", "0.002", "0.003"])
    }

    func testBarsStartAtZeroAndTheDataFillTheAxis() {
        let data = ChartData(ChartSamples.netLoss, strings: .theme)
        let scene = ChartLayout.scene(data)
        let bars = scene.marks
        XCTAssertEqual(bars.count, 3)
        let zero = bars.map(\.y).min()!
        for bar in bars { XCTAssertEqual(bar.y, zero, accuracy: 0.001, "negative bars hang from the zero line") }
        XCTAssertEqual(zero, scene.plot.y, accuracy: 0.001, "all-negative: zero is the top of the axis")
        let ticks = scene.texts.filter { $0.role == "tick-label" }.map(\.text)
        XCTAssertEqual(ticks.last, "0")
        XCTAssertEqual(ticks.first, "(3,500)", "the axis ends one step past the lowest value (3,085)")
    }

    func testIdsAreUniqueAndPrefixed() throws {
        let regex = try NSRegularExpression(pattern: #" id="([^"]+)""#)
        var all = Set<String>()
        for (name, spec) in Self.everySpec {
            let svg = ChartRenderer.svg(spec, strings: .theme)
            let ids = regex.matches(in: svg, range: NSRange(location: 0, length: (svg as NSString).length)).map { (svg as NSString).substring(with: $0.range(at: 1)) }
            XCTAssertEqual(Set(ids).count, ids.count, "\(name): duplicate ids")
            let prefix = ChartData.sanitize(spec.idPrefix)
            for id in ids { XCTAssertTrue(id.hasPrefix(prefix + "-"), "\(name): \(id)") }
            XCTAssertTrue(all.isDisjoint(with: ids), "\(name) reuses another chart's ids")
            all.formUnion(ids)
            // Every url(#…) and aria reference points at an id of this chart.
            let refs = try NSRegularExpression(pattern: #"url\(#([^)]+)\)"#)
            for match in refs.matches(in: svg, range: NSRange(location: 0, length: (svg as NSString).length)) {
                XCTAssertTrue(ids.contains((svg as NSString).substring(with: match.range(at: 1))), name)
            }
            XCTAssertTrue(svg.contains("aria-labelledby=\"\(prefix)-title \(prefix)-desc\""), name)
        }
        XCTAssertEqual(ChartData.sanitize("2Q01 revenue <chart>"), "c2Q01-revenue--chart-")
        XCTAssertEqual(ChartData.sanitize(""), "chart")
    }

    func testStandaloneAndInlineForms() {
        let standalone = ChartRenderer.svg(ChartSamples.revenue, strings: .theme, standalone: true)
        let inline = ChartRenderer.svg(ChartSamples.revenue, strings: .theme, standalone: false)
        XCTAssertTrue(standalone.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(inline.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertEqual(standalone, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inline)
        for attribute in ["role=\"img\"", "width=\"100%\"", "viewBox=\"0 0 640 ", "class=\"irsite-chart irsite-chart-bar\""] {
            XCTAssertTrue(inline.contains(attribute), attribute)
        }
        XCTAssertFalse(inline.contains(" height=\"") && inline.components(separatedBy: ">")[0].contains(" height="), "no fixed height on the root")
        XCTAssertFalse(inline.contains("<style"), "no stylesheet that would leak into the page")
    }

    func testTextIsEscaped() {
        var spec = ChartSamples.single
        spec.title = "R&D <costs> \"quoted\" 'single'\u{7}"
        spec.categories = ["A&B"]
        let svg = ChartRenderer.svg(spec, strings: .theme, standalone: true)
        XCTAssertTrue(svg.contains("R&amp;D &lt;costs&gt; &quot;quoted&quot; &apos;single&apos;<"))
        XCTAssertTrue(svg.contains(">A&amp;B<"))
        XCTAssertFalse(svg.contains("\u{7}"))
    }

    func testNumbersPrintWithoutTrailingZeros() {
        XCTAssertEqual(ChartNumber.format(12.5), "12.5")
        XCTAssertEqual(ChartNumber.format(12.50001), "12.5")
        XCTAssertEqual(ChartNumber.format(3.0), "3")
        XCTAssertEqual(ChartNumber.format(-0.001), "0")
        XCTAssertEqual(ChartNumber.format(-2.345), "-2.35")
        XCTAssertEqual(ChartNumber.format(0.05), "0.05")
        XCTAssertEqual(ChartNumber.format(100.1), "100.1")
    }
}
