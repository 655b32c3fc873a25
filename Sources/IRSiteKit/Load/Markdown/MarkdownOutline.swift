import CCMarkGFM

/// What a build reads from a release's Markdown besides its HTML: the embeds,
/// the lint findings and the first paragraph, from one parse. Made once per
/// release by the loader (``ReleaseDocument``).
public struct MarkdownOutline: Sendable {
    /// Fenced blocks of the kinds in ``Markdown/outlineKinds``, in document order.
    public var embeds: [MarkdownEmbed]
    public var findings: [MarkdownFinding]
    /// See ``Markdown/firstParagraphText(in:)``.
    public var firstParagraphText: String?

    public func embeds(_ kinds: Set<String>) -> [MarkdownEmbed] { embeds.filter { kinds.contains($0.kind) } }

    /// An outline as the persistent build cache stored it.
    init(embeds: [MarkdownEmbed], findings: [MarkdownFinding], firstParagraphText: String?) {
        self.embeds = embeds
        self.findings = findings
        self.firstParagraphText = firstParagraphText
    }

    /// Parses `markdown` once and keeps what the outline holds; the tree is freed on return.
    public init(parsing markdown: String) {
        let document = CMarkDocument(parsing: markdown, options: .init())
        embeds = MarkdownEmbedScanner.scan(document.root, kinds: Markdown.outlineKinds).map(\.embed)
        findings = Markdown.findings(in: document)
        firstParagraphText = Markdown.firstParagraphText(in: document)
    }
}

extension Markdown {
    /// The embed kinds an outline lists.
    public static let outlineKinds: Set<String> = ["statement", "guidance", "chart"]
}
