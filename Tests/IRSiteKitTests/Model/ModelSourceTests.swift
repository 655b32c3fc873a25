import Foundation
import IRSiteTestSupport
import XCTest

/// `Model/` is the resolved site: it names no file-schema type (`SiteFile`,
/// `LayoutFile`, `RowSpec` …) and knows nothing of decoding, which lives in `Load/`.
final class ModelSourceTests: XCTestCase {
    static let modelFolder = Paths.root.appendingPathComponent("Sources/IRSiteKit/Model")

    /// Type names ending in `File` or `Spec` (a property such as `calendarFile` is not one), and any mention of decoding.
    static let forbidden = try! NSRegularExpression(pattern: #"\b[A-Z][A-Za-z0-9_]*(?:File|Spec)\b|\bDecod[A-Za-z]*|\bCoding[A-Za-z]*"#)

    static func forbiddenWords(in text: String) -> [String] {
        forbidden.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) }
    }

    func testThePatternFindsWhatItGuardsAgainst() {
        XCTAssertEqual(Self.forbiddenWords(in: "var basis: LayoutFile.Basis; var items: [GuidanceItemSpec]"), ["LayoutFile", "GuidanceItemSpec"])
        XCTAssertEqual(Self.forbiddenWords(in: "extension Unit: Decodable { enum CodingKeys: CodingKey {} }"), ["Decodable", "CodingKeys", "CodingKey"])
        XCTAssertEqual(Self.forbiddenWords(in: "var file: String; var attachments: [Attachment]; var respect: Int; func calendarFile()"), [])
    }

    func testModelNamesNoFileSchemaTypeAndNoDecoding() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.modelFolder.path).filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertGreaterThan(names.count, 10, "expected the model's sources in \(Self.modelFolder.path)")
        for name in names {
            let text = try String(contentsOf: Self.modelFolder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(Self.forbiddenWords(in: text), [], "Model/\(name) refers to a file-schema type or to decoding: move it to Load/")
        }
    }
}
