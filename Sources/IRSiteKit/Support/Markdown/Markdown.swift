import CCMarkGFM

/// GitHub-flavoured Markdown through libcmark-gfm: tables, strikethrough, autolinks, tagfilter, task lists and
/// footnotes; the author's raw HTML omitted unless ``MarkdownOptions/allowRawHTML``.
///
/// Every function parses afresh and frees all it allocates; all are safe to call concurrently from many tasks
/// (parsing is serialised internally because libcmark-gfm's inline parser uses a global table) and deterministic.
public enum Markdown {
    /// Renders GitHub-flavoured Markdown to HTML.
    ///
    /// Each fenced code block whose info string's first word is in `embedKinds` is handed to `replace`, in document
    /// order, and replaced in the output by the HTML it returns. That HTML is inserted verbatim, even though raw HTML
    /// written by the author stays filtered. Errors thrown by `replace` propagate (nothing is returned).
    ///
    /// - Parameters:
    ///   - markdown: The Markdown text; embed locations are relative to it.
    ///   - options: Rendering options.
    ///   - embedKinds: The info-string words that mark embeds (`"chart"`, `"statement"`, …); case-sensitive.
    ///   - replace: Produces the HTML for one embed.
    /// - Returns: The HTML, ending with a newline unless empty.
    public static func render<Failure: Error>(
        _ markdown: String,
        options: MarkdownOptions = .init(),
        embedKinds: Set<String> = [],
        replace: (MarkdownEmbed) throws(Failure) -> String
    ) throws(Failure) -> String {
        let document = CMarkDocument(parsing: markdown, options: options)
        for found in MarkdownEmbedScanner.scan(document.root, kinds: embedKinds) {
            let html = try replace(found.embed)
            CMarkVerbatimBlock.replace(found.node, withHTML: html)
        }
        return document.html()
    }

    /// Renders GitHub-flavoured Markdown to HTML; fenced code blocks stay code blocks.
    public static func render(_ markdown: String, options: MarkdownOptions = .init()) -> String {
        CMarkDocument(parsing: markdown, options: options).html()
    }

    /// The embeds of the given kinds in document order, for validation without rendering.
    public static func embeds(in markdown: String, kinds: Set<String>) -> [MarkdownEmbed] {
        let document = CMarkDocument(parsing: markdown, options: .init())
        return MarkdownEmbedScanner.scan(document.root, kinds: kinds).map(\.embed)
    }

    /// The HTML of the document's first list (bullet or ordered, in document order, wherever it is), or `nil`:
    /// a release's summary bullets. Embeds inside it are not replaced.
    public static func firstListHTML(in markdown: String, options: MarkdownOptions = .init()) -> String? {
        let document = CMarkDocument(parsing: markdown, options: options)
        guard let list = CMarkTree.first(CMARK_NODE_LIST, under: document.root) else { return nil }
        return document.html(of: list)
    }

    /// Plain text of the document's first top-level paragraph (paragraphs inside lists, block quotes or footnotes
    /// are skipped), for summaries and descriptions; `nil` if there is none or it has no text.
    ///
    /// Inline markup is stripped (link and emphasis text kept, image alt text kept, raw HTML and footnote references
    /// dropped, entities decoded), line breaks become spaces and whitespace runs are collapsed. The result is plain
    /// text, not HTML: escape it before putting it in a page.
    public static func firstParagraphText(in markdown: String) -> String? {
        firstParagraphText(in: CMarkDocument(parsing: markdown, options: .init()))
    }

    static func firstParagraphText(in document: borrowing CMarkDocument) -> String? {
        var child = cmark_node_first_child(document.root)
        while let node = child, cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH {
            child = cmark_node_next(node)
        }
        guard let paragraph = child else { return nil }
        let text = MarkdownPlainText.text(of: paragraph)
        return text.isEmpty ? nil : text
    }
}
