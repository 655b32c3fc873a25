/// A fenced code block, found through the Markdown AST, whose info string's first word is one of the requested kinds.
///
/// Embeds are how commentary pulls in generated content: a ```` ```chart ```` block holds a small YAML spec that is
/// replaced by the rendered chart. Locations refer to the Markdown text as given to ``Markdown``, so callers that
/// extracted the Markdown from a larger file (after front matter, say) add their own offset.
public struct MarkdownEmbed: Sendable, Equatable {
    /// The first word of the info string: `"chart"`, `"statement"`, `"guidance"`, …
    public var kind: String
    /// The block's literal content, with the fence's indentation removed; it ends with a newline unless empty.
    public var body: String
    /// 1-based line of the opening fence in the Markdown text given.
    public var line: Int
    /// 1-based column of the opening fence (counted in UTF-8 bytes; a tab counts as one). Only container markers
    /// (`>`, `-`, `1.`) and spaces can precede a fence, so this is also the character column.
    public var column: Int
    /// 1-based line of the first body line: always `line + 1`.
    public var bodyLine: Int

    /// Creates an embed description.
    public init(kind: String, body: String, line: Int, column: Int, bodyLine: Int) {
        self.kind = kind
        self.body = body
        self.line = line
        self.column = column
        self.bodyLine = bodyLine
    }
}
