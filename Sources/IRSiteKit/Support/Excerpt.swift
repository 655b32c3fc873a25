extension StringProtocol {
    /// At most 60 characters of the text, ending in `…` when cut: what a diagnostic
    /// may quote of a value. A content file can be anything (a link to a file of
    /// secrets), and diagnostics end up in shared CI logs.
    public var excerpt: String {
        let limit = 60
        guard count > limit else { return String(self) }
        return String(prefix(limit - 1)) + "…"
    }
}
