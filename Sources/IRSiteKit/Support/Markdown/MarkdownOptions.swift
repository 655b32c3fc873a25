/// How ``Markdown`` renders a document.
public struct MarkdownOptions: Sendable, Equatable {
    /// Whether raw HTML written by the author is kept. Off by default: cmark-gfm then replaces each raw HTML block
    /// or inline tag by `<!-- raw HTML omitted -->`. Even when on, the GFM tagfilter still neutralises `<script>`,
    /// `<iframe>`, `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<noembed>`, `<noframes>` and `<plaintext>`.
    public var allowRawHTML: Bool = false

    /// Creates options; the defaults are the safe ones.
    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }
}
