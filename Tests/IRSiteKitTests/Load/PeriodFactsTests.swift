import XCTest
import IRSiteTestSupport
import Yams
@testable import IRSiteKit

/// Period facts decoded by walking the YAML nodes give what `Codable` gives:
/// the same values and places, and for anything irregular the same errors.
final class PeriodFactsTests: XCTestCase {
    /// `PeriodFile` as it was decoded before the walk: its facts through `Codable`'s dictionaries.
    struct ReferencePeriodFile: Decodable {
        var fiscalYear: Located<Int>
        var quarter: Located<Int>
        var translation: TranslationSpec?
        var facts: PeriodFacts.Facts
        var overrides: [String: Located<[String: Located<OverrideSpec>]>]
        var discrepancies: [String: Located<String>]

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: PeriodFile.CodingKeys.self)
            fiscalYear = try c.decode(Located<Int>.self, forKey: .fiscalYear)
            quarter = try c.decode(Located<Int>.self, forKey: .quarter)
            translation = try c.decodeIfPresent(TranslationSpec.self, forKey: .translation)
            facts = try c.decodeIfPresent(PeriodFacts.Facts.self, forKey: .facts) ?? [:]
            overrides = try c.decodeIfPresent([String: Located<[String: Located<OverrideSpec>]>].self, forKey: .overrides) ?? [:]
            discrepancies = try c.decodeIfPresent([String: Located<String>].self, forKey: .discrepancies) ?? [:]
        }
    }

    /// The facts and unknown keys, or the error, as text to compare.
    func outcome<T: Decodable>(_ type: T.Type, _ yaml: String, facts: (T) -> PeriodFacts.Facts) -> String {
        do {
            let (value, unknown) = try NodeDecoder.decodeReportingUnknownKeys(type, yaml: yaml, file: "periods/2001-q2.yaml")
            let lines = facts(value).sorted { $0.key < $1.key }.flatMap { layout, lines in
                ["\(layout) \(lines.value.count) \(lines.location)"] + lines.value.sorted { $0.key < $1.key }.map { "  \($0.key) \(String(describing: $0.value.value)) \($0.value.location)" }
            }
            return (lines + unknown.map(\.description)).joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    func assertSameAsCodable(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) {
        let walked = outcome(PeriodFile.self, yaml) { $0.facts }
        let reference = outcome(ReferencePeriodFile.self, yaml) { $0.facts }
        XCTAssertEqual(walked, reference, file: file, line: line)
    }

    func sampleText(_ name: String) throws -> String {
        try String(contentsOfFile: Paths.content + "/periods/" + name, encoding: .utf8)
    }

    func testSamplePeriodsAreWalkedToWhatCodableDecodes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.content + "/periods").filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let yaml = try sampleText(name)
            // The walk itself takes these files (else the comparison would only test Codable against itself).
            let node = try XCTUnwrap(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
            let facts = try XCTUnwrap(node.mapping?["facts"], name)
            let walked = try XCTUnwrap(PeriodFacts.walk(facts, context: NodeDecoder.Context(file: name)), name)
            XCTAssertGreaterThan(walked.values.map(\.value.count).reduce(0, +), 10, name)
            assertSameAsCodable(yaml)
        }
    }

    func testIrregularFactsGiveCodablesValuesAndErrors() throws {
        let yaml = try sampleText("2001-q2.yaml")
        let fact = "dedicated_access_services: 3431156"
        XCTAssertTrue(yaml.contains(fact))
        let variants = [
            "dedicated_access_services: 3,431,156", "dedicated_access_services: (632302)", "dedicated_access_services: 1e5",
            "dedicated_access_services: 12.", "dedicated_access_services: .5", "dedicated_access_services: +7",
            "dedicated_access_services: -0.50", "dedicated_access_services: ~", "dedicated_access_services: null",
            "dedicated_access_services:", "dedicated_access_services: ''", "dedicated_access_services: '12'",
            "dedicated_access_services: \"1\\u0007\"", "dedicated_access_services: { a: 1 }", "dedicated_access_services: [1]",
            "dedicated_access_services: ٣", "dedicated_access_services: 1234567890123456789012345678901",
            "dedicated_access_services: 123456789012345678901234567890", "dedicated_acess_services: 3431156",
            "dedicated_access_services: 3431156\n    dedicated_access_services: 3431156",
        ]
        for variant in variants {
            assertSameAsCodable(yaml.replacingOccurrences(of: fact, with: variant))
        }
        // A layout that is not a mapping, facts that are not one, no facts at all.
        let layout = try XCTUnwrap(yaml.split(separator: "\n").first { $0.hasPrefix("  ") && $0.hasSuffix(":") && !$0.hasPrefix("   ") })
        assertSameAsCodable(yaml.replacingOccurrences(of: layout, with: layout + " ~\n  unused:"))
        assertSameAsCodable(yaml.replacingOccurrences(of: "facts:", with: "facts: []\nfacts_:"))
        assertSameAsCodable(yaml.replacingOccurrences(of: "facts:", with: "facts: ~\nfacts_:"))
    }

    func testPlainNumbersReadExactly() throws {
        let cases: [(String, Exact?)] = [
            ("3431156", Exact(3431156)), ("-632302", Exact(-632302)), ("+7", Exact(7)), ("-0", .zero),
            ("6.40", Exact(32, 5)), (".5", Exact(1, 2)), ("-0.25", Exact(-1, 4)), ("007", Exact(7)),
            ("123456789012345678901234567890", Exact(Int128(123456789012345678) * 1_000_000_000_000 + 901234567890, 1)),
            ("1234567890123456789012345678901", nil), ("12.", nil), (".", nil), ("", nil), ("-", nil), ("1e5", nil),
            ("3,431", nil), ("1.2.3", nil), (" 1", nil), ("--1", nil), ("٣", nil), ("1\u{301}", nil),
        ]
        for (text, value) in cases {
            XCTAssertEqual(Exact(decimal: text), value, text)
        }
    }
}
