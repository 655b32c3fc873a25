import Mustache
import XCTest
@testable import IRSiteKit

/// The hand-written template lookups are checked against the structs they serve.
final class TemplateContextCheckTests: XCTestCase {
    struct Forgetful: MustacheParent {
        var kept = "a"
        var forgotten = "b"
        var nested: [TableCell] = [TableCell(text: "1", classes: "num", title: "")]
        func child(named name: String) -> Any? { name == "kept" ? kept : name == "nested" ? nested : nil }
    }

    func testAPropertyWithoutALookupIsReported() {
        XCTAssertEqual(TemplateContextCheck.missingNames(in: Forgetful()), ["Forgetful.forgotten"])
    }

    func testNestedContextsAreChecked() {
        struct Outer: MustacheParent {
            var inner: [Forgetful] = [Forgetful()]
            func child(named name: String) -> Any? { name == "inner" ? inner : nil }
        }
        XCTAssertEqual(TemplateContextCheck.missingNames(in: Outer()), ["Forgetful.forgotten"])
    }

    func testTheSiteContextsAreComplete() {
        let table = TableContext(id: "t", caption: "c", heading: "", subheading: "", unitNote: "", hasGroups: false, groups: [],
                                 periodHeaders: [], hasColumnLabels: false, columnLabels: [],
                                 rows: [TableRow(isHeader: false, label: "l", indentClass: "indent-0", kindClass: "", cells: [], span: 1)],
                                 notes: [], hasNotes: false)
        XCTAssertEqual(TemplateContextCheck.missingNames(in: table), [])
        XCTAssertEqual(table.child(named: "rowsHTML") as? String, table.rowsHTML)
    }
}
