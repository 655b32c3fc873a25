import XCTest
@testable import IRSiteKit

/// A release's commentary parsed once at load: its blocks decoded with places in the release file.
final class ReleaseDocumentTests: XCTestCase {
    let body = """
        Revenue grew.

        ```statement
        layout: income_statement
        ```

        # A second title

        > ```chart
        > kind: bar
        > title: Revenue
        > series: []
        > ```

        ```guidance
        ```
        """

    func testBlocksAreDecodedOnceWithTheirPlacesInTheFile() throws {
        // Five front-matter lines precede the body: body line 1 is file line 6.
        let document = ReleaseDocument(file: "releases/2001-q2.md", body: body, bodyLineOffset: 5)
        XCTAssertEqual(document.outline.firstParagraphText, "Revenue grew.")
        XCTAssertEqual(document.outline.embeds.map(\.kind), ["statement", "chart", "guidance"])

        let statement = try XCTUnwrap(document.statements.first)
        XCTAssertEqual(statement.location, SourceLocation(file: "releases/2001-q2.md", line: 8, column: 1))
        let layout = try statement.spec.get().layout
        XCTAssertEqual(layout.value, "income_statement")
        XCTAssertEqual(layout.location, SourceLocation(file: "releases/2001-q2.md", line: 9, column: 9))

        let chart = try XCTUnwrap(document.charts.first)
        XCTAssertEqual(chart.location, SourceLocation(file: "releases/2001-q2.md", line: 14, column: 3))
        XCTAssertThrowsError(try chart.spec.get()) { error in
            XCTAssertTrue("\(error)".contains("a chart needs at least one line in 'series'"), "\(error)")
        }
        // Outline positions count from the body's first line; `location` places them in the file.
        XCTAssertEqual(document.guidance.map(\.line), [15])
        XCTAssertEqual(document.outline.findings.map(\.line), [7])
        XCTAssertEqual(document.location(line: 15, column: 1), SourceLocation(file: "releases/2001-q2.md", line: 20, column: 1))
    }

    func testTheLoaderGivesEachReleaseItsDocument() throws {
        let files = try TestContent().files
        let site = try XCTUnwrap(SiteLoader.load(files).site)
        let release = try XCTUnwrap(site.releases.first)
        XCTAssertEqual(release.document.file, release.file)
        XCTAssertEqual(release.document.outline.embeds.count, release.document.statements.count + release.document.charts.count + release.document.guidance.count)
        XCTAssertFalse(release.document.charts.isEmpty)
        let text = try XCTUnwrap(files.releases.first { $0.path == release.file }?.text)
        for block in release.document.charts {
            XCTAssertNoThrow(try block.spec.get())
            XCTAssertEqual(block.location.file, release.file)
            // The fence's line in the file holds the fence.
            let line = text.components(separatedBy: "\n")[block.location.line - 1]
            XCTAssertTrue(line.contains("```chart"), line)
        }
    }

    func testTheBodyIsTheTailOfTheFileItWasSplitFrom() throws {
        let text = "---\ntitle: Café 😀\nperiod: 2001-Q2\n---\n" + body
        let split = try FrontMatter.split(text, file: "releases/2001-q2.md")
        XCTAssertEqual(ReleaseDocument.tailStart(of: split.body, in: text), text.utf8.count - body.utf8.count)
        var document = ReleaseDocument(file: "releases/2001-q2.md", body: split.body, in: text, bodyLineOffset: split.bodyLineOffset)
        let alone = ReleaseDocument(file: "releases/2001-q2.md", body: split.body, bodyLineOffset: split.bodyLineOffset)
        XCTAssertEqual(document.body, body)
        XCTAssertEqual(document.outline.embeds.map(\.line), alone.outline.embeds.map(\.line))
        XCTAssertEqual(document.statements.map(\.location), alone.statements.map(\.location))
        document.body = "Replaced."
        XCTAssertEqual(document.body, "Replaced.")

        // A body that is not the file's tail (as when carriage returns were dropped from it) is kept as given.
        XCTAssertNil(ReleaseDocument.tailStart(of: "Revenue grew.\n", in: text))
        XCTAssertEqual(ReleaseDocument(file: "r.md", body: "Revenue grew.\n", in: text, bodyLineOffset: 4).body, "Revenue grew.\n")
        XCTAssertNil(ReleaseDocument.tailStart(of: "longer than the text", in: "short"))
        XCTAssertEqual(ReleaseDocument.tailStart(of: "", in: "abc"), 3)
    }
}
