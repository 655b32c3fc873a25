import CCMarkGFM

/// Things in a Markdown document worth telling its author about, with their places.
public struct MarkdownFinding: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A `#` heading: the page title is already the page's only `<h1>`.
        case topLevelHeading
        /// Raw HTML, dropped unless the site allows it.
        case rawHTML
        /// A link or image whose URL could run script (`javascript:`, `data:text/html`, …): never published.
        case dangerousURL(String)
    }

    public var kind: Kind
    /// 1-based line and column in the Markdown text given.
    public var line: Int
    public var column: Int
}

extension Markdown {
    /// Level-1 headings, raw HTML (block or inline) and dangerous link URLs, in document order.
    public static func findings(in markdown: String) -> [MarkdownFinding] {
        findings(in: CMarkDocument(parsing: markdown, options: .init()))
    }

    static func findings(in document: borrowing CMarkDocument) -> [MarkdownFinding] {
        var found: [MarkdownFinding] = []
        CMarkTree.walk(document.root) { node in
            let type = cmark_node_get_type(node)
            let at = (line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
            if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                found.append(MarkdownFinding(kind: .topLevelHeading, line: at.line, column: at.column))
            } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                found.append(MarkdownFinding(kind: .rawHTML, line: at.line, column: max(at.column, 1)))
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                let url = CMarkLinkFilter.url(of: node)
                if CMarkLinkFilter.isDangerous(url) {
                    found.append(MarkdownFinding(kind: .dangerousURL(url), line: at.line, column: max(at.column, 1)))
                }
            }
            return .descend
        }
        return found
    }
}
