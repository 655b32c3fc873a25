/// Pretty-printed JSON written front to back into one buffer, in the exact format
/// of ``JSONWriter/render(_:pretty:)`` (two-space indentation, `"key": value`,
/// `{}` and `[]` when empty), for files whose structure is fixed: the caller
/// writes the members in sorted key order, so no tree of values is built and
/// no keys are sorted at run time.
struct JSONStream {
    /// The JSON so far, as UTF-8: a data file's final bytes.
    private(set) var bytes: [UInt8] = []
    var text: String { String(decoding: bytes, as: UTF8.self) }
    /// For each open container: whether nothing has been written in it yet.
    private var empty: [Bool] = []

    /// Opens an object (`{`) or an array (`[`) where a value goes.
    mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        empty.append(true)
    }

    /// Closes the innermost container with `}` or `]`.
    mutating func close(_ bracket: Unicode.Scalar) {
        if !empty.removeLast() { newline() }
        bytes.append(UInt8(ascii: bracket))
    }

    /// Starts the next member of the innermost object: the key, then the value comes.
    mutating func key(_ name: String) {
        element()
        Self.quote(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts the next element of the innermost array.
    mutating func element() {
        if !empty[empty.count - 1] { bytes.append(UInt8(ascii: ",")) }
        empty[empty.count - 1] = false
        newline()
    }

    /// A member whose value is a string.
    mutating func member(_ name: String, string value: String) {
        key(name)
        Self.quote(value, into: &bytes)
    }

    /// A value written as given: a number literal, `null`, `true`, `false`.
    mutating func raw(_ literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    private mutating func newline() {
        let depth = empty.count
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    /// A JSON string literal, escaped as ``JSONWriter/quote(_:into:)`` escapes it, byte by byte.
    static func quote(_ s: String, into out: inout [UInt8]) {
        func escape(_ letter: Unicode.Scalar) {
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: letter))
        }
        func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
        out.append(UInt8(ascii: "\""))
        defer { out.append(UInt8(ascii: "\"")) }
        // Nothing to escape (no control, quote, backslash or U+2028/9, whose UTF-8 starts 0xE2): append whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append(contentsOf: s.utf8)
            return
        }
        var utf8 = s.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(byte); out.append(byte)
            case 0x0A: escape("n")
            case 0x0D: escape("r")
            case 0x09: escape("t")
            case 0x08: escape("b")
            case 0x0C: escape("f")
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex(byte >> 4))
                out.append(hex(byte & 0xF))
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) are escaped: JSON allows them, JavaScript strings did not.
                // Valid UTF-8: two continuation bytes follow, never an ASCII byte to escape.
                let second = utf8.next() ?? 0, third = utf8.next() ?? 0
                if second == 0x80, third == 0xA8 || third == 0xA9 {
                    out.append(contentsOf: Array(third == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8))
                } else {
                    out.append(byte); out.append(second); out.append(third)
                }
            default: out.append(byte)
            }
        }

    }
}
