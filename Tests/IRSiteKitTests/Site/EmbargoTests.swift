import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Embargo and drafts: nothing of an unpublished release appears in any file of a normal build.
final class EmbargoTests: XCTestCase {
    /// The sample site plus a future 3Q01 release and a draft 4Q01 release, each with distinctive figures.
    /// The content of ``makeContent(in:)`` with a chart in the published 2Q01 release that draws
    /// 3Q01, a period only the embargoed 3Q01 release discloses: the release file and its text.
    func makeContentWithEmbargoedChart(in tmp: TempDirectory) throws -> (content: String, release: String, text: String) {
        let content = try makeContent(in: tmp)
        let release = content + "/releases/2001-q2.md"
        let text = try String(contentsOfFile: release, encoding: .utf8)
            + "\n```chart\nkind: bar\ntitle: Dedicated access\nseries: [dedicated_access_services]\nperiods: [2001-Q2, 2001-Q3]\n```\n"
        try text.write(toFile: release, atomically: true, encoding: .utf8)
        return (content, release, text)
    }

    func makeContent(in tmp: TempDirectory) throws -> String {
        let content = try tmp.copy(Paths.content, as: "Content")
        // Every plain line of the income statement is stated: two distinctive figures, the rest not reported.
        let site = try XCTUnwrap(SiteLoader.load(try TestContent().files).site)
        let plain = site.lines.values.filter { $0.home == "income_statement" && $0.formula == nil }.map(\.id).sorted()
        func period(_ quarter: Int, dedicated: Int, si: Int, rate: String) -> String {
            let others = plain.filter { $0 != "dedicated_access_services" && $0 != "systems_integration_revenues" }
                .map { "    \($0): null" }.joined(separator: "\n")
            return """
            fiscal_year: 2001
            quarter: \(quarter)
            translation: { rate: \(rate), date: 2001-12-28 }
            facts:
              income_statement:
                dedicated_access_services: \(dedicated)
                systems_integration_revenues: \(si)
            \(others)
            """
        }
        func release(_ quarter: Int, title: String, released: String, draft: Bool) -> String {
            """
            ---
            title: \(title)
            period: 2001-Q\(quarter)
            released: \(released)
            draft: \(draft)
            ---

            \(title), with revenue driven by systems integration.

            ```statement
            layout: income_statement
            ```
            """
        }
        try period(3, dedicated: 7_654_321, si: 2_345_678, rate: "123.45").write(toFile: content + "/periods/2001-q3.yaml", atomically: true, encoding: .utf8)
        try period(4, dedicated: 1_212_121, si: 3_434_343, rate: "121.21").write(toFile: content + "/periods/2001-q4.yaml", atomically: true, encoding: .utf8)
        try release(3, title: "Zebra Quarter Sets A Record", released: "2002-02-12T15:00:00+09:00", draft: false)
            .write(toFile: content + "/releases/2001-q3-zebra.md", atomically: true, encoding: .utf8)
        try release(4, title: "Draft Okapi Outlook", released: "2002-05-14T15:00:00+09:00", draft: true)
            .write(toFile: content + "/releases/okapi.md", atomically: true, encoding: .utf8)
        return content
    }

    let future = ["Zebra Quarter Sets A Record", "7,654,321", "2,345,678", "9,999,999", "123.45", "2001-q3"]
    let draft = ["Draft Okapi Outlook", "1,212,121", "3,434,343", "121.21", "2001-q4"]
    let secondQuarter = ["IIJ Announces Positive Operating Income", "9,528,307", "3,431,156", "119.23", "2001-q2"]

