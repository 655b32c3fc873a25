import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import IRSiteTestSupport


enum PublishRandom {
    /// Pieces that stress CSV, XML, JSON and iCalendar writers: separators, quotes,
    /// every line break, multi-byte and multi-scalar characters.
    static let pieces: [String] = [
        "a", "Z", "7", " ", ",", "\"", "\"\"", "\r", "\n", "\r\n", "\t", ";", "\\", "'", "<", ">", "&",
        "é", "e\u{301}", "日本", "円", "€", "😀", "👩‍👩‍👧", "🇯🇵", "Ω", "\u{00A0}", "\u{2028}", "x,y", "\"q\"", "=SUM(A1)",
    ]

    static func string(_ rng: inout SplitMix64, maxPieces: Int = 12) -> String {
        let n = Int.random(in: 0...maxPieces, using: &rng)
        return (0..<n).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    /// A string of random scalars, mostly non-ASCII (2-, 3- and 4-byte UTF-8).
    static func nonASCII(_ rng: inout SplitMix64, length: Int) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<length {
            let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0xC0...0x17F, 0x3041...0x30FF, 0x4E00...0x9FFF, 0x1F300...0x1F64F]
            let range = ranges.randomElement(using: &rng)!
            s.append(Unicode.Scalar(UInt32.random(in: range, using: &rng))!)
        }
        return String(s)
    }
}

/// A strict RFC 4180 parser, written independently of `CSVWriter` to read its output back.
enum PublishCSVParser {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Records of fields. Records end with CRLF (the last may omit it); fields are
    /// either plain (no comma, quote, CR or LF) or quoted with doubled quotes.
    static func parse(_ text: String) throws -> [[String]] {
        let s = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var i = 0
        guard !s.isEmpty else { return [] }
        while true {
            var field = String.UnicodeScalarView()
            if i < s.count, s[i] == "\"" {
                i += 1
                while true {
                    guard i < s.count else { throw Failure(description: "unterminated quoted field") }
                    if s[i] == "\"" {
                        if i + 1 < s.count, s[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(s[i]); i += 1
                }
            } else {
                while i < s.count, s[i] != ",", s[i] != "\r", s[i] != "\n" {
                    if s[i] == "\"" { throw Failure(description: "quote inside a plain field at \(i)") }
                    field.append(s[i]); i += 1
                }
            }
            record.append(String(field))
            if i == s.count { records.append(record); return records }
            if s[i] == "," { i += 1; continue }
            guard s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" else { throw Failure(description: "expected CRLF at \(i)") }
            i += 2
            records.append(record)
            record = []
            if i == s.count { return records }
        }
    }
}

/// Runs python3 (found on PATH) on a script with arguments; fails the test clearly when it is missing.
enum PublishPython {
    static func run(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try ExternalTool.run("/usr/bin/env", ["python3", "-c", script] + arguments)
        if result.status == 127 {
            XCTFail("python3 is not on PATH: the independent XML/CSV/JSON parser check cannot run. Install python3 or fix PATH.", file: file, line: line)
        }
        return (result.status, result.stdout, result.stderr)
    }
}

/// A temporary file holding `text` (UTF-8), removed by the caller.
func publishTempFile(_ text: String, name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("irsite-publish-\(UUID().uuidString)-\(name)")
    try Data(text.utf8).write(to: url)
    return url
}

extension XMLElement {
    /// An unprefixed attribute's value. (`attribute(forName:)` of swift-corelibs-foundation
    /// returns nil for unprefixed attributes of an element in a default namespace.)
    func publishAttribute(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
