import XCTest
@testable import IRSiteKit

final class MarkdownTests: XCTestCase {
    private struct EmbedFailure: Error, Equatable {
        var line: Int
    }

    // MARK: GFM extensions

    func testTableRendersWithStyleAlignment() {
        let markdown = """
            | Item | Amount |
            |:-----|-------:|
            | Revenue | 1,200 |
            """
        XCTAssertEqual(Markdown.render(markdown), """
            <table>
            <thead>
            <tr>
            <th style="text-align: left">Item</th>
            <th style="text-align: right">Amount</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: left">Revenue</td>
            <td style="text-align: right">1,200</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    func testStrikethrough() {
        XCTAssertEqual(Markdown.render("Was ~~100~~ now 90."), "<p>Was <del>100</del> now 90.</p>\n")
    }

    func testAutolinks() {
        XCTAssertEqual(
            Markdown.render("See www.example.com, https://example.org/x and ir@example.com."),
            #"<p>See <a href="http://www.example.com">www.example.com</a>, "#
                + #"<a href="https://example.org/x">https://example.org/x</a> and "#
                + #"<a href="mailto:ir@example.com">ir@example.com</a>.</p>"# + "\n")
    }

    func testFootnotes() {
        let markdown = """
            Margin improved.[^1]

            [^1]: Excluding one-offs.
            """
        XCTAssertEqual(Markdown.render(markdown), """
            <p>Margin improved.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>Excluding one-offs. <a href="#fnref-1" class="footnote-backref" data-footnote-backref \
            aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    func testTaskList() {
        XCTAssertEqual(Markdown.render("- [x] done\n- [ ] todo\n"), """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            <li><input type="checkbox" disabled="" /> todo</li>
            </ul>

            """)
    }

    // MARK: Raw HTML

    func testRawHTMLIsOmittedByDefault() {
        let markdown = """
            <div class="x">block</div>

            Text <b>bold</b> <script>alert(1)</script>

            <script>alert(2)</script>
            """
        XCTAssertEqual(Markdown.render(markdown), """
            <!-- raw HTML omitted -->
            <p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> <!-- raw HTML omitted -->alert(1)\
            <!-- raw HTML omitted --></p>
            <!-- raw HTML omitted -->

            """)
    }

    func testRawHTMLIsKeptWhenAllowedButTagfilterStillApplies() {
        let markdown = """
            <div class="x">block</div>

            Text <b>bold</b> <iframe src="https://evil.example"></iframe>

            <script>alert(2)</script>
            """
        XCTAssertEqual(Markdown.render(markdown, options: .init(allowRawHTML: true)), """
            <div class="x">block</div>
            <p>Text <b>bold</b> &lt;iframe src="https://evil.example">&lt;/iframe></p>
            &lt;script>alert(2)&lt;/script>

            """)
    }

    // MARK: Embeds

    func testEmbedIsReplacedVerbatimWhileAuthorHTMLStaysFiltered() throws {
        let markdown = """
            # Results

            <script>evil()</script>

            ```chart
            type: bar
            ```

            ```python
            print("kept")
            ```
            """
        var seen: [MarkdownEmbed] = []
        let html = Markdown.render(markdown, embedKinds: ["chart"]) { embed in
            seen.append(embed)
            return #"<figure class="chart"><svg></svg><script>ok()</script></figure>"#
        }
        XCTAssertEqual(html, """
            <h1>Results</h1>
            <!-- raw HTML omitted -->
            <figure class="chart"><svg></svg><script>ok()</script></figure>
            <pre><code class="language-python">print(&quot;kept&quot;)
            </code></pre>

            """)
        XCTAssertEqual(seen, [MarkdownEmbed(kind: "chart", body: "type: bar\n", line: 5, column: 1, bodyLine: 6)])
        XCTAssertFalse(html.contains("evil"))
    }

    func testEmbedHTMLIsVerbatimEvenWithRawHTMLAllowed() {
        let html = Markdown.render("```statement\nx\n```\n\n<script>evil()</script>\n",
                                   options: .init(allowRawHTML: true), embedKinds: ["statement"]) { _ in
            "<script>ok()</script>"
        }
        XCTAssertEqual(html, "<script>ok()</script>\n&lt;script>evil()&lt;/script>\n")
    }

    func testAuthorCannotForgeEmbedOutput() {
        // Text that looks like an embed's output stays escaped or filtered: only `replace` produces verbatim HTML.
        let markdown = """
            Not an embed: `<figure>`

            ~~~other
            <figure class="chart"></figure>
            ~~~
            """
        XCTAssertEqual(Markdown.render(markdown, embedKinds: ["chart"]) { _ in "EMBED" }, """
            <p>Not an embed: <code>&lt;figure&gt;</code></p>
            <pre><code class="language-other">&lt;figure class=&quot;chart&quot;&gt;&lt;/figure&gt;
            </code></pre>

            """)
    }

    func testEmbedsInsideContainersKeepTheirLocation() {
        let markdown = """
            Intro.

            - item one

              ```chart  title="Revenue"
              a: 1
              ```
            - > quoted
              >
              > ~~~statement
              > b: 2
              > ~~~

            1. First
               1. nested

                  ```guidance
                  c: 3
                  ```

                ```chart
                indented body
                ```
            """
        let embeds = Markdown.embeds(in: markdown, kinds: ["chart", "statement", "guidance"])
        XCTAssertEqual(embeds, [
            MarkdownEmbed(kind: "chart", body: "a: 1\n", line: 5, column: 3, bodyLine: 6),
            MarkdownEmbed(kind: "statement", body: "b: 2\n", line: 10, column: 5, bodyLine: 11),
            MarkdownEmbed(kind: "guidance", body: "c: 3\n", line: 17, column: 7, bodyLine: 18),
            MarkdownEmbed(kind: "chart", body: "indented body\n", line: 21, column: 5, bodyLine: 22),
        ])
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        for embed in embeds {
            let fenceLine = lines[embed.line - 1]
            let fence = fenceLine.dropFirst(embed.column - 1)
            XCTAssertTrue(fence.hasPrefix("```") || fence.hasPrefix("~~~"), "\(embed): \(fenceLine)")
        }
    }

    func testEmbedLocationsWithCRLFAndNonASCIIText() {
        let markdown = "Résumé — ünïcödé\r\n\r\n```chart\r\nx: 1\r\n```\r\n"
        XCTAssertEqual(Markdown.embeds(in: markdown, kinds: ["chart"]),
                       [MarkdownEmbed(kind: "chart", body: "x: 1\n", line: 3, column: 1, bodyLine: 4)])
    }

    func testOnlyFencedBlocksWithMatchingFirstWordAreEmbeds() {
        let markdown = """
            ```Chart
            upper case
            ```

            ```charts
            plural
            ```

            ```
            no info
            ```

                chart
                indented code

            ``` chart extra words
            spaced
            ```
            """
        XCTAssertEqual(Markdown.embeds(in: markdown, kinds: ["chart"]),
                       [MarkdownEmbed(kind: "chart", body: "spaced\n", line: 16, column: 1, bodyLine: 17)])
        XCTAssertEqual(Markdown.embeds(in: markdown, kinds: []), [])
    }

    func testEmbedReplacementInOrderAndInsideLists() {
        let markdown = "- a\n\n  ```chart\n  one\n  ```\n\n```chart\ntwo\n```\n"
        let html = Markdown.render(markdown, embedKinds: ["chart"]) { embed in
            "<div data-line=\"\(embed.line)\">\(embed.body.trimmingCharacters(in: .whitespacesAndNewlines))</div>"
        }
        XCTAssertEqual(html, """
            <ul>
            <li>
            <p>a</p>
            <div data-line="3">one</div>
            </li>
            </ul>
            <div data-line="7">two</div>

            """)
    }

    func testReplaceErrorsPropagate() {
        let markdown = "ok\n\n```chart\nbad\n```\n"
        XCTAssertThrowsError(
            try Markdown.render(markdown, embedKinds: ["chart"]) { (embed: MarkdownEmbed) throws(EmbedFailure) -> String in
                throw EmbedFailure(line: embed.line)
            }
        ) { error in
            XCTAssertEqual(error as? EmbedFailure, EmbedFailure(line: 3))
        }
    }

    func testUntypedThrowingReplaceCompiles() throws {
        func make(_ embed: MarkdownEmbed) throws -> String { "<p>\(embed.kind)</p>" }
        XCTAssertEqual(try Markdown.render("```chart\n```\n", embedKinds: ["chart"], replace: make), "<p>chart</p>\n")
    }

    // MARK: Summaries

    func testFirstListHTML() {
        let markdown = """
            Highlights:

            1. Revenue **up** 12%
            2. Margin ~~flat~~ up

            - later list
            """
        XCTAssertEqual(Markdown.firstListHTML(in: markdown), """
            <ol>
            <li>Revenue <strong>up</strong> 12%</li>
            <li>Margin <del>flat</del> up</li>
            </ol>

            """)
        XCTAssertNil(Markdown.firstListHTML(in: "# Title\n\nJust text.\n"))
    }

    func testFirstListHTMLFindsNestedList() {
        XCTAssertEqual(Markdown.firstListHTML(in: "> - quoted <b>x</b>\n"),
                       "<ul>\n<li>quoted <!-- raw HTML omitted -->x<!-- raw HTML omitted --></li>\n</ul>\n")
    }

    func testFirstParagraphText() {
        let markdown = """
            # Q3 results

            - not this

            Revenue **grew** 12% to `€1.2bn`,
            see [the report](https://example.com) ![chart](c.svg) &amp; <b>notes</b>.[^1]

            Second paragraph.

            [^1]: Footnote.
            """
        XCTAssertEqual(Markdown.firstParagraphText(in: markdown),
                       "Revenue grew 12% to €1.2bn, see the report chart & notes.")
        XCTAssertNil(Markdown.firstParagraphText(in: "# Only a heading\n\n- and a list\n"))
        XCTAssertNil(Markdown.firstParagraphText(in: ""))
    }

    // MARK: Determinism and concurrency

    func testEmptyInput() {
        XCTAssertEqual(Markdown.render(""), "")
        XCTAssertEqual(Markdown.embeds(in: "", kinds: ["chart"]), [])
    }

    func testConcurrentRenderingMatchesSequential() async {
        // Long documents full of strikethrough and www. autolinks: libcmark-gfm's inline parser toggles a global
        // table of trigger characters (`~`, `w`, `:`) around each parse, so unserialised parses lose these.
        let filler = String(repeating: "Some ~~old~~ text, see www.example.com or https://example.org.\n\n", count: 40)
        let documents = (0..<16).map { index in
            """
            Paragraph \(index) with ~~struck~~ text, www.example\(index).com and a note.[^a]

            \(filler)

            | n | square |
            |--:|:------:|
            | \(index) | \(index * index) |

            - [x] item \(index)

            ```chart
            value: \(index)
            ```

            [^a]: Note \(index).
            """
        }
        let expected = documents.map(Self.renderWithEmbeds)
        XCTAssertTrue(expected[0].contains("<del>struck</del>"))
        XCTAssertTrue(expected[0].contains(#"<a href="http://www.example0.com">"#))
        let results = await withTaskGroup(of: (Int, String).self, returning: [Int: [String]].self) { group in
            for round in 0..<40 {
                for index in documents.indices {
                    let markdown = documents[index]
                    group.addTask { (index, round % 2 == 0 ? Self.renderWithEmbeds(markdown) : Markdown.render(markdown)) }
                }
            }
            var collected: [Int: [String]] = [:]
            for await (index, html) in group { collected[index, default: []].append(html) }
            return collected
        }
        for index in documents.indices {
            let plain = Markdown.render(documents[index])
            for html in results[index] ?? [] {
                XCTAssertTrue(html == expected[index] || html == plain, "document \(index) rendered differently")
            }
            XCTAssertEqual(results[index]?.count, 40)
        }
    }

    private static func renderWithEmbeds(_ markdown: String) -> String {
        Markdown.render(markdown, embedKinds: ["chart"]) { "<figure>\($0.body)</figure>" }
    }
}
