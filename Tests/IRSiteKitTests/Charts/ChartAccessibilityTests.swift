import Foundation
import IRSiteSamples
import XCTest
@testable import IRSiteKit
import IRSiteTestSupport

/// Colours, words and the data table.
final class ChartAccessibilityTests: XCTestCase {
    /// WCAG 2 relative luminance and contrast, computed here from the hex
    /// values (not with the code under test).
    private func luminance(_ hex: String) -> Double {
        let v = Int(hex.dropFirst(), radix: 16)!
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(v >> 16 & 255) + 0.7152 * linear(v >> 8 & 255) + 0.0722 * linear(v & 255)
    }

    private func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    func testEverySeriesColourHasThreeToOneContrastOnWhite() {
        XCTAssertGreaterThanOrEqual(ChartPalette.series.count, 5)
        for colour in ChartPalette.series {
            XCTAssertGreaterThanOrEqual(contrast(colour, "#FFFFFF"), 3, "\(colour): WCAG 1.4.11 needs 3:1 against the background")
        }
        XCTAssertEqual(contrast("#0072B2", "#FFFFFF"), 5.19, accuracy: 0.01)
        XCTAssertEqual(contrast("#CC79A7", "#FFFFFF"), 3.06, accuracy: 0.01)
        XCTAssertEqual(Set(ChartPalette.series).count, ChartPalette.series.count)
        // Gridlines are light; text is not.
        XCTAssertGreaterThanOrEqual(contrast(ChartPalette.text, "#FFFFFF"), 4.5)
        XCTAssertGreaterThanOrEqual(contrast(ChartPalette.mutedText, "#FFFFFF"), 4.5)
        XCTAssertGreaterThanOrEqual(contrast(ChartPalette.baseline, "#FFFFFF"), 3)
        XCTAssertLessThan(contrast(ChartPalette.grid, "#FFFFFF"), 1.5)
    }

