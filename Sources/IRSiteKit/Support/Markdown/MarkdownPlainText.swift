import CCMarkGFM

/// Flattens inline content to plain text.
enum MarkdownPlainText {
    /// The text of `node`'s descendants: markup dropped, image alt text kept, raw HTML and footnote references
    /// dropped, line breaks and whitespace runs collapsed to single spaces, trimmed.
    static func text(of node: OpaquePointer) -> String {
        var pieces: [String] = []
        CMarkTree.walk(node) { child in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                pieces.append(CMarkTree.literal(child))
                return .skipChildren
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                pieces.append(" ")
                return .skipChildren
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
                return .skipChildren
            default:
                return .descend
            }
        }
        return collapsingWhitespace(pieces.joined())
    }

    /// `text` with each run of whitespace replaced by one space, and no leading or trailing whitespace.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
