import Foundation
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// The theme's translation tables (`Templates/i18n/`), the site's `strings:`
/// override, and the renderer taking its words from them.
final class TranslationsTests: XCTestCase {
    func table(_ language: String) throws -> Translations {
        try Translations.load(directory: Paths.templates, language: language)
    }

    func placeholders(_ message: Translations.Message) -> Set<String> {
        message.forms.reduce(into: Set<String>()) { $0.formUnion(Translations.placeholders(in: $1)) }
    }

    func testEveryLanguageHasTheSameKeysAndPlaceholders() throws {
        let en = try table("en"), ja = try table("ja")
        XCTAssertEqual(Set(ja.messages.keys).subtracting(en.messages.keys).sorted(), [], "keys only in ja.yaml")
        XCTAssertEqual(Set(en.messages.keys).subtracting(ja.messages.keys).sorted(), [], "keys missing from ja.yaml")
        for (key, message) in en.messages {
            guard let other = ja.messages[key] else { continue }
            XCTAssertEqual(placeholders(other), placeholders(message), key)
            if case .plural(let forms) = other { XCTAssertNotNil(forms["other"], key) }
        }
        // Japanese has no singular: its plural messages have only `other`.
        for case .plural(let forms) in ja.messages.values { XCTAssertEqual(Set(forms.keys), ["other"]) }
    }

    /// Swift only picks keys: each key it asks for is in the table, each key in
    /// the table is asked for (months by number).
    func testRenderAsksForExactlyTheTablesKeys() throws {
        let en = try table("en")
        let kit = Paths.root.appendingPathComponent("Sources/IRSiteKit").path
        // The renderer and the table's own grammar (list joining).
        let files = (FileManager.default.enumerator(atPath: kit + "/Render")?.allObjects as? [String] ?? []).map { "Render/" + $0 }
            + ["Model/Translations.swift"]
        var literals: Set<String> = [], asked: Set<String> = []
        let literal = try NSRegularExpression(pattern: #""([a-z][a-z0-9]*(?:_[a-z0-9]+)+)""#)
        let call = try NSRegularExpression(pattern: #"(?:text|plural)\("([a-z0-9_]+)""#)
        for name in files where name.hasSuffix(".swift") {
            let source = try String(contentsOfFile: kit + "/" + name, encoding: .utf8), ns = source as NSString
            let whole = NSRange(location: 0, length: ns.length)
            for m in literal.matches(in: source, range: whole) { literals.insert(ns.substring(with: m.range(at: 1))) }
            for m in call.matches(in: source, range: whole) { asked.insert(ns.substring(with: m.range(at: 1))) }
        }
        XCTAssertFalse(asked.isEmpty)
        XCTAssertEqual(asked.subtracting(en.messages.keys).sorted(), [], "keys Swift asks for that en.yaml lacks")
        let unused = Set(en.messages.keys).filter { !literals.contains($0) && !$0.hasPrefix("month_") }
        XCTAssertEqual(unused.sorted(), [], "keys in en.yaml that no Swift file picks")
        XCTAssertEqual((1...12).filter { en.messages["month_\($0)"] == nil }, [])
    }

    func testPlaceholdersPluralsAndLists() throws {
        let en = try table("en"), ja = try table("ja")
        XCTAssertEqual(en.text("change_vs", ["period": "2Q00"]), "Change vs 2Q00")
        XCTAssertEqual(ja.text("change_vs", ["period": "2Q00"]), "2Q00比増減")
        XCTAssertEqual(en.plural("chart_sign_changes", count: 1), "It changed sign 1 time.")
        XCTAssertEqual(en.plural("chart_sign_changes", count: 4), "It changed sign 4 times.")
        XCTAssertEqual(ja.plural("chart_sign_changes", count: 1), "符号が1回変わりました。")
        XCTAssertEqual([[], ["A"], ["A", "B"], ["A", "B", "C"]].map(en.list), ["", "A", "A and B", "A, B and C"])
        XCTAssertEqual(ja.list(["A", "B", "C"]), "A、BおよびC")
        // A placeholder with no value, and a brace that opens none, stay as written.
        XCTAssertEqual(Translations.fill("{a} {b} {", [("a", "1")]), "1 {b} {")
    }

    // MARK: The site's override

    func build(siteYAML edit: (String) -> String, in tmp: TempDirectory) async throws -> String {
        let content = try tmp.copy(Paths.content, as: "Content")
        let site = content + "/site.yaml"
        try edit(try String(contentsOfFile: site, encoding: .utf8)).write(toFile: site, atomically: true, encoding: .utf8)
        let output = tmp.path("Output")
        _ = try await Pipeline.build(content: content, templates: Paths.templates, output: output, options: .afterTheSeed)
        return output
    }

    func testSiteStringsReplaceTheThemesWords() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let output = try await build(siteYAML: {
            $0 + "strings:\n  nav_releases: Results\n  change_vs: \"Compared with {period}\"\n"
        }, in: tmp)
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains(">Results</a>"), "the navigation label comes from the override")
        XCTAssertFalse(home.contains(">Releases</a>"))
        XCTAssertTrue(home.contains("Compared with 2Q00"), "placeholders are filled in the override too")
        XCTAssertFalse(home.contains("Change vs"))
        // Everything not overridden is the theme's.
        XCTAssertTrue(home.contains(">Financial statements</a>"))
    }