    func testLabelsInsideBarsHaveTextContrast() {
        for colour in ChartPalette.series {
            let label = ChartPalette.labelColor(on: colour)
            XCTAssertGreaterThanOrEqual(contrast(label, colour), 4.7, "label \(label) on \(colour): WCAG 1.4.3 needs 4.5:1 (kept with a margin)")
        }
        // And the drawn charts use exactly those colours: every label inside a bar is filled
        // with the label colour for that bar's fill, read back from the SVG.
        let number = #"(-?[0-9.]+)"#
        let barPattern = try! NSRegularExpression(pattern: #"<rect class="bar series-\d+" x=""# + number + #"" y=""# + number + #"" width=""# + number
                                                  + #"" height=""# + number + #"" fill="(#[0-9A-F]{6})""#)
        let labelPattern = try! NSRegularExpression(pattern: #"<text class="value inside" x=""# + number + #"" y=""# + number + #""[^>]*? fill="(#[0-9A-F]{6})""#)
        var checked = 0
        for (name, spec) in ChartSamples.all {
            let svg = ChartRenderer.svg(spec, strings: .theme, standalone: true), ns = svg as NSString
            func groups(_ m: NSTextCheckingResult) -> [String] { (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) } }
            let bars = barPattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map(groups)
            for label in labelPattern.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map(groups) {
                let (x, y) = (Double(label[0])!, Double(label[1])!)
                let under = bars.filter { b in
                    let (bx, by, bw, bh) = (Double(b[0])!, Double(b[1])!, Double(b[2])!, Double(b[3])!)
                    return bx <= x + 0.01 && x <= bx + bw + 0.01 && by <= y && y <= by + bh
                }
                guard let bar = under.first, under.count == 1 else { XCTFail("\(name): the label at \(x),\(y) is not inside exactly one bar"); continue }
                XCTAssertEqual(label[2], ChartPalette.labelColor(on: bar[4]), "\(name): label at \(x),\(y) on \(bar[4])")
                XCTAssertGreaterThanOrEqual(contrast(label[2], bar[4]), 4.5, "\(name): label at \(x),\(y)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10, "the samples put labels inside bars")
    }

    func testSeriesDifferWithoutColour() {
        let textures = (0..<ChartPalette.series.count * 2).map { "\(ChartPalette.color($0))/\(ChartPalette.texture($0))" }
        XCTAssertEqual(Set(textures).count, textures.count, "no two of the first 12 series look alike")
        let svg = ChartRenderer.svg(ChartSamples.revenueByService, strings: .theme)
        XCTAssertTrue(svg.contains("class=\"texture\""), "series after the first are textured")
        XCTAssertTrue(svg.contains("class=\"swatch series-1\""), "the legend shows the texture too")
        // Bars are in series order within each group and the legend lists them in that order.
        let legend = ChartLayout.scene(ChartData(ChartSamples.revenueByService, strings: .theme)).texts.filter { $0.role == "legend-label" }.map(\.text)
        XCTAssertEqual(legend, ["Connectivity and value-added services", "Systems integration", "Equipment sales"])
    }

    func testColoursAreClassesWithInlineDefaults() {
        let svg = ChartRenderer.svg(ChartSamples.revenueByService, strings: .theme)
        XCTAssertTrue(svg.contains("<rect class=\"bar series-0\" x="))
        XCTAssertTrue(svg.contains("fill=\"#0072B2\""))
        XCTAssertTrue(svg.contains("<rect class=\"bar series-2\""))
        XCTAssertTrue(svg.contains("class=\"gridline\""))
        XCTAssertTrue(svg.contains("class=\"baseline\""))
        let guidance = ChartRenderer.svg(ChartSamples.revenue, strings: .theme)
        XCTAssertTrue(guidance.contains("<rect class=\"range\""))
        XCTAssertTrue(guidance.contains("fill=\"url(#revenue-hatch)\""))
    }

    func testTitleAndDescriptionLabelTheImage() {
        let svg = ChartRenderer.svg(ChartSamples.revenue, strings: .theme)
        XCTAssertTrue(svg.contains("<title id=\"revenue-title\">Total revenues</title>"))
        XCTAssertTrue(svg.contains("<desc id=\"revenue-desc\">" + ChartRenderer.description(ChartSamples.revenue, strings: .theme) + "</desc>"))
        XCTAssertTrue(svg.contains("<title>2Q00: ¥8,108 million</title>"), "each bar has a title with its label and value")
        XCTAssertTrue(svg.contains("<title>3Q01 – Guidance: ¥10,000 million to ¥10,500 million</title>"))
        let income = ChartRenderer.svg(ChartSamples.operatingIncome, strings: .theme)
        XCTAssertTrue(income.contains("<title>2Q00: (¥632 million)</title>"), "tooltips print negatives like the site")
    }

    func testDescriptionsAreGeneratedFromTheData() {
        XCTAssertEqual(ChartRenderer.description(ChartSamples.revenue, strings: .theme),
                       "Bar chart of Total revenues (Quarterly, with 3Q01 guidance), JPY in millions, 2Q00 to 3Q01. "
                       + "Revenues rose 17.5% from ¥8,108 million in 2Q00 to ¥9,528 million in 2Q01. "
                       + "Guidance for 3Q01: ¥10,000 million to ¥10,500 million.")
        XCTAssertEqual(ChartRenderer.description(ChartSamples.operatingIncome, strings: .theme),
                       "Bar chart of Operating income (loss), JPY in millions, 2Q00 to 3Q01. "
                       + "Operating income rose from −¥632 million in 2Q00 to ¥16 million in 2Q01. It turned positive in 2Q01. "
                       + "Guidance for 3Q01: ¥150 million to ¥300 million.")
        XCTAssertEqual(ChartRenderer.description(ChartSamples.netLoss, strings: .theme),
                       "Bar chart of Net loss, JPY in millions, 2Q00 to 2Q01. "
                       + "Net loss fell from −¥337 million in 2Q00 to −¥3,085 million in 2Q01. It was negative throughout.")
        XCTAssertEqual(ChartRenderer.description(ChartSamples.zeros, strings: .theme),
                       "Bar chart of Short-term investments, JPY in millions, 2Q00 to 2Q01. Short-term investments was zero throughout.")
        XCTAssertEqual(ChartRenderer.description(ChartSamples.contracts, strings: .theme),
                       "Horizontal bar chart of Dedicated access contracts, 2Q01, Number of contracts, for 8 categories. "
                       + "Contracts: highest for IIJ Economy 64kbps – 128kbps (1,171 contracts), lowest for IIJ FiberAccess/F (2 contracts).")
        let seasonal = ChartRenderer.description(ChartSamples.quarterly(8), strings: .theme)
        XCTAssertEqual(seasonal, "Bar chart of Revenues, 8 quarters, JPY in millions, 1Q91 to 4Q92. Revenues rose 65.5% from ¥2,000 million in 1Q91 to ¥3,310 million in 4Q92.")
        let bridge = ChartRenderer.description(ChartSamples.netLossBridge, strings: .theme)
        XCTAssertTrue(bridge.hasPrefix("Stacked bar chart of From operating income to net loss, JPY in millions, 2Q00 to 2Q01, in 5 parts: "
                                       + "Operating income, Other income (expenses), Income taxes, Minority interests and Equity in net loss of affiliates."), bridge)
        XCTAssertTrue(bridge.contains("Other income (expenses) fell from ¥440 million in 2Q00 to −¥430 million in 2Q01. It turned negative in 1Q01."), bridge)
        XCTAssertTrue(bridge.hasSuffix("The total fell from −¥337 million in 2Q00 to −¥3,085 million in 2Q01. It was negative throughout."), bridge)
        var peak = ChartSamples.revenue
        peak.series[0].values = [Exact(5), Exact(9), Exact(1), Exact(4)]
        peak.categories = ["A", "B", "C", "D"]
        peak.ranges = []
        XCTAssertTrue(ChartRenderer.description(peak, strings: .theme).contains("Revenues fell 20.0% from ¥5 million in A to ¥4 million in D, peaking at ¥9 million in B, with a low of ¥1 million in C."))
    }

    func testTheDataTable() {
        let table = ChartRenderer.table(ChartSamples.revenue, strings: .theme)
        XCTAssertEqual(table.caption, "Total revenues (JPY in millions)")
        XCTAssertEqual(table.columnHeaders, ["Period", "Revenues", "Guidance"])
        XCTAssertEqual(table.rows, [
            ChartTable.Row(header: "2Q00", cells: ["8,108", ""]),
            ChartTable.Row(header: "1Q01", cells: ["8,333", ""]),
            ChartTable.Row(header: "2Q01", cells: ["9,528", ""]),
            ChartTable.Row(header: "3Q01", cells: ["-", "10,000–10,500"]),
        ])
        let bridge = ChartRenderer.table(ChartSamples.netLossBridge, strings: .theme)
        XCTAssertEqual(bridge.columnHeaders.last, "Total")
        XCTAssertEqual(bridge.rows.map { $0.cells.last! }, ["(337)", "(1,665)", "(3,085)"], "the parts add up to the net loss")
        XCTAssertEqual(bridge.rows[2].cells, ["16", "(430)", "(1,266)", "(6)", "(1,399)", "(3,085)"])
        let contracts = ChartRenderer.table(ChartSamples.contractsByYear, strings: .theme)
        XCTAssertEqual(contracts.columnHeaders, ["Bandwidth", "2Q00", "2Q01"])
        XCTAssertEqual(contracts.rows.last, ChartTable.Row(header: "IIJ FiberAccess/F (launched August 2001)", cells: ["-", "2"]))
        var minus = ChartSamples.operatingIncome
        minus.conventions.negative = .minus
        XCTAssertEqual(ChartRenderer.table(minus, strings: .theme).rows[0].cells, ["−632", ""])
    }

    func testTextStaysReadableOnAPhone() {
        // 18 units in a 640-unit viewBox shown 390 px wide is 11 px.
        XCTAssertEqual(ChartStyle.width, 640)
        XCTAssertGreaterThanOrEqual(ChartStyle.font * 390 / ChartStyle.width, 10.96)
        for (name, spec) in ChartSamples.all {
            let svg = ChartRenderer.svg(spec, strings: .theme)
            XCTAssertFalse(svg.contains("font-size=\"1") && svg.range(of: #"font-size="1[0-7](\.\d+)?""#, options: .regularExpression) != nil, name)
        }
    }
}
