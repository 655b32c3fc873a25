import CCMarkGFM

/// Finds embeds: fenced code blocks, anywhere in the AST, whose info string's first word is a requested kind.
enum MarkdownEmbedScanner {
    /// The embed blocks of `kinds` under `root`, in document order, with their code-block nodes.
    static func scan(_ root: OpaquePointer, kinds: Set<String>) -> [(node: OpaquePointer, embed: MarkdownEmbed)] {
        guard !kinds.isEmpty else { return [] }
        var found: [(node: OpaquePointer, embed: MarkdownEmbed)] = []
        CMarkTree.walk(root) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { return .descend }
            if isFenced(node), let kind = kind(ofInfo: cmark_node_get_fence_info(node)), kinds.contains(kind) {
                let line = Int(cmark_node_get_start_line(node))
                let embed = MarkdownEmbed(
                    kind: kind,
                    body: CMarkTree.literal(node),
                    line: line,
                    column: Int(cmark_node_get_start_column(node)),
                    bodyLine: line + 1)
                found.append((node, embed))
            }
            return .skipChildren
        }
        return found
    }

    /// Whether a code block is fenced. (`cmark_node_get_fenced` writes through its out-parameters unchecked:
    /// passing NULL crashes, so real ones are given.)
    private static func isFenced(_ codeBlock: OpaquePointer) -> Bool {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        return cmark_node_get_fenced(codeBlock, &length, &offset, &character) != 0
    }

    /// The info string's first word (split on ASCII whitespace, as cmark's HTML renderer does for the language).
    static func kind(ofInfo info: UnsafePointer<CChar>?) -> String? {
        guard let info else { return nil }
        let word = String(cString: info).utf8.prefix { !isASCIISpace($0) }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
