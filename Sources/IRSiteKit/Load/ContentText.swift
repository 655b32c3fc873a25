/// Rules for text written in content files, whatever field it fills.
enum ContentText {
    /// The first character of `text` that has no place in a page: a C0 control other than
    /// tab, line feed and carriage return, DEL, or a C1 control (HTML forbids them all in text).
    static func controlCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            let v = scalar.value
            return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
        }
    }

    /// `U+001B`: how a message names a character it must not print.
    static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
