import CCMarkGFM

/// What a build reads from a release's Markdown besides its HTML: the embeds,
/// the lint findings and the first paragraph, from one parse. Remembered per
/// text for the life of the process, so a build parses each release once for
/// these (and once more to render), and a preview server only the releases that
/// changed.
public struct MarkdownOutline: Sendable {
    /// Fenced blocks of the kinds in ``Markdown/outlineKinds``, in document order.
    public var embeds: [MarkdownEmbed]
    public var findings: [MarkdownFinding]
    /// See ``Markdown/firstParagraphText(in:)``.
    public var firstParagraphText: String?

    public func embeds(_ kinds: Set<String>) -> [MarkdownEmbed] { embeds.filter { kinds.contains($0.kind) } }
}

extension Markdown {
    /// The embed kinds an outline lists.
    public static let outlineKinds: Set<String> = ["statement", "guidance", "chart"]

    private static let outlines = Memo<TextKey, MarkdownOutline>(limit: 20_000)

    /// The outline of `markdown`, parsed on first use.
    public static func outline(of markdown: String) -> MarkdownOutline {
        outlines.value(for: TextKey(markdown)) { key in
            let markdown = key.text
            let document = CMarkDocument(parsing: markdown, options: .init())
            let embeds = MarkdownEmbedScanner.scan(document.root, kinds: outlineKinds).map(\.embed)
            return MarkdownOutline(embeds: embeds, findings: findings(in: document), firstParagraphText: firstParagraphText(in: document))
        }
    }
}
