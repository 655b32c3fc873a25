/// RFC 4180 CSV: a header row, then the records; CRLF after every row
/// (the last one included); a field is quoted when it contains a comma, a
/// double quote, CR or LF, with its quotes doubled. Everything else is written
/// as is: the text is Unicode and the caller writes it as UTF-8.
///
/// A record with a single empty field is written `""`, so it is not an
/// empty line (which many readers skip).
///
/// Fields are written as given. A spreadsheet would run a text field starting
/// with `=`, `+`, `-`, `@`, tab or CR as a formula: pass text (labels, ids)
/// through ``text(_:)`` first, never figures (a negative `-68.61` stays a number).
public struct CSVWriter: Sendable, Hashable {
    public private(set) var header: [String]
    public private(set) var rows: [[String]] = []
    /// Start the text with U+FEFF, which some spreadsheet programs need to read UTF-8.
    public var byteOrderMark: Bool

    public init(header: [String], byteOrderMark: Bool = false) {
        precondition(!header.isEmpty, "CSVWriter: a header needs at least one column")
        self.header = header
        self.byteOrderMark = byteOrderMark
    }

    public init(header: [String], rows: [[String]], byteOrderMark: Bool = false) {
        self.init(header: header, byteOrderMark: byteOrderMark)
        for row in rows { append(row) }
    }

    /// Adds a record; it must have as many fields as the header (a programming error otherwise).
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSVWriter: a row has \(row.count) fields, the header \(header.count)")
        rows.append(row)
    }

    /// The whole file.
    public func render() -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += CSVWriter.record(header)
        for row in rows { out += CSVWriter.record(row) }
        return out
    }

    /// One record with its CRLF.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"\r\n" }
        return fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell defused as OWASP recommends: one starting like a formula gets a
    /// leading `'`, which spreadsheets show as text and do not evaluate.
    public static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// One field, quoted if needed.
    public static func field(_ value: String) -> String {
        // Scan scalars: "\r\n" is a single Character, so Character tests would miss CR and LF in it.
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
