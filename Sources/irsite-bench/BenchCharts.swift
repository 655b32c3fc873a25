import ArgumentParser
import Foundation
import IRSiteKit
import IRSiteSamples

/// `irsite-bench charts`: renders many charts, for `Tests/Benchmarks/bench-charts.sh`.
struct BenchCharts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "charts", abstract: "Render sample charts and report the time.")

    @Option(name: .long, help: "How many charts to render.")
    var count = 1000

    @Option(name: .long, help: "The theme whose translation table gives the charts' words.")
    var templates = "Templates"

    func run() throws {
        let strings = try Translations.load(directory: templates, language: Templates.language)
        let started = Date()
        let result = Self.render(count: count, strings: strings)
        let seconds = Date().timeIntervalSince(started)
        print("\(result.charts) charts, \(result.bytes) bytes of SVG in \(String(format: "%.3f", seconds)) s")
    }

    /// Renders `count` charts (the sample charts in turn, each with its own id
    /// prefix and slightly different values) as SVG, description and table;
    /// returns how many and the total SVG bytes (plus one per table cell).
    static func render(count: Int, strings: Translations) -> (charts: Int, bytes: Int) {
        let samples = ChartSamples.all.map(\.spec)
        var bytes = 0
        for i in 0..<max(0, count) {
            var spec = samples[i % samples.count]
            spec.idPrefix = "bench-\(i)"
            let nudge = Exact(Int128(i % 97), 10)
            spec.series = spec.series.map { series in
                var series = series
                series.values = series.values.map { $0.map { $0 + nudge } }
                return series
            }
            bytes += ChartRenderer.svg(spec, strings: strings, standalone: true).utf8.count
            bytes += ChartRenderer.table(spec, strings: strings).rows.reduce(0) { $0 + $1.cells.count }
        }
        return (max(0, count), bytes)
    }
}
