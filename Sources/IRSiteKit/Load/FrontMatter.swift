/// Splits a Markdown file into its YAML front matter and body.
enum FrontMatter {
    /// Returns the YAML between the opening and closing `---` lines, the body
    /// after them, and how many file lines precede the body.
    static func split(_ text: String, file: String) throws -> (yaml: String, body: String, bodyLineOffset: Int) {
        // Walks the bytes up to the closing line and slices the body once: splitting a whole
        // release into lines and joining them again cost a fifth of an incremental build.
        guard !text.utf8.contains(0x0D) else { return try splitLines(text, file: file) }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex, line = 0
        var yamlStart = lineStart
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = text[lineStart..<lineEnd]
            if line == 0 {
                guard content == "---" else { throw notFrontMatter(file) }
            } else if content == "---" || content == "..." {
                // Without the newline that ends the last YAML line (none when the YAML is empty).
                let yaml = line == 1 ? "" : String(text[yamlStart..<utf8.index(before: lineStart)])
                let body = lineEnd == utf8.endIndex ? "" : String(text[utf8.index(after: lineEnd)...])
                return (yaml, body, line + 1)
            }
            guard lineEnd != utf8.endIndex else { throw notClosed(file) }
            lineStart = utf8.index(after: lineEnd)
            if line == 0 { yamlStart = lineStart }
            line += 1
        }
    }

    /// The same split, line by line: for the rare text with carriage returns left in it.
    static func splitLines(_ text: String, file: String) throws -> (yaml: String, body: String, bodyLineOffset: Int) {
        // Split on the byte: "\r\n" is one Character, so splitting the String on "\n" left
        // CRLF text in one line (ContentFiles normalises line ends first, but this split must not depend on it).
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> Substring in
            let s = Substring(line)
            return s.utf8.last == 0x0D ? s.dropLast() : s
        }
        guard lines.first == "---" else { throw notFrontMatter(file) }
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { throw notClosed(file) }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return (yaml, body, close + 1)
    }

    static func notFrontMatter(_ file: String) -> LocatedError {
        LocatedError("a release starts with YAML front matter between '---' lines (title, period, released)",
                     at: SourceLocation(file: file, line: 1, column: 1))
    }

    static func notClosed(_ file: String) -> LocatedError {
        LocatedError("the front matter opened on line 1 is never closed with '---'", at: SourceLocation(file: file, line: 1, column: 1))
    }
}
