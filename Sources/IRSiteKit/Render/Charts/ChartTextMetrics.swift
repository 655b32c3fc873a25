import Foundation

/// Text widths without a browser, from the published advance widths of the
/// chart font.
///
/// The widths are the `WX` values (in 1/1000 em) of Adobe's Core 14 font
/// metrics, `Helvetica.afm` and `Helvetica-Bold.afm` (Version 002.000, 1997;
/// "Copyright (c) 1985, 1987, 1989, 1990, 1997 Adobe Systems Incorporated"),
/// the AFM files shipped with every PDF toolkit. Arial and Liberation Sans are
/// metric-compatible with Helvetica (same advance widths), so the estimates
/// hold for the font stack the charts ask for. Unicode apostrophe (U+0027) and
/// grave (U+0060) use the AFM's `quotesingle` and `grave` rather than the
/// Adobe-encoding `quoteright`/`quoteleft` at those codes. Kerning is ignored
/// (it only ever narrows text), so estimates err on the wide side.
enum ChartTextMetrics {
    /// Helvetica, codes 32 (space) … 126 (asciitilde).
    static let regular: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 … 9
        278, 278, 584, 584, 584, 556, 1015, // : ; < = > ? @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A … M
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N … Z
        278, 278, 278, 469, 556, 333, // [ \ ] ^ _ `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a … m
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n … z
        334, 260, 334, 584, // { | } ~
    ]

    /// Helvetica-Bold, codes 32 … 126.
    static let bold: [UInt16] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        333, 333, 584, 584, 584, 611, 975,
        722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
        333, 278, 333, 584, 556, 333,
        556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
        611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500,
        389, 280, 389, 584,
    ]

    /// Named glyphs of the same AFM files beyond ASCII: (regular, bold).
    static let extra: [Unicode.Scalar: (UInt16, UInt16)] = [
        "\u{A0}": (278, 278),   // no-break space (space)
        "¢": (556, 556), "£": (556, 556), "¥": (556, 556), "€": (556, 556), // cent sterling yen Euro
        "§": (556, 556), "°": (400, 400), "±": (584, 584), "·": (278, 278), // section degree plusminus periodcentered
        "×": (584, 584), "÷": (584, 584), "µ": (556, 611), "ß": (611, 611), // multiply divide mu germandbls
        "æ": (889, 889), "Æ": (1000, 1000), "ø": (611, 611), "Ø": (778, 778), "œ": (944, 944), "Œ": (1000, 1000),
        "©": (737, 737), "®": (737, 737), "™": (1000, 1000), "¼": (834, 834), "½": (834, 834), "¾": (834, 834),
        "–": (556, 556), "—": (1000, 1000), "‘": (222, 278), "’": (222, 278), // endash emdash quoteleft quoteright
        "“": (333, 500), "”": (333, 500), "‚": (222, 278), "„": (333, 500), // quotedblleft/right, base
        "•": (350, 350), "…": (1000, 1000), "‰": (1000, 1000), "†": (556, 556), "‡": (556, 556),
        "−": (584, 584), "≤": (549, 549), "≥": (549, 549), "≠": (549, 549), "Δ": (612, 612), // minus …
        "«": (556, 556), "»": (556, 556), "‹": (333, 333), "›": (333, 333), "¡": (333, 333), "¿": (611, 611),
    ]

    /// The advance width of one scalar in 1/1000 em.
    static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let v = scalar.value
        if v >= 32, v <= 126 { return Int((bold ? Self.bold : regular)[Int(v) - 32]) }
        if let pair = extra[scalar] { return Int(bold ? pair.1 : pair.0) }
        if isWide(v) { return 1000 }
        if v < 32 || (0x300...0x36F).contains(v) || v == 0x200B || v == 0xFE0F { return 0 } // controls, combining marks
        // Accented Latin letters take their base letter's width (é → e).
        if v < 0x250, let base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first,
           base.value >= 32, base.value <= 126 {
            return Int((bold ? Self.bold : regular)[Int(base.value) - 32])
        }
        return bold ? 611 : 556
    }

    /// East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms): one em.
    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The estimated width of `text` at font size `size` (in user units).
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var total = 0
        for scalar in text.unicodeScalars { total += advance(scalar, bold: bold) }
        return Double(total) * size / 1000
    }

    /// Breaks `text` into at most `maxLines` lines no wider than `maxWidth`,
    /// at spaces (and between East Asian characters). Nil when a word is too
    /// wide or more lines would be needed.
    static func wrap(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int) -> [String]? {
        let words = breakableWords(text)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for (word, spaced) in words {
            let candidate = current.isEmpty ? word : current + (spaced ? " " : "") + word
            if width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
                continue
            }
            guard width(word, size: size, bold: bold) <= maxWidth else { return nil }
            if !current.isEmpty { lines.append(current) }
            current = word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.count <= maxLines ? lines : nil
    }

    /// Like `wrap`, but never fails: over-long words are cut and the last line
    /// ends with "…" when the text does not fit.
    static func wrapTruncating(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, maxLines: Int) -> [String] {
        if let lines = wrap(text, maxWidth: maxWidth, size: size, bold: bold, maxLines: maxLines) { return lines }
        var lines: [String] = []
        var current = ""
        var words = breakableWords(text)[...]
        while let first = words.first {
            let (word, spaced) = first
            let candidate = current.isEmpty ? word : current + (spaced ? " " : "") + word
            if width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
                words = words.dropFirst()
                continue
            }
            if current.isEmpty {  // a single word wider than the line: cut it
                current = truncate(word, maxWidth: maxWidth, size: size, bold: bold)
                words = words.dropFirst()
            }
            lines.append(current)
            current = ""
            if lines.count == maxLines { break }
        }
        if lines.count < maxLines, !current.isEmpty { lines.append(current); current = "" }
        if !words.isEmpty || !current.isEmpty, let last = lines.popLast() {
            lines.append(truncate(last + "…", maxWidth: maxWidth, size: size, bold: bold, force: true))
        }
        return lines
    }

    /// `text` cut to `maxWidth` with a trailing "…" (unchanged if it fits).
    static func truncate(_ text: String, maxWidth: Double, size: Double, bold: Bool = false, force: Bool = false) -> String {
        if !force, width(text, size: size, bold: bold) <= maxWidth { return text }
        var chars = Array(text.hasSuffix("…") ? String(text.dropLast()) : text)
        while !chars.isEmpty {
            let candidate = String(chars).trimmingCharacters(in: .whitespaces) + "…"
            if width(candidate, size: size, bold: bold) <= maxWidth { return candidate }
            chars.removeLast()
        }
        return "…"
    }

    /// Words with whether a space preceded them; East Asian wide characters are
    /// words of their own (lines may break between them).
    private static func breakableWords(_ text: String) -> [(String, Bool)] {
        var result: [(String, Bool)] = []
        var current = ""
        var spaced = false
        func flush() { if !current.isEmpty { result.append((current, spaced)); current = ""; spaced = false } }
        for ch in text {
            if ch == " " || ch == "\n" || ch == "\t" {
                flush()
                spaced = !result.isEmpty
            } else if let s = ch.unicodeScalars.first, isWide(s.value) {
                flush()
                result.append((String(ch), spaced))
                spaced = false
            } else {
                current.append(ch)
            }
        }
        flush()
        return result
    }
}
