extension Layout {
    /// The placeholders a translation note may use; the table fills them in.
    static let translationNotePlaceholders = ["period", "rate", "rate_date"]

    /// A placeholder the table would not fill in, or a brace left open, would be
    /// printed as typed under the statement: an error at the note.
    static func translationNoteProblems(_ raw: LayoutFile) -> [Diagnostic] {
        guard let note = raw.translationNote else { return [] }
        let known = "{period}, {rate} and {rate_date}"
        var problems: [Diagnostic] = []
        var rest = Substring(note.value)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"), !after[..<close].contains("{") else {
                problems.append(Diagnostic(.error, "translation_note opens a placeholder with '{' and does not close it; the placeholders are \(known)",
                                           at: note.location, stage: .load))
                break
            }
            let name = String(after[..<close])
            if !translationNotePlaceholders.contains(name) {
                let near = Suggestion.closest(to: name, in: translationNotePlaceholders).map { "; did you mean '{\($0)}'?" } ?? "; the placeholders are \(known)"
                problems.append(Diagnostic(.error, "unknown placeholder '{\(name.prefix(60))}' in translation_note\(near)", at: note.location, stage: .load))
            }
            rest = after[after.index(after: close)...]
        }
        return problems
    }
}
