import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The printable summary and print CSS, printed by headless Chromium and read back with poppler.
/// CI installs `chromium` and `poppler-utils`; without them these tests fail and say so.
final class PrintTests: XCTestCase {
    func tool(_ name: String) throws -> String {
        guard let path = ExternalTool.require(name, package: name == "chromium" ? "chromium" : "poppler-utils") else { throw XCTSkip("\(name) missing") }
        return path
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String { try ExternalTool.run(tool, arguments).stdout }

    func pages(_ pdf: String) throws -> Int {
        let info = try run(try tool("pdfinfo"), [pdf])
        let line = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return Int(line.split(separator: " ").last!)!
    }

    func text(_ pdf: String, page: Int? = nil) throws -> String {
        var args = ["-layout"]
        if let page { args += ["-f", "\(page)", "-l", "\(page)"] }
        return try run(try tool("pdftotext"), args + [pdf, "-"])
    }

    func buildSite(pdf: Paper? = nil) async throws -> (TempDirectory, String) {
        let tmp = try TempDirectory()
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: Paths.content, templates: Paths.templates, output: output, options: .afterTheSeed, pdf: pdf)
        return (tmp, output)
    }

    /// At most two pages on A4 and on US Letter, with the headline figures exactly as the release prints them.
    func testSummaryFitsTwoPagesOnBothPapers() async throws {
        let chromium = try tool("chromium")
        let (tmp, output) = try await buildSite()
        defer { tmp.remove() }
        let summary = URL(fileURLWithPath: output + "/releases/2001-q2/summary.html")
        for paper in Paper.allCases {
            let pdf = tmp.path("summary-\(paper).pdf")
            try PDFPrinter.printPage(summary, to: URL(fileURLWithPath: pdf), paper: paper, chromium: chromium)
            XCTAssertLessThanOrEqual(try pages(pdf), 2, "\(paper)")
            let info = try run(try tool("pdfinfo"), [pdf])
            XCTAssertTrue(info.contains("Title:           2Q FY2001 results summary — Internet Initiative Japan Inc."), info)
            XCTAssertTrue(info.contains(paper == .a4 ? "(A4)" : "(letter)"), info)
            let words = try text(pdf)
            for figure in ["9,528", "17.5%", "14.3%", "(102.5%)", "(105.3%)", "712", "89.4%", "(3,085)", "(68.61)",
                           "3,431", "3,352", "10,000", "10,500", "Junko Higasa", "forward-looking"] {
                XCTAssertTrue(words.contains(figure), "\(paper): \(figure) missing")
            }
        }
        // No leftovers beside the page.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output + "/releases/2001-q2").sorted(), ["index.html", "summary.html"])
    }

    /// Printing the whole release: every page that holds rows of a statement repeats the table's header.
    func testPrintedStatementsRepeatTheirHeader() async throws {
        let chromium = try tool("chromium")
        let (tmp, output) = try await buildSite()
        defer { tmp.remove() }
        let pdf = tmp.path("release.pdf")
        try PDFPrinter.printPage(URL(fileURLWithPath: output + "/releases/2001-q2/index.html"), to: URL(fileURLWithPath: pdf), paper: .a4, chromium: chromium)
        let site = try XCTUnwrap(Pipeline.check(content: Paths.content).site)
        let labels = ["income_statement", "balance_sheet", "cash_flow"].flatMap { site.layout($0)!.lineRows.map(\.label) }
            .filter { $0.count > 18 }  // long labels only: short ones ("Other") also occur in prose
        let count = try pages(pdf)
        XCTAssertGreaterThan(count, 3)
        var pagesWithRows = 0
        // A statement row, as pdftotext lays it out: a line that starts with a row's label and goes on
        // with three or more figures and nothing else (prose and chart legends name the same lines too).
        func isRow(_ line: String) -> Bool {
            let squeezed = line.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
            guard let label = labels.first(where: { squeezed.hasPrefix($0 + " ") }) else { return false }
            let tokens = squeezed.dropFirst(label.count).split(separator: " ")
            return tokens.count >= 3 && tokens.allSatisfy { $0.range(of: #"^(\(?[0-9][0-9,]*(\.[0-9]+)?%?\)?|-|n/m)$"#, options: .regularExpression) != nil }
        }
        for page in 1...count {
            let pageText = try text(pdf, page: page)
            let words = pageText.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            guard pageText.split(separator: "\n").contains(where: { isRow(String($0)) }) else { continue }
            pagesWithRows += 1
            XCTAssertTrue(words.contains("Sept 30, 2001"), "page \(page) holds statement rows without the header")
        }
        XCTAssertGreaterThan(pagesWithRows, 2)
    }

    func testBuildWithPDFLinksIt() async throws {
        _ = try tool("chromium")
        let (tmp, output) = try await buildSite(pdf: .letter)
        defer { tmp.remove() }
        XCTAssertEqual(try pages(output + "/releases/2001-q2/summary.pdf"), 2)
        let release = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        XCTAssertTrue(release.contains("<a href=\"../../releases/2001-q2/summary.html\">Printable summary</a> · <a href=\"../../releases/2001-q2/summary.pdf\">PDF</a>"))
        let archive = try String(contentsOfFile: output + "/releases/index.html", encoding: .utf8)
        XCTAssertTrue(archive.contains("href=\"../releases/2001-q2/summary.pdf\""))
    }

    func testAFailedPrintLeavesTheSiteAsItWas() async throws {
        let (tmp, output) = try await buildSite()
        defer { tmp.remove() }
        let before = TempDirectory.snapshot(output)
        XCTAssertThrowsError(try PDFPrinter.printSummaries(in: output, paper: .a4, chromium: "/bin/false")) { error in
            XCTAssertTrue("\(error)".contains("Chromium could not print this page to PDF (exit 1)"), "\(error)")
        }
        XCTAssertEqual(TempDirectory.snapshot(output), before)
        // Without Chromium, the error names the package to install.
        XCTAssertThrowsError(try PDFPrinter.chromium(environment: ["PATH": "/nonexistent"])) { error in
            XCTAssertTrue((error as? EnvironmentError)?.message.contains("install Debian's 'chromium' package") ?? false, "\(error)")
        }
        // A build asked for PDFs with a Chromium that fails writes nothing.
        setenv("IRSITE_CHROMIUM", "/bin/false", 1)
        defer { unsetenv("IRSITE_CHROMIUM") }
        do {
            _ = try await Pipeline.build(content: Paths.content, templates: Paths.templates, output: output, options: .afterTheSeed, pdf: .a4)
            XCTFail("the build must fail")
        } catch {}
        XCTAssertEqual(TempDirectory.snapshot(output), before)
    }

    /// Every page has print rules: no navigation, headers repeated, links with their URL.
    func testPrintStylesheet() throws {
        let css = try String(contentsOfFile: Paths.templates + "/assets/site.css", encoding: .utf8)
        XCTAssertTrue(css.contains("@media print"))
        XCTAssertTrue(css.contains("thead { display: table-header-group; }"))
        XCTAssertTrue(css.contains("a[href^=\"http\"]::after { content: \" (\" attr(href) \")\""))
        XCTAssertTrue(css.contains("counter(page)"))
    }
}
