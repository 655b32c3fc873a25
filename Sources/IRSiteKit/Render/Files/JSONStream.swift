/// Pretty-printed JSON written front to back into one buffer, in the exact format
/// of ``JSONWriter/render(_:pretty:)`` (two-space indentation, `"key": value`,
/// `{}` and `[]` when empty), for files whose structure is fixed: the caller
/// writes the members in sorted key order, so no tree of values is built and
/// no keys are sorted at run time.
struct JSONStream {
    private(set) var text = ""
    /// For each open container: whether nothing has been written in it yet.
    private var empty: [Bool] = []

    /// Opens an object (`{`) or an array (`[`) where a value goes.
    mutating func open(_ bracket: Character) {
        text.append(bracket)
        empty.append(true)
    }

    /// Closes the innermost container with `}` or `]`.
    mutating func close(_ bracket: Character) {
        if empty.removeLast() {
            text.append(bracket)
        } else {
            newline()
            text.append(bracket)
        }
    }

    /// Starts the next member of the innermost object: the key, then the value comes.
    mutating func key(_ name: String) {
        element()
        JSONWriter.quote(name, into: &text)
        text += ": "
    }

    /// Starts the next element of the innermost array.
    mutating func element() {
        if !empty[empty.count - 1] { text += "," }
        empty[empty.count - 1] = false
        newline()
    }

    /// A member whose value is a string.
    mutating func member(_ name: String, string value: String) {
        key(name)
        JSONWriter.quote(value, into: &text)
    }

    /// A value written as given: a number literal, `null`, `true`, `false`.
    mutating func raw(_ literal: String) {
        text += literal
    }

    private mutating func newline() {
        let depth = empty.count
        text += depth < Self.indents.count ? Self.indents[depth] : "\n" + String(repeating: "  ", count: depth)
    }

    /// A newline and the indentation of each depth a data file reaches.
    private static let indents = (0..<12).map { "\n" + String(repeating: "  ", count: $0) }
}
