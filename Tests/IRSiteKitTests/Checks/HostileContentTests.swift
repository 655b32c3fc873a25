import XCTest
@testable import IRSiteKit

/// Content an adversarial probe found mishandled: each input ends in located
/// diagnostics, never a hang, a trap or a page carrying the bad value.
final class HostileContentTests: XCTestCase {
    private let layout = "statements/income_statement.yaml"
    private let release = "releases/2001-q2.md"

    // MARK: Suggestions on many or long unknown ids

    func testAVeryLongUnknownIdInAFormulaGetsNoSuggestion() throws {
        var content = try TestContent()
        let long = String(repeating: "q", count: 100_000)
        content.edit(layout, replacing: "formula: internet_datacenter_services + other_value_added_services",
                     with: "formula: internet_datacenter_services + \(long)")
        let line = content.line(of: "formula: internet_datacenter_services + q", in: layout)
        let column = content.column(of: "qqq", in: layout)
        let errors = content.check().filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1, "\(errors.map(\.message).map { $0.prefix(200) })")
        XCTAssertEqual(errors.first?.location.description, "Content/\(layout):\(line):\(column)")
        XCTAssertTrue(errors.first?.message.hasPrefix("unknown line 'qqqq") == true)
        XCTAssertTrue(errors.first?.message.hasSuffix("' in formula") == true, "a 100,000-character id is no typo: no suggestion")
    }

    func testManyUnknownSeriesInAChartEachReportedWithSuggestionsStillWorking() throws {
        var content = try TestContent()
        let unknown = (0..<500).map { String(format: "unknown_line_number_%05d", $0) }
        content.edit(release, replacing: "series: [total_revenues]", with: "series: [\(unknown.joined(separator: ", ")), total_revenue]")
        let line = content.line(of: "series: [unknown_line_number_00000", in: release)
        let errors = content.check().filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 501)
        for (i, id) in unknown.enumerated() {
            XCTAssertEqual(errors[i].description, "Content/\(release):\(line):\(content.column(of: id, in: release)): error: unknown line '\(id)' in chart")
        }
        XCTAssertEqual(errors.last?.description, "Content/\(release):\(line):\(content.column(of: "total_revenue]", in: release)): error: unknown line 'total_revenue' in chart; did you mean 'total_revenues'?")
    }

    func testSuggestionIsTheNearestWithinReachTiesAlphabetically() {
        XCTAssertEqual(Suggestion.closest(to: "lable", in: ["label", "title", "unit"]), "label")
        XCTAssertEqual(Suggestion.closest(to: "ab", in: ["xb", "ax", "zz"]), "ax", "both one edit away: the alphabetically first")
        XCTAssertNil(Suggestion.closest(to: "revenue", in: ["operating_income"]), "too far")
        XCTAssertNil(Suggestion.closest(to: "abcd", in: ["abcdefgh"]), "the length alone puts it out of reach")
        let long = String(repeating: "a", count: 65)
        XCTAssertNil(Suggestion.closest(to: long, in: [long + "b"]), "ids over 64 characters get no suggestion")
        let sixtyFour = String(repeating: "a", count: 64)
        XCTAssertEqual(Suggestion.closest(to: sixtyFour, in: [sixtyFour.dropLast() + "b"]), sixtyFour.dropLast() + "b")
    }

    /// The banded, early-stopping distance agrees with the full table wherever it answers.
    func testBandedEditDistanceAgreesWithTheFullTable() {
        func full(_ a: [UInt8], _ b: [UInt8]) -> Int {
            var previous = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var current = [i] + [Int](repeating: 0, count: b.count)
                for j in stride(from: 1, through: b.count, by: 1) {
                    current[j] = Swift.min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), current[j - 1] + 1, previous[j] + 1)
                }
                previous = current
            }
            return a.isEmpty ? b.count : previous[b.count]
        }
        let seed: UInt64 = 0x5EED_0001
        var generator = SplitMix64(seed: seed)
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let limit = Int.random(in: 0...6, using: &generator)
            var rows = Suggestion.Rows(width: 65)
            let banded = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in Suggestion.editDistance(a, b, limit: limit, rows: &rows) } }
            let exact = full(a, b)
            XCTAssertEqual(banded, exact <= limit ? exact : nil, "seed \(seed): \(a) \(b) limit \(limit)")
        }
    }

    // MARK: Column groups

    func testAHugeGroupSpanIsAnErrorAtTheValueNotATrap() throws {
        var content = try TestContent()
        content.edit(layout, replacing: "{ label: Year-over-year Comparison, columns: 6 }", with: "{ label: Year-over-year Comparison, columns: 9223372036854775807 }")
        let line = content.line(of: "columns: 9223372036854775807", in: layout)
        let column = content.column(of: "9223372036854775807", in: layout)
        XCTAssertEqual(content.errors(), ["Content/\(layout):\(line):\(column): error: a group spans 1 to 9 columns (the layout has 9), found 9223372036854775807"])
    }

    func testANegativeGroupSpanIsAnErrorEvenWhenTheTotalAddsUp() throws {
        var content = try TestContent()
        content.edit(layout, replacing: "{ label: Year-over-year Comparison, columns: 6 }",
                     with: "{ label: Year-over-year Comparison, columns: -3 }\n  - { label: X, columns: 9 }")
        let line = content.line(of: "columns: -3", in: layout)
        let column = content.column(of: "-3 }", in: layout)
        XCTAssertEqual(content.errors(), ["Content/\(layout):\(line):\(column): error: a group spans 1 to 9 columns (the layout has 9), found -3"])
    }

    func testAWrongGroupTotalIsReportedAtTheGroups() throws {
        var content = try TestContent()
        content.edit(layout, replacing: "{ label: Year-over-year Comparison, columns: 6 }", with: "{ label: Year-over-year Comparison, columns: 5 }")
        let line = content.line(of: "- { label: Year-over-year Comparison", in: layout)
        XCTAssertEqual(content.errors(), ["Content/\(layout):\(line):3: error: groups span 8 columns but the layout has 9"])
    }

    // MARK: Dangerous link URLs with raw HTML on

    func testDangerousLinkURLsAreErrorsEvenWithRawHTML() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "company: Internet Initiative Japan Inc.", with: "company: Internet Initiative Japan Inc.\nraw_html: true")
        content.edit(release, replacing: "## The 2nd Quarter of FY2001 Results Summary",
                     with: "[click](javascript:alert(1)) ![x](data:text/html;base64,PHNjcmlwdD4=) ![ok](data:image/png;base64,AAAA) [v](<VBScript:x>)\n\n## The 2nd Quarter of FY2001 Results Summary")
        let line = content.line(of: "[click](javascript", in: release)
        let rule = "could run script in the reader's browser; it is left out of the page (javascript:, vbscript:, file: and data: other than images are not allowed)"
        XCTAssertEqual(content.errors(), [
            "Content/\(release):\(line):1: error: a link to 'javascript:alert(1)' \(rule)",
            "Content/\(release):\(line):30: error: a link to 'data:text/html;base64,PHNjcmlwdD4=' \(rule)",
            "Content/\(release):\(line):\(content.column(of: "[v](<VBScript", in: release)): error: a link to 'VBScript:x' \(rule)",
        ])
    }

    func testRawHTMLRenderingBlanksDangerousURLsAndKeepsSafeOnes() {
        let markdown = "[a](javascript:alert(1)) [b](<JaVa\tScRiPt:x>) ![c](data:text/html,x) ![d](data:image/png;base64,AAAA) [e](https://example.com/) [f](&#106;avascript:y)\n"
        let html = Markdown.render(markdown, options: .init(allowRawHTML: true))
        XCTAssertEqual(html, """
            <p><a href="">a</a> <a href="">b</a> <img src="" alt="c" /> <img src="data:image/png;base64,AAAA" alt="d" /> \
            <a href="https://example.com/">e</a> <a href="">f</a></p>

            """)
    }

    // MARK: Control characters

    func testDiagnosticsEscapeControlCharacters() {
        let d = Diagnostic(.error, "unknown layout 'x\u{1B}[2J\u{1B}]0;PWNED\u{07}\u{0}\u{7F}\u{9B}\ty'", at: SourceLocation(file: "a\u{1B}.md", line: 3, column: 4))
        XCTAssertEqual(d.description, "a\\u{1B}.md:3:4: error: unknown layout 'x\\u{1B}[2J\\u{1B}]0;PWNED\\u{7}\\u{0}\\u{7F}\\u{9B}\ty'")
    }

    func testAnUnknownKeyWithAnEscapeIsPrintedEscaped() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "company: Internet Initiative Japan Inc.", with: "company: Internet Initiative Japan Inc.\n\"x\\e[2J\": 1")
        let line = content.line(of: "\"x\\e[2J\"", in: "site.yaml")
        XCTAssertEqual(content.errors(), ["Content/site.yaml:\(line):1: error: unknown key 'x\\u{1B}[2J'"])
    }

    func testAControlCharacterInAContentStringIsAnErrorAtTheValue() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "company: Internet Initiative Japan Inc.", with: "company: \"Co \\x02\\x1b Inc\"")
        XCTAssertEqual(content.errors(), ["Content/site.yaml:1:10: error: a string cannot contain the control character U+0002; pages would be invalid HTML"])

        var titled = try TestContent()
        titled.edit(release, replacing: "title: Total revenues against the 3Q01 guidance", with: "title: \"\\u0085 Total revenues against the 3Q01 guidance\"")
        let line = titled.line(of: "title: \"\\u0085 Total", in: release)
        XCTAssertEqual(titled.errors(), ["Content/\(release):\(line):8: error: chart block: a string cannot contain the control character U+0085; pages would be invalid HTML"])
    }

    func testTabsAndNewlinesInStringsAreFine() throws {
        var content = try TestContent()
        content.edit("site.yaml", replacing: "company: Internet Initiative Japan Inc.", with: "company: \"Internet\\tInitiative\\r\\nJapan Inc.\"")
        XCTAssertEqual(content.errors(), [])
    }

    // MARK: Dates

    func testAnEventEndingBeforeItStartsIsAnErrorAtTheEnd() throws {
        var content = try TestContent()
        content.edit(release, replacing: "start: 2001-11-14T09:00:00-05:00,", with: "start: 2001-11-14T09:00:00-05:00, end: 2001-11-14T08:59:59-05:00,")
        let line = content.line(of: "end: 2001-11-14T08:59:59", in: release)
        let column = content.column(of: "2001-11-14T08:59:59", in: release)
        XCTAssertEqual(content.errors(), ["Content/\(release):\(line):\(column): error: an event cannot end (2001-11-14T08:59:59-05:00) before it starts (2001-11-14T09:00:00-05:00)"])
    }

    func testAnEventEndingOnItsDayOrLaterIsFine() throws {
        var content = try TestContent()
        content.edit(release, replacing: "start: 2001-11-14T09:00:00-05:00,", with: "start: 2001-11-14T09:00:00-05:00, end: 2001-11-14,")
        content.edit(release, replacing: "start: 2001-02-01, kind: quiet_period", with: "start: 2001-02-01, end: 2001-02-01T23:00:00+09:00, kind: quiet_period")
        XCTAssertEqual(content.errors(), [])
        var before = try TestContent()
        before.edit(release, replacing: "start: 2001-02-01, kind: quiet_period", with: "start: 2001-02-01, end: 2001-01-31, kind: quiet_period")
        let line = before.line(of: "end: 2001-01-31", in: release)
        XCTAssertEqual(before.errors(), ["Content/\(release):\(line):\(before.column(of: "2001-01-31", in: release)): error: an event cannot end (2001-01-31) before it starts (2001-02-01)"])
    }

    func testALeapSecondIsAnErrorAtTheValue() throws {
        var content = try TestContent()
        content.edit(release, replacing: "released: 2001-11-13T15:00:00+09:00", with: "released: 2001-11-13T23:59:60+09:00")
        let line = content.line(of: "released:", in: release)
        XCTAssertEqual(content.errors(), ["Content/\(release):\(line):11: error: expected a date-time with a zone such as 2001-11-13T15:00:00+09:00, found '2001-11-13T23:59:60+09:00'"])
    }

    func testTimesOutOfRangeOrNotTwoDigitsAreRejected() {
        for text in ["2001-11-13T23:59:60+09:00", "2001-11-13T24:00:00Z", "2001-11-13T23:60:00Z", "2001-11-13T9:00:00Z",
                     "2001-11-13T-1:00:00Z", "2001-11-13T+9:00Z", "2001-11-13T09::00Z", "2001-11-13T09:00:0Z"] {
            XCTAssertNil(Timestamp(text), text)
        }
        XCTAssertEqual(Timestamp("2001-11-13T23:59:59+09:00")?.description, "2001-11-13T23:59:59+09:00")
        XCTAssertEqual(Timestamp("2001-11-13T09:00Z")?.description, "2001-11-13T09:00:00Z")
    }
}
