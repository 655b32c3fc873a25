import ArgumentParser

/// `irsite-bench`: benchmarks of IRSite, kept out of the shipped `irsite` and `IRSiteKit`.
/// `swift run -c release irsite-bench charts --count N` or `… rebuild …`.
@main
struct IRSiteBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "irsite-bench",
        abstract: "Time IRSite's chart rendering and in-process rebuilds.",
        subcommands: [BenchCharts.self, BenchRebuild.self]
    )
}