    func build(_ content: String, _ output: String, now: String, drafts: Bool = false, future: Bool = false) async throws {
        let options = PublicationOptions(now: Timestamp(now)!.epochSeconds(), includeDrafts: drafts, includeFuture: future)
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: options)
    }

    /// Every file of the output that contains `needle`.
    func files(containing needle: String, in output: String) -> [String] {
        TempDirectory.snapshot(output).filter { String(decoding: $0.value, as: UTF8.self).contains(needle) }.map(\.key).sorted()
    }

    func testNormalBuildBeforeTheEmbargoShowsNothingOfTheFutureOrTheDraft() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try makeContent(in: tmp)
        let output = tmp.path("Output")
        try await build(content, output, now: "2002-02-12T14:59:59+09:00")
        for needle in future + draft {
            XCTAssertEqual(files(containing: needle, in: output), [], "\(needle) leaked")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/releases/2001-q2/index.html"))
        XCTAssertFalse(files(containing: "9,528,307", in: output).isEmpty, "the published release is there")
    }

    /// A published release's chart that draws an embargoed period: `check` with the build's
    /// clock reports what the build would fail on, at the period in the chart block.
    func testCheckReportsAPublishedChartOfAnEmbargoedPeriodLikeTheBuild() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let (content, release, written) = try makeContentWithEmbargoedChart(in: tmp)
        let line = written.components(separatedBy: "\n").firstIndex { $0.hasPrefix("periods: [2001-Q2") }! + 1
        let expected = "\(release):\(line):20: error: no facts for 3Q01 (periods/2001-q3.yaml) in the site published at this time: its release is not out yet"

        let before = PublicationOptions(now: Timestamp("2002-02-12T14:59:59+09:00")!.epochSeconds())
        let checked = Pipeline.check(content: content, options: before).diagnostics.filter { $0.severity == .error }.map(\.description)
        XCTAssertEqual(checked, [expected])
        do {
            try await build(content, tmp.path("Output"), now: "2002-02-12T14:59:59+09:00")
            XCTFail("the build must fail")
        } catch let error as DiagnosticsError {
            XCTAssertEqual(error.diagnostics.filter { $0.severity == .error }.map(\.description), [expected])
        }
        // Once 3Q01 is out, or in a preview that shows it, the chart draws.
        let after = PublicationOptions(now: Timestamp("2002-02-12T15:00:00+09:00")!.epochSeconds())
        XCTAssertFalse(Pipeline.check(content: content, options: after).diagnostics.hasErrors)
        XCTAssertFalse(Pipeline.check(content: content, options: PublicationOptions(now: before.now, includeFuture: true)).diagnostics.hasErrors)
    }

    /// The same through the executable: `irsite check --now` prints exactly the errors
    /// `irsite build --now` stops on, and fails like it; the output is left alone.
    func testTheCheckCommandFailsOnWhatTheBuildCommandFailsOn() throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        _ = try makeContentWithEmbargoedChart(in: tmp)
        let irsite = IRSiteExecutable.url.path
        let now = ["--now", "2002-02-12T14:59:59+09:00"]
        let check = try ExternalTool.run(irsite, ["check", "--content", "Content"] + now, in: tmp.url)
        let build = try ExternalTool.run(irsite, ["build", "--content", "Content", "--templates", Paths.templates, "--output", "Output"] + now, in: tmp.url)
        func errors(_ r: ExternalTool.Result) -> [String] { r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") } }
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertEqual(build.status, 1, build.stderr)
        XCTAssertEqual(errors(check).count, 1, check.stderr)
        XCTAssertTrue(errors(check).first?.hasSuffix("error: no facts for 3Q01 (periods/2001-q3.yaml) in the site published at this time: its release is not out yet") == true, check.stderr)
        XCTAssertEqual(errors(check), errors(build))
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.path("Output")))
        // A preview that shows 3Q01 draws the chart: both pass.
        XCTAssertEqual(try ExternalTool.run(irsite, ["check", "--content", "Content", "--future"] + now, in: tmp.url).status, 0)
    }

    func testTheReleaseAppearsAtItsInstant() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try makeContent(in: tmp)
        let output = tmp.path("Output")
        try await build(content, output, now: "2002-02-12T06:00:00Z") // = 15:00 in Tokyo
        XCTAssertEqual(files(containing: "Zebra Quarter Sets A Record", in: output).contains("releases/2001-q3/index.html"), true)
        XCTAssertFalse(files(containing: "7,654,321", in: output).isEmpty)
        let page = try String(contentsOfFile: output + "/releases/2001-q3/index.html", encoding: .utf8)
        XCTAssertFalse(page.contains("NOT FOR RELEASE"))
        XCTAssertFalse(page.contains("noindex"))
        for needle in draft { XCTAssertEqual(files(containing: needle, in: output), [], "\(needle) leaked") }
    }

    /// Before the seed's own release instant, the site has no release and none of its periods' figures.
    func testBeforeTheFirstReleaseNothingIsPublished() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = tmp.path("Output")
        try await build(Paths.content, output, now: "2001-11-13T14:59:00+09:00")
        for needle in secondQuarter + ["12,970,293", "8,107,935"] {   // 2Q00 figures are disclosed only by the 2Q01 release
            XCTAssertEqual(files(containing: needle, in: output), [], "\(needle) leaked")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/releases/2001-q2/index.html"))
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("No earnings releases have been published yet."))
    }

    func testPreviewBuildShowsUnpublishedReleasesMarked() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try makeContent(in: tmp)
        let output = tmp.path("Output")
        try await build(content, output, now: "2002-01-01T00:00:00+09:00", drafts: true, future: true)
        let zebra = try String(contentsOfFile: output + "/releases/2001-q3/index.html", encoding: .utf8)
        XCTAssertTrue(zebra.contains("NOT FOR RELEASE: embargoed until February 12, 2002, 15:00 (UTC+09:00)"), zebra)
        XCTAssertTrue(zebra.contains("7,654,321"))
        let okapi = try String(contentsOfFile: output + "/releases/2001-q4/index.html", encoding: .utf8)
        XCTAssertTrue(okapi.contains("NOT FOR RELEASE: draft"))
        // Every page of a preview build is kept out of search engines and says it is a preview.
        for (path, data) in TempDirectory.snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), path)
            XCTAssertTrue(html.contains("class=\"preview-notice\""), path)
        }
        // The published release is not marked.
        let seed = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        XCTAssertFalse(seed.contains("NOT FOR RELEASE"))
    }

    func testDraftsOnlyPreviewKeepsTheEmbargo() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try makeContent(in: tmp)
        let output = tmp.path("Output")
        try await build(content, output, now: "2002-01-01T00:00:00+09:00", drafts: true)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/releases/2001-q4/index.html"))
        for needle in future { XCTAssertEqual(files(containing: needle, in: output), [], "\(needle) leaked") }
    }
}

