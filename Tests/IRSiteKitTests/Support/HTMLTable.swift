import Foundation

/// Reads the rows of one generated statement table back out of a page: the
/// row label (`<th scope="row">`) and its cells' text, unescaped.
enum HTMLTable {
    struct Row: Equatable {
        var label: String
        var cells: [String]
    }

    /// The rows of the `<figure … id="<id>">` element in `html`.
    static func rows(in html: String, figureID id: String) -> [Row]? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</figure>")?.lowerBound ?? rest.endIndex
        let figure = String(rest[..<end])
        var rows: [Row] = []
        for chunk in figure.components(separatedBy: "<tr").dropFirst() {
            let tr = chunk.components(separatedBy: "</tr>")[0]
            guard let th = firstMatch(#"<th scope="row"[^>]*>(.*?)</th>"#, in: tr) else { continue }
            let cells = allMatches(#"<td[^>]*>(.*?)</td>"#, in: tr).map(unescape)
            rows.append(Row(label: unescape(th), cells: cells))
        }
        return rows
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? { allMatches(pattern, in: text).first }

    static func allMatches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1)).replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
