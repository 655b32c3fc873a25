import Foundation
import IRSiteTestSupport
import XCTest

/// The library keeps no mutable state of its own between builds: what a long-lived
/// process remembers is in the `BuildCache` it passes in, and what one build shares
/// is owned by that build. A new process-wide table or stored `static var` fails here.
final class GlobalStateTests: XCTestCase {
    /// A stored `static var` (a computed one has no `=` before its body), an unchecked
    /// static, or a `static let` holding a lock or a table; at the top level, any `var` or
    /// unchecked `let`. Each with whether it only counts at the top level.
    static let patterns: [(NSRegularExpression, topLevelOnly: Bool)] = [
        (#"\bstatic\s+var\s+\w+\s*(:[^={]*)?="#, false),
        (#"nonisolated\(unsafe\)\s+static\b"#, false),
        (#"\bstatic\s+let\s+\w+\s*(:[^=]*)?=\s*(Memo|Mutex|Handover|Atomic)\b"#, false),
        (#"\bstatic\s+let\s+\w+\s*:\s*(Memo|Mutex|Handover|Atomic)\s*<"#, false),
        (#"^\s*(public\s+|internal\s+|private\s+|fileprivate\s+)?var\s"#, true),
        (#"nonisolated\(unsafe\)\s+(var|let)\s"#, true),
    ].map { (try! NSRegularExpression(pattern: $0.0), topLevelOnly: $0.1) }

    /// The declarations of `source` that are global mutable state, as "line: text".
    static func globals(in source: String) -> [String] {
        var depth = 0
        var found: [String] = []
        for (number, line) in source.components(separatedBy: "\n").enumerated() {
            let code = line.components(separatedBy: "//").first ?? line
            let range = NSRange(code.startIndex..., in: code)
            // A `var` at the top level is global; inside a type or function it is not.
            let hits = patterns.contains { pattern, topLevelOnly in
                (!topLevelOnly || depth == 0) && pattern.firstMatch(in: code, range: range) != nil
            }
            if hits { found.append("\(number + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            depth += code.filter { $0 == "{" }.count - code.filter { $0 == "}" }.count
        }
        return found
    }

    func testTheLibraryHasNoProcessWideMutableState() throws {
        let folder = Paths.root.appendingPathComponent("Sources/IRSiteKit")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 50, "the library's sources are found")
        var offenders: [String] = []
        for file in files.sorted() {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            offenders += Self.globals(in: source).map { "Sources/IRSiteKit/\(file):\($0)" }
        }
        XCTAssertEqual(offenders, [], "keep it in BuildCache (between builds) or in a value the build owns (within one)")
    }

    /// The patterns find what they are for, and let constants and computed properties be.
    func testThePatternsTellGlobalsFromConstants() {
        let globals = """
            static let outlines = Memo<TextKey, MarkdownOutline>(limit: 20_000)
            static let table: Mutex<[String: Int]> = .init([:])
            private static var count = 0
            static var names: [String] = []
            var cache: [String: String] = [:]
            nonisolated(unsafe) let shared = Storage()
            """
        XCTAssertEqual(Self.globals(in: globals).count, 6, Self.globals(in: globals).joined(separator: "\n"))
        let fine = """
            public static let kinds: Set<String> = ["statement", "guidance", "chart"]
            static var line: Double { font * lineHeight }
            static let parseLock = NSLock()
            struct S {
                var value: Int
                private let table = Mutex<[Int: Int]>([:])
                func f() { var x = 1; x += 1 }
                func g() { nonisolated(unsafe) let p = x }
            }
            """
        XCTAssertEqual(Self.globals(in: fine), [])
    }
}
