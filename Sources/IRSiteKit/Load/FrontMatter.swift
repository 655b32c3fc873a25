/// Splits a Markdown file into its YAML front matter and body.
enum FrontMatter {
    /// Returns the YAML between the opening and closing `---` lines, the body
    /// after them, and how many file lines precede the body.
    static func split(_ text: String, file: String) throws -> (yaml: String, body: String, bodyLineOffset: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first == "---" else {
            throw LocatedError("a release starts with YAML front matter between '---' lines (title, period, released)",
                               at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
            throw LocatedError("the front matter opened on line 1 is never closed with '---'", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return (yaml, body, close + 1)
    }
}
