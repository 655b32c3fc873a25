import IRSiteKit

/// Sample charts from the seed release (IIJ, 2Q FY2001) and edge cases: the
/// golden-file tests render them and `irsite-bench charts` cycles through them.
public enum ChartSamples {
    /// Thousands of yen as millions (8,107,935 → 8,107.935).
    public static func millions(_ thousands: Int) -> Exact { Exact(Int128(thousands), 1000) }

    public static let quarters = ["2Q00", "1Q01", "2Q01"]

    public static let revenue = ChartSpec(
        kind: .bar, title: "Total revenues", subtitle: "Quarterly, with 3Q01 guidance",
        categories: quarters,
        series: [ChartSeries(id: "total_revenues", label: "Revenues", values: [millions(8_107_935), millions(8_332_898), millions(9_528_307)])],
        ranges: [ChartRange(category: "3Q01", low: Exact(10_000), high: Exact(10_500), label: "Guidance")],
        unit: "JPY in millions", idPrefix: "revenue", valuePrefix: "¥", valueSuffix: " million")

    public static let operatingIncome = ChartSpec(
        kind: .bar, title: "Operating income (loss)",
        categories: quarters,
        series: [ChartSeries(id: "operating_income", label: "Operating income", values: [millions(-632_302), millions(-299_814), millions(15_998)])],
        ranges: [ChartRange(category: "3Q01", low: Exact(150), high: Exact(300), label: "Guidance")],
        unit: "JPY in millions", idPrefix: "operating-income", valuePrefix: "¥", valueSuffix: " million")

    public static let netLoss = ChartSpec(
        kind: .bar, title: "Net loss",
        categories: quarters,
        series: [ChartSeries(id: "net_loss", label: "Net loss", values: [millions(-336_978), millions(-1_664_876), millions(-3_084_761)])],
        unit: "JPY in millions", idPrefix: "net-loss", valuePrefix: "¥", valueSuffix: " million")

    public static let revenueByService = ChartSpec(
        kind: .groupedBar, title: "Revenues by service",
        categories: quarters,
        series: [
            ChartSeries(id: "connectivity", label: "Connectivity and value-added services",
                        values: [millions(4_920_453), millions(5_703_615), millions(5_552_880)]),
            ChartSeries(id: "si", label: "Systems integration", values: [millions(2_892_535), millions(2_279_854), millions(3_352_363)]),
            ChartSeries(id: "equipment", label: "Equipment sales", values: [millions(294_947), millions(349_429), millions(623_064)]),
        ],
        unit: "JPY in millions", idPrefix: "revenue-by-service", valuePrefix: "¥", valueSuffix: " million")

    public static var revenueMix: ChartSpec {
        var spec = revenueByService
        spec.kind = .stackedBar
        spec.title = "Revenue mix"
        spec.idPrefix = "revenue-mix"
        return spec
    }

    /// Net loss from operating income down: positive and negative parts.
    public static let netLossBridge = ChartSpec(
        kind: .stackedBar, title: "From operating income to net loss",
        categories: quarters,
        series: [
            ChartSeries(id: "operating_income", label: "Operating income", values: [millions(-632_302), millions(-299_814), millions(15_998)]),
            ChartSeries(id: "other", label: "Other income (expenses)", values: [millions(440_388), millions(-61_484), millions(-430_259)]),
            ChartSeries(id: "tax", label: "Income taxes", values: [millions(899_952), millions(-127_197), millions(-1_266_458)]),
            ChartSeries(id: "minority", label: "Minority interests", values: [millions(649), millions(42_834), millions(-5_533)]),
            ChartSeries(id: "equity", label: "Equity in net loss of affiliates", values: [millions(-1_045_665), millions(-1_219_215), millions(-1_398_509)]),
        ],
        unit: "JPY in millions", idPrefix: "net-loss-bridge", valuePrefix: "¥", valueSuffix: " million")

    public static let contracts = ChartSpec(
        kind: .horizontalBar, title: "Dedicated access contracts, 2Q01",
        categories: ["IP Service 64kbps – 128kbps", "IP Service 192kbps – 768kbps", "IP Service 1Mbps – 2Mbps", "IP Service 3Mbps – 1.2Gbps",
                     "IIJ FiberAccess/F", "IIJ T1 Standard 1.5Mbps", "IIJ Economy 64kbps – 128kbps", "IIJ DSL/F Maximum 1.5Mbps"],
        series: [ChartSeries(id: "contracts", label: "Contracts", values: [213, 49, 258, 123, 2, 690, 1_171, 286].map { Exact($0) })],
        unit: "Number of contracts", idPrefix: "contracts", valueSuffix: " contracts", categoryTitle: "Service")

