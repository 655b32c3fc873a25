import Foundation
import IRSiteTestSupport

/// The seed release's three statements as printed, read straight from the
/// release text (a copy in Fixtures/), so tests compare our pages with what
/// the company published, not with our own arithmetic.
struct SeedReference {
    struct Row: Equatable {
        var label: String
        var cells: [String]
    }

    /// Section name → its rows in order.
    let sections: [String: [Row]]

    init() throws {
        let text = try String(contentsOf: Paths.fixtures.appendingPathComponent("seed-2001-q2.txt"), encoding: .utf8)
        let markers = [("income_statement", "CONSOLIDATED STATEMENTS OF OPERATIONS"),
                       ("balance_sheet", "CONSOLIDATED BALANCE SHEETS"),
                       ("cash_flow", "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS")]
        var result: [String: [Row]] = [:]
        var current: String?
        for line in text.components(separatedBy: "\n") {
            if let m = markers.first(where: { line.contains($0.1) }) { current = m.0; continue }
            guard let section = current, line.contains("\t") else { continue }
            let fields = line.components(separatedBy: "\t")
            let label = fields[0].replacingOccurrences(of: "<u>", with: "").replacingOccurrences(of: "</u>", with: "")
            guard !label.isEmpty else { continue }
            let cells = fields.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { $0.hasPrefix("·") ? "-" : $0 }
            result[section, default: []].append(Row(label: label, cells: cells))
        }
        sections = result
    }
}
