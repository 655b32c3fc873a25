import Foundation
import IRSiteTestSupport
import XCTest

/// No user-visible English in the renderer's Swift: its words come from the
/// theme's translation table (`Templates/i18n/`), so every language can have them.
///
/// The heuristic reads each string literal of `Sources/IRSiteKit/Render` (comments
/// skipped) with its interpolations and markup (`<…>`) taken out (a literal with
/// `="` is markup: attributes), and flags it when what is left
/// - has a capitalised word ("Total", "No data", "Release archive"), or
/// - has two lowercase words in a row ("not available") and is not a CSS class list
///   or an SVG role (the value of `("class", …)`, `classes:`, `role:`, `extraClass:`), or
/// - was built around values and still has a word between them ("\(a) to \(b)").
///
/// Messages for developers (`LocatedError`, `precondition`, `assert`, `fatalError`,
/// `DecodingError`) are not pages' words and are skipped; they are English like
/// every other diagnostic of the tool.
final class RenderWordsTests: XCTestCase {
    /// Literals the heuristic flags that are not words for readers, each with why.
    static let allowed: [String: String] = [
        "Organization": "schema.org type in the JSON-LD, a vocabulary name",
        "IRSite \\(IRSite.version)": "the generator's name in <meta name=\"generator\">",
        "Helvetica, Arial, Liberation Sans, sans-serif": "the charts' font stack",
        "User-agent: *\\nDisallow: /\\n": "robots.txt syntax",
        "User-agent: *\\nAllow: /\\n\\nSitemap: \\(url)\\n": "robots.txt syntax",
        "template context lookups miss \\(TemplateContextCheck.missingNames(in: context)): update PageContexts+Mustache.swift":
            "an assertion's message (its call is on the line before)",
    ]

    static func flagged(in source: String) -> [(line: Int, literal: String)] {
        let literal = try! NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        let interpolation = try! NSRegularExpression(pattern: #"\\\((?:[^()]|\([^()]*\))*\)"#)
        let markup = try! NSRegularExpression(pattern: #"<[^>]*>?"#)
        let capitalised = try! NSRegularExpression(pattern: #"\b[A-Z][a-z]+\b"#)
        let phrase = try! NSRegularExpression(pattern: #"\b[a-z]{2,} [a-z]{2,}\b"#)
        let word = try! NSRegularExpression(pattern: #"(?:^|[\s:,(])[A-Za-z]{2,}(?:$|[\s:,.)])"#)
        let developer = ["LocatedError(", "precondition(", "assert(", "assertionFailure(", "fatalError(", "DecodingError", "debugDescription:"]
        let machine = ["(\"class\", ", "classes: ", "role: ", "extraClass: "]
        let label = try! NSRegularExpression(pattern: #"\b[a-zA-Z]+: "#)
        func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
            re.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
        }
        var out: [(Int, String)] = []
        for (index, line) in source.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("//") || developer.contains(where: line.contains) { continue }
            let ns = line as NSString
            for m in literal.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let raw = ns.substring(with: m.range(at: 1))
                // A `//` before the literal makes it part of a comment.
                let before = ns.substring(to: m.range.location)
                if before.contains("//") { break }
                let plain = interpolation.stringByReplacingMatches(in: raw, range: NSRange(location: 0, length: (raw as NSString).length), withTemplate: "\u{1}")
                let text = markup.stringByReplacingMatches(in: plain, range: NSRange(location: 0, length: (plain as NSString).length), withTemplate: " ")
                if raw.contains(#"=\""#) { continue }
                // The value of a class or role argument: the marker, then no other argument label before the literal.
                let isMachine = machine.contains { marker in
                    guard let at = before.range(of: marker, options: .backwards) else { return false }
                    return !matches(label, String(before[at.upperBound...]))
                }
                if matches(capitalised, text) || (!isMachine && matches(phrase, text))
                    || (!isMachine && plain.contains("\u{1}") && !plain.contains("<") && text.contains(" ") && matches(word, text)) {
                    out.append((index + 1, raw))
                }
            }
        }
        return out
    }

    func testRendererHasNoEnglishLiterals() throws {
        let render = Paths.root.appendingPathComponent("Sources/IRSiteKit/Render").path
        var found: [String] = []
        for name in (FileManager.default.enumerator(atPath: render)?.allObjects as? [String] ?? []).sorted() where name.hasSuffix(".swift") {
            let source = try String(contentsOfFile: render + "/" + name, encoding: .utf8)
            for (line, literal) in Self.flagged(in: source) where Self.allowed[literal] == nil {
                found.append("Render/\(name):\(line): \"\(literal)\"")
            }
        }
        XCTAssertEqual(found, [], "words for readers belong in Templates/i18n/*.yaml:\n" + found.joined(separator: "\n"))
    }

    /// The heuristic itself: what it must catch and what it must leave.
    func testHeuristicCatchesWordsAndLeavesCode() {
        let caught = [#"let a = "Total""#, #"x(title: "not available")"#, #"let s = "\(a) to \(b)""#,
                      #"label: "Change vs \(p)""#, #"b.text("No data", x: 1)"#,
                      #"TableCell(text: m, classes: "num nm", title: "not available")"#]
        for source in caught { XCTAssertEqual(Self.flagged(in: source).count, 1, source) }
        let left = [#"b.open("g", [("class", "axis value-axis")])"#, #"TableCell(text: t, classes: n < 0 ? "num neg" : "num", title: "")"#,
                    #"out += " xml:lang=\"\(x.attribute(language))\"""#,
                    #"out += "<th scope=\"col\">""#, #"// "Total" in a comment"#, #"throw LocatedError("missing template", at: l)"#,
                    #"let path = "\(a)/\(b).svg""#, #"let id = "fy\(year)""#]
        for source in left { XCTAssertEqual(Self.flagged(in: source).map(\.literal), [], source) }
    }
}