    public static let contractsByYear = ChartSpec(
        kind: .horizontalBar, title: "IP Service contracts by bandwidth",
        categories: ["64kbps – 128kbps", "192kbps – 768kbps", "1Mbps – 2Mbps", "3Mbps – 1.2Gbps", "IIJ FiberAccess/F (launched August 2001)"],
        series: [
            ChartSeries(id: "2q00", label: "2Q00", values: [Exact(369), Exact(104), Exact(201), Exact(92), nil]),
            ChartSeries(id: "2q01", label: "2Q01", values: [Exact(213), Exact(49), Exact(258), Exact(123), Exact(2)]),
        ],
        unit: "Number of contracts", idPrefix: "contracts-by-year", valueSuffix: " contracts", categoryTitle: "Bandwidth")

    public static var changeInContracts: ChartSpec {
        var minus = FigureConventions()
        minus.negative = .minus
        return ChartSpec(
            kind: .horizontalBar, title: "Change in contracts, 2Q00 to 2Q01",
            categories: ["64kbps – 128kbps", "192kbps – 768kbps", "1Mbps – 2Mbps", "3Mbps – 1.2Gbps", "IIJ T1 Standard", "IIJ Economy"],
            series: [ChartSeries(id: "change", label: "Change", values: [-156, -55, 57, 31, 304, -49].map { Exact($0) })],
            unit: "Number of contracts", conventions: minus, idPrefix: "change-in-contracts", valueSuffix: " contracts", categoryTitle: "Service")
    }

    public static let single = ChartSpec(
        kind: .bar, title: "Revenues, 2Q01", categories: ["2Q01"],
        series: [ChartSeries(id: "total_revenues", label: "Revenues", values: [millions(9_528_307)])],
        unit: "JPY in millions", idPrefix: "single", valuePrefix: "¥", valueSuffix: " million")

    public static let zeros = ChartSpec(
        kind: .bar, title: "Short-term investments", categories: quarters,
        series: [ChartSeries(id: "short_term_investments", label: "Short-term investments", values: [.zero, .zero, .zero])],
        unit: "JPY in millions", idPrefix: "zeros", valuePrefix: "¥", valueSuffix: " million")

    public static let large = ChartSpec(
        kind: .groupedBar, title: "Very large values", categories: ["FY1999", "FY2000", "FY2001"],
        series: [
            ChartSeries(id: "a", label: "Assets", values: [Exact(1_000_000_000_000), Exact(1_250_000_000_000), Exact(987_654_321_098)]),
            ChartSeries(id: "b", label: "Liabilities", values: [Exact(-400_000_000_000), Exact(612_345_678_901), Exact(750_000_000_000)]),
        ],
        unit: "JPY", idPrefix: "large", valuePrefix: "¥")

    public static let small = ChartSpec(
        kind: .bar, title: "Very small values", categories: ["A", "B", "C", "D"],
        series: [ChartSeries(id: "v", label: "Value", values: [Exact(1, 1000), Exact(3, 1000), Exact(-2, 1000), Exact(0)])],
        unit: "USD", valueDecimals: 3, idPrefix: "small", valuePrefix: "$")

    /// `n` quarters of a growing, seasonal revenue series (1Q91 onward).
    public static func quarterly(_ n: Int) -> ChartSpec {
        let seasonal = [0, 120, -80, 260]
        var categories: [String] = []
        var values: [Exact?] = []
        for i in 0..<n {
            let year = (91 + i / 4) % 100
            categories.append("\(i % 4 + 1)Q\(year < 10 ? "0" : "")\(year)")
            let value: Int = 2_000 + 150 * i + seasonal[i % 4]
            values.append(Exact(value))
        }
        return ChartSpec(kind: .bar, title: "Revenues, \(n) quarter\(n == 1 ? "" : "s")", categories: categories,
                         series: [ChartSeries(id: "revenues", label: "Revenues", values: values)],
                         unit: "JPY in millions", idPrefix: "quarters-\(n)", valuePrefix: "¥", valueSuffix: " million")
    }

    /// Every named sample, in a fixed order.
    public static var all: [(name: String, spec: ChartSpec)] {
        [("revenue-guidance", revenue), ("operating-income", operatingIncome), ("net-loss", netLoss),
         ("revenue-by-service", revenueByService), ("revenue-mix", revenueMix), ("net-loss-bridge", netLossBridge),
         ("contracts", contracts), ("contracts-by-year", contractsByYear), ("change-in-contracts", changeInContracts),
         ("single", single), ("zeros", zeros), ("large", large), ("small", small)]
            + [1, 2, 4, 8, 12, 20, 40].map { ("quarters-\($0)", quarterly($0)) }
    }
}