    func testUnknownSiteStringIsAnErrorWithPlaceAndSuggestion() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        var lines = 0
        do {
            _ = try await build(siteYAML: { text in
                lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                return text + "strings:\n  nav_relases: Results\n"
            }, in: tmp)
            XCTFail("a key the theme does not know must fail the build")
        } catch let error as DiagnosticsError {
            let d = try XCTUnwrap(error.diagnostics.first)
            XCTAssertEqual(error.diagnostics.count, 1)
            XCTAssertEqual(d.severity, .error)
            XCTAssertEqual(d.message, "unknown key 'nav_relases' in strings; did you mean 'nav_releases'?")
            XCTAssertTrue(d.location.file.hasSuffix("Content/site.yaml"), d.location.file)
            // The text ended with a newline, so "strings:" is on the last (empty) line and the key below it.
            XCTAssertEqual(d.location.line, lines + 1)
            XCTAssertEqual(d.location.column, 3)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.path("Output/index.html")), "a failed build publishes nothing")
    }

    func testOverrideWithAPlaceholderTheMessageDoesNotHaveIsAnError() async throws {
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        do {
            _ = try await build(siteYAML: { $0 + "strings:\n  change_vs: \"Change vs {quarter}\"\n" }, in: tmp)
            XCTFail("an unknown placeholder must fail the build")
        } catch let error as DiagnosticsError {
            XCTAssertEqual(error.diagnostics.map(\.message), ["'change_vs' has no placeholder {quarter}; it has {period}"])
        }
    }

    func testMalformedTablesAreLocatedErrors() throws {
        func entries(_ yaml: String) throws -> [Translations.Override] {
            try NodeDecoder.decode(TranslationEntries.self, yaml: yaml, file: "t.yaml").overrides
        }
        XCTAssertEqual(try entries("a: x\nb: {one: y, other: z}\n").map(\.message), [.text("x"), .plural(["one": "y", "other": "z"])])
        XCTAssertThrowsError(try entries("a: {one: y}\n")) { XCTAssertEqual(($0 as? LocatedError)?.message, "plural forms of 'a' need 'other'") }
        XCTAssertThrowsError(try entries("a:\n  won: y\n  other: z\n")) {
            let e = $0 as? LocatedError
            XCTAssertEqual(e?.message, "unknown plural form 'won'; did you mean 'one'?")
            XCTAssertEqual(e?.location, SourceLocation(file: "t.yaml", line: 2, column: 3))
        }
        XCTAssertThrowsError(try entries("- x\n")) { XCTAssertEqual(($0 as? LocatedError)?.message, "expected a mapping of message keys to texts") }
        let tmp = try TempDirectory()
        defer { tmp.remove() }
        let theme = try tmp.copy(Paths.templates, as: "Theme")
        try FileManager.default.removeItem(atPath: theme + "/i18n/en.yaml")
        XCTAssertThrowsError(try Translations.load(directory: theme, language: "en")) {
            XCTAssertEqual(($0 as? LocatedError)?.message, "missing translation table 'i18n/en.yaml' in the theme")
        }
    }
}
