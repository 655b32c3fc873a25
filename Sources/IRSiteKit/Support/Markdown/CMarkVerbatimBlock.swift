import CCMarkGFM

/// Swaps AST nodes for blocks whose HTML is emitted verbatim.
///
/// cmark-gfm's HTML renderer writes a `CMARK_NODE_CUSTOM_BLOCK`'s `on_enter` text as is: it is not subject to the
/// `CMARK_OPT_UNSAFE` check nor to the tagfilter extension, both of which apply only to the author's raw HTML nodes
/// (`HTML_BLOCK`, `HTML_INLINE`). The author cannot create custom blocks from Markdown text, so only code that
/// calls this can put unfiltered HTML in the output.
enum CMarkVerbatimBlock {
    /// Replaces `node` (a block) by a custom block rendering exactly `html`, and frees `node`.
    /// NUL characters are removed from `html` (cmark stores it as a C string).
    static func replace(_ node: OpaquePointer, withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else {
            fatalError("cmark_node_new failed (out of memory)")
        }
        let text = html.utf8.contains(0) ? String(html.unicodeScalars.filter { $0 != "\0" }) : html
        guard cmark_node_set_on_enter(block, text) != 0, cmark_node_replace(node, block) != 0 else {
            cmark_node_free(block)
            fatalError("cmark could not replace a block node by a custom block")
        }
        cmark_node_free(node)
    }
}
