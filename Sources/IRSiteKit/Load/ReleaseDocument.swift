/// A release's commentary as loaded: parsed once with libcmark-gfm for what a
/// build reads of it (``MarkdownOutline``), and its `statement` and `chart`
/// blocks decoded, each with its place in the release file. The loader makes
/// one per release and ``Release`` carries it: checks, pages, the feed, the
/// summary and the digests read it, and nothing parses the commentary again but
/// the HTML renderer (which needs the tree).
public struct ReleaseDocument: Sendable {
    /// The release file's path.
    public var file: String
    /// The Markdown after the front matter.
    public var body: String {
        get { bodyStart == 0 ? text : String(Substring(text.utf8.dropFirst(bodyStart))) }
        set { (text, bodyStart) = (newValue, 0) }
    }
    /// The text ``body`` is the tail of: the whole release file when the loader made the
    /// document, so that a build holds each commentary once (in the file's text, which it
    /// keeps) rather than twice.
    private var text: String
    /// Where ``body`` starts in `text`, in UTF-8 bytes.
    private var bodyStart: Int
    /// How many file lines precede ``body``: body line 1 is file line `bodyLineOffset + 1`.
    public var bodyLineOffset: Int
    /// Embeds, lint findings and first paragraph of ``body``; their lines count from the body's first.
    public var outline: MarkdownOutline
    /// The ```` ```statement ```` blocks in document order, decoded.
    public var statements: [Block<StatementEmbed>]
    /// The ```` ```chart ```` blocks in document order, decoded.
    public var charts: [Block<ChartEmbedSpec>]

    /// An embed block and its YAML, decoded with positions in the release file, or why it does not decode.
    public struct Block<Spec: Sendable>: Sendable {
        public var embed: MarkdownEmbed
        /// The opening fence, in the release file.
        public var location: SourceLocation
        public var spec: Result<Spec, any Error>
    }

    /// Parses `body` (the part of `file` after its front matter) and decodes its blocks.
    public init(file: String, body: String, bodyLineOffset: Int) {
        self.init(file: file, body: body, in: body, bodyLineOffset: bodyLineOffset)
    }

    /// The same, with `body` kept as the tail of the file's `text` when it is one (it is
    /// not when the file's line ends were carriage returns, which the body loses).
    init(file: String, body: String, in text: String, bodyLineOffset: Int) {
        self.file = file
        (self.text, bodyStart) = Self.tailStart(of: body, in: text).map { (text, $0) } ?? (body, 0)
        self.bodyLineOffset = bodyLineOffset
        let outline = MarkdownOutline(parsing: body)
        self.outline = outline
        func blocks<Spec: Decodable & Sendable>(_ kind: String, _: Spec.Type) -> [Block<Spec>] {
            outline.embeds([kind]).map { embed in
                // The YAML's first line is the file line after the fence.
                let spec = Result { try NodeDecoder.decode(Spec.self, yaml: embed.body, file: file, lineOffset: embed.bodyLine + bodyLineOffset - 1) }
                let at = SourceLocation(file: file, line: embed.line + bodyLineOffset, column: embed.column)
                return Block(embed: embed, location: at, spec: spec)
            }
        }
        statements = blocks("statement", StatementEmbed.self)
        charts = blocks("chart", ChartEmbedSpec.self)
    }

    /// A document as the persistent build cache stored it.
    init(file: String, body: String, bodyLineOffset: Int, outline: MarkdownOutline,
         statements: [Block<StatementEmbed>], charts: [Block<ChartEmbedSpec>]) {
        self.file = file
        (text, bodyStart) = (body, 0)
        self.bodyLineOffset = bodyLineOffset
        self.outline = outline
        self.statements = statements
        self.charts = charts
    }

    /// Where `body` starts in `text` (UTF-8 bytes) when it is its tail, else nil.
    static func tailStart(of body: String, in text: String) -> Int? {
        var body = body, text = text
        return body.withUTF8 { b in
            text.withUTF8 { t in
                guard b.count <= t.count else { return nil }
                let start = t.count - b.count
                return UnsafeBufferPointer(rebasing: t[start...]).elementsEqual(b) ? start : nil
            }
        }
    }

    /// The ```` ```guidance ```` blocks (their figures are in the front matter).
    public var guidance: [MarkdownEmbed] { outline.embeds(["guidance"]) }

    /// The place in the release file of a body line and column.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + bodyLineOffset, column: column)
    }
}