/// Attachments and permanent URLs.
final class ArchiveHostingTests: XCTestCase {
    func testAttachmentsAreCopiedAndListedAndTheURLIgnoresTheFileName() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let content = try tmp.copy(Paths.content, as: "Content")
        // Move the release into a folder under another name, with its original PDF and slides.
        let folder = content + "/releases/any-name-at-all"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: content + "/releases/2001-q2.md", toPath: folder + "/renamed.md")
        let pdf = Data((0..<300_000).map { UInt8($0 % 251) })
        try pdf.write(to: URL(fileURLWithPath: folder + "/2q01-release.pdf"))
        try Data("slides".utf8).write(to: URL(fileURLWithPath: folder + "/2q01-slides.pptx"))
        let output = tmp.path("Output")
        let result = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
        XCTAssertEqual(result.attachments, 2)
        XCTAssertEqual(FileManager.default.contents(atPath: output + "/releases/2001-q2/2q01-release.pdf"), pdf)
        let page = try String(contentsOfFile: output + "/releases/2001-q2/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<a href=\"../../releases/2001-q2/2q01-release.pdf\">2q01-release.pdf</a> <span class=\"file-meta\">(PDF, 293 KB)</span>"), page)
        XCTAssertTrue(page.contains("2q01-slides.pptx</a> <span class=\"file-meta\">(PPTX, 6 bytes)</span>"))
        let archive = try String(contentsOfFile: output + "/releases/index.html", encoding: .utf8)
        XCTAssertTrue(archive.contains("<a href=\"../releases/2001-q2/2q01-release.pdf\">2q01-release.pdf</a>"), archive)
    }

    /// The sample content in `tmp` with its release moved into a folder of its own
    /// and a file `name` beside it; the content folder and the release's folder.
    func attaching(_ name: String, _ bytes: Data, in tmp: TempDirectory) throws -> (content: String, folder: String) {
        let content = try tmp.copy(Paths.content, as: "Content")
        let folder = content + "/releases/2001-q2"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: content + "/releases/2001-q2.md", toPath: folder + "/release.md")
        try bytes.write(to: URL(fileURLWithPath: folder + "/" + name))
        return (content, folder)
    }

    func testHostileAttachmentNamesAreRejectedWithALocationAndWriteNothing() async throws {
        for name in ["x;y.pdf", "index.html", "r\u{e9}sum\u{e9}.pdf", "a b.pdf"] {
            let tmp = try TempDirectory()
            defer { tmp.remove() }
            let (content, folder) = try attaching(name, Data("x".utf8), in: tmp)
            let output = tmp.path("Output")
            do {
                _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
                XCTFail("\(name) must be rejected")
            } catch let error as DiagnosticsError {
                let messages = error.diagnostics.filter { $0.severity == .error }.map(\.description)
                XCTAssertEqual(messages.count, 1, "\(messages)")
                XCTAssertTrue(messages[0].hasPrefix(folder + "/" + name + ":1:1: error: attachment name"), messages[0])
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "nothing is written")
        }
    }

    /// An attached page or SVG would run its scripts on the IR site's origin: refused
    /// unless the site opts in to raw HTML; a PDF or an image beside it is fine.
    func testActiveContentAttachmentsNeedTheRawHTMLOptIn() throws {
        for (name, refused) in [("deck.svg", true), ("Slides.HTML", true), ("x.js", true), ("deck.pdf", false), ("chart.png", false)] {
            let tmp = try TempDirectory()
            defer { tmp.remove() }
            let svg = Data("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".utf8)
            let (content, folder) = try attaching(name, svg, in: tmp)
            let errors = Pipeline.check(content: content).diagnostics.filter { $0.severity == .error }.map(\.description)
            if refused {
                let ext = (name as NSString).pathExtension.lowercased()
                XCTAssertEqual(errors, ["\(folder)/\(name):1:1: error: attachment '\(name)' is a .\(ext) file, which runs scripts in the site's name when opened; attach it as a PDF or an image, or set raw_html: true in site.yaml to publish such files"])
                let site = content + "/site.yaml"
                try (try String(contentsOfFile: site, encoding: .utf8) + "raw_html: true\n").write(toFile: site, atomically: true, encoding: .utf8)
                XCTAssertEqual(Pipeline.check(content: content).diagnostics.filter { $0.severity == .error }, [], "\(name) with the opt-in")
            } else {
                XCTAssertEqual(errors, [], name)
            }
        }
    }

    func testTwoReleasesForOnePeriodIsAnError() throws {
        var content = try TestContent()
        var copy = content.files.releases[0]
        copy.path = "Content/releases/copy.md"
        content.files.releases.append(copy)
        XCTAssertTrue(content.errors().contains("Content/releases/copy.md:1:1: error: two releases claim period 2Q01: this one and Content/releases/2001-q2.md"), "\(content.errors())")
    }
}
