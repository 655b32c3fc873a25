/// Escaping for XML 1.0 text and attribute values that keeps the text exact.
///
/// - `&`, `<`, `>`, `"` and `'` become entity references, so the output is
///   safe both as element content and inside either kind of quoted attribute.
/// - Characters XML 1.0 forbids (C0 controls other than tab, line feed and
///   carriage return; U+FFFE and U+FFFF) are removed: no parser accepts them,
///   not even as character references.
/// - A carriage return is written as `&#13;` (a parser would otherwise turn
///   CR LF into LF); in attributes tab and line feed become `&#9;` and `&#10;`
///   too (attribute-value normalisation would otherwise turn them into spaces).
package enum PublishXML {
    package static func text(_ s: String) -> String { escape(s, attribute: false) }
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    /// Whether XML 1.0 allows the scalar at all (`Char` production, surrogates cannot occur in a String).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        return v != 0xFFFE && v != 0xFFFF
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        // Most text (labels, figures) has nothing to escape: one byte scan, no copy.
        // Bytes ≥ 0x80 may hide U+FFFE/U+FFFF, so they take the careful path too.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 >= 0x80 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
