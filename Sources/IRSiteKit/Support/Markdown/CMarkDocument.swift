import CCMarkGFM
import Foundation

/// A parsed Markdown document: owns the cmark parser and the AST root, and frees both when it goes away.
///
/// The parser is kept alive because it owns the extension list that `cmark_render_html` needs (without it tables
/// render as paragraphs and tagfilter does nothing). Non-copyable, so ownership is unambiguous; never shared
/// between tasks.
struct CMarkDocument: ~Copyable {
    private let parser: OpaquePointer
    /// The `CMARK_NODE_DOCUMENT` root.
    let root: OpaquePointer
    /// The option bits used to parse, reused to render.
    let optionBits: Int32

    /// Parses GitHub-flavoured Markdown with the table, strikethrough, autolink, tagfilter and tasklist extensions
    /// and footnotes.
    init(parsing markdown: String, options: MarkdownOptions) {
        CMarkRuntime.registration
        let bits = CMarkRuntime.optionBits(options)
        guard let parser = cmark_parser_new(bits) else { fatalError("cmark_parser_new failed (out of memory)") }
        for name in CMarkRuntime.extensionNames {
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("libcmark-gfm has no '\(name)' extension")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var text = markdown
        let root: OpaquePointer? = CMarkRuntime.parseLock.withLock {
            text.withUTF8 { utf8 in
                if let base = utf8.baseAddress, utf8.count > 0 {
                    UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        cmark_parser_feed(parser, $0, utf8.count)
                    }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let root else {
            cmark_parser_free(parser)
            fatalError("cmark_parser_finish failed (out of memory)")
        }
        self.parser = parser
        self.root = root
        self.optionBits = bits
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Renders `node` (the root by default) and its descendants to HTML with the parser's extensions.
    func html(of node: OpaquePointer? = nil) -> String {
        // cmark's own URL filter is off with raw HTML: apply ours (see CMarkLinkFilter).
        if optionBits & Int32(CMARK_OPT_UNSAFE) != 0 { CMarkLinkFilter.neutralise(under: node ?? root) }
        guard let rendered = cmark_render_html(node ?? root, optionBits, cmark_parser_get_syntax_extensions(parser))
        else { fatalError("cmark_render_html failed (out of memory)") }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
