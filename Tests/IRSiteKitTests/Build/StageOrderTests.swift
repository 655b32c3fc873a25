import Foundation
import IRSiteTestSupport
import XCTest

/// The folders of `Sources/IRSiteKit/` are the pipeline's stages, and data flows one way:
/// a file names no type declared in a later stage. Read from the sources, as a reader of
/// the code would: each type declared at the top level of a file belongs to its folder.
final class StageOrderTests: XCTestCase {
    /// The stages in the order they may depend on each other (each may name the ones before it).
    static let order = ["Support", "Model", "Load", "Derive", "Check", "Render", "Write", "Build"]

    /// Back references that are known and said in Architecture.md: the build's cache is
    /// handed to loading and checking as a parameter, and a release carries its parsed document.
    static let known: Set<String> = ["Load → Build: BuildCache", "Check → Build: ReleaseCheckMemo", "Model → Load: ReleaseDocument"]

    static let declaration = try! NSRegularExpression(
        pattern: #"^(?:public |package |internal |fileprivate |private )?(?:final )?(?:struct|enum|class|protocol|typealias|actor) +([A-Za-z_][A-Za-z0-9_]*)"#,
        options: .anchorsMatchLines)
    static let typeName = try! NSRegularExpression(pattern: #"\b[A-Z][A-Za-z0-9_]*\b"#)

    static func matches(_ regex: NSRegularExpression, in text: String, group: Int = 0) -> [String] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range(at: group)) }
    }

    /// Each line without its `//` comment (doc comments name later stages' types on purpose).
    static func code(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: "\n")
    }

    /// "Stage → Later: Type" for every type a file names from a later stage. A name declared in
    /// more than one stage (nested `Entry`, `Kind` …) says nothing and is skipped.
    static func backReferences(_ files: [(stage: String, text: String)]) -> Set<String> {
        var stages: [String: Set<String>] = [:]
        for file in files {
            for name in matches(declaration, in: file.text, group: 1) { stages[name, default: []].insert(file.stage) }
        }
        var found: Set<String> = []
        for file in files {
            guard let here = order.firstIndex(of: file.stage) else { continue }
            for name in Set(matches(typeName, in: code(file.text))) {
                guard let declared = stages[name], declared.count == 1, let there = declared.first,
                      let later = order.firstIndex(of: there), later > here else { continue }
                found.insert("\(file.stage) → \(there): \(name)")
            }
        }
        return found
    }

    func testTheScanFindsABackReference() {
        let files = [(stage: "Model", text: "public struct Release {\n    var document: ReleaseDocument // a Render type: Chart\n}"),
                     (stage: "Load", text: "public struct ReleaseDocument {}\nstruct Shared {}"),
                     (stage: "Render", text: "enum Chart {}\nstruct Shared {}\nlet x = Release()")]
        XCTAssertEqual(Self.backReferences(files), ["Model → Load: ReleaseDocument"])
    }

    func testNoStageNamesALaterOne() throws {
        let root = Paths.root.appendingPathComponent("Sources/IRSiteKit")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasSuffix(".docc") }
        XCTAssertEqual(Set(folders), Set(Self.order), "Sources/IRSiteKit holds the stage folders and nothing else")
        var files: [(stage: String, text: String)] = []
        for stage in Self.order {
            let folder = root.appendingPathComponent(stage)
            let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for path in paths {
                files.append((stage, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)))
            }
        }
        XCTAssertGreaterThan(files.count, 80)
        let found = Self.backReferences(files)
        XCTAssertEqual(found.subtracting(Self.known).sorted(), [], "a stage names a later stage's type: move the type, or pass a value in")
        XCTAssertEqual(Self.known.subtracting(found).sorted(), [], "a known back reference is gone: take it off the list and out of Architecture.md")
    }
}
