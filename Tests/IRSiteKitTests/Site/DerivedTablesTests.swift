import Synchronization
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The build's derived tables: each (period, layout) is derived once, however many
/// pages and data files print it, and dropped after its last use.
final class DerivedTablesTests: XCTestCase {
    /// Counts derivations by key, from any task.
    final class Counter: Sendable {
        let counts = Mutex<[DerivedTables.Key: Int]>([:])
        func count(_ key: DerivedTables.Key) { counts.withLock { $0[key, default: 0] += 1 } }
        var snapshot: [DerivedTables.Key: Int] { counts.withLock { $0 } }
    }

    /// Every page and file of a 12-quarter site made as a build makes them (the same jobs, in
    /// the same order, on all cores): each (period, layout) is derived exactly once, every
    /// period's tables are among them, and none is held once the jobs are done.
    func testEachPeriodAndLayoutIsDerivedOncePerBuild() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        var generator = GeneratedContent()
        generator.quarters = 12
        let generated = try generator.write(to: tmp.path("generated"))
        let checked = try XCTUnwrap(Pipeline.check(content: generated.content).site)
        let (site, unpublished) = Publication.visibleSite(checked, generated.options)
        let book = FactBook(site: site)
        let counter = Counter()
        let derived = DerivedTables(deriver: StatementDeriver(book: book)) { counter.count($0) }
        let renderer = PageRenderer(site: site, templates: try await Templates(directory: Paths.templates), now: generated.options.now,
                                    unpublished: unpublished, book: book, derived: derived)
        let published = PublishedFiles(book: book, unpublished: Set(unpublished.keys), isPreview: generated.options.isPreview,
                                       charts: renderer.charts, strings: renderer.strings, derived: derived)
        let rendered = RenderJobs(renderer: renderer, published: published)
        XCTAssertEqual(rendered.pages, 2 * site.releases.count + 3 + 1 + Set(site.periods.keys.map(\.year)).count)
        XCTAssertEqual(Set(rendered.jobs.map(\.path)).count, rendered.jobs.count, "a file made twice")
        try await ConcurrentJobs.run(rendered.jobs) { job in _ = try job.make() }

        let counts = counter.snapshot
        XCTAssertEqual(counts.filter { $0.value != 1 }.map { "\($0.key.period.id) \($0.key.layout): \($0.value)" }, [])
        let everyPeriod = Set(site.periods.keys.flatMap { p in site.layouts.map { DerivedTables.Key(p, $0.id) } })
        XCTAssertGreaterThan(everyPeriod.count, 12 * 3)
        XCTAssertEqual(everyPeriod.subtracting(counts.keys), [])
        XCTAssertEqual(derived.held, 0, "tables kept after their last use")
    }

    /// A table assembled from the periods' tables has exactly the cells the deriver gives
    /// for the same columns: the release page's own columns, and value and "% of" across periods.
    func testAssembledTablesEqualDirectDerivation() throws {
        let site = try XCTUnwrap(Pipeline.check(content: Paths.content).site)
        let book = FactBook(site: site)
        let deriver = StatementDeriver(book: book)
        let derived = DerivedTables(deriver: deriver)
        let release = try XCTUnwrap(site.releases.first)
        let periods = site.periods.keys.sorted(by: >)
        var compared = 0
        for layout in site.layouts {
            let across = periods.flatMap { [ResolvedColumn(show: .value, period: $0), ResolvedColumn(show: .percent, period: $0)] }
            for columns in [StatementDeriver.columns(of: layout, for: release.period), across] {
                let direct = deriver.derive(layout, columns: columns), assembled = derived.table(layout, columns: columns)
                XCTAssertEqual(assembled.columns, direct.columns)
                XCTAssertEqual(assembled.rows.map(\.cells), direct.rows.map(\.cells), layout.id)
                XCTAssertEqual(assembled.rows.map(\.label), direct.rows.map(\.label), layout.id)
                XCTAssertEqual(assembled.rows.map(\.isTotal), direct.rows.map(\.isTotal), layout.id)
                compared += direct.rows.reduce(0) { $0 + $1.cells.count }
            }
        }
        XCTAssertGreaterThan(compared, 500)
    }
}
