import Mustache
import XCTest

@testable import IRSiteKit

/// `CompiledTemplate` renders the bytes swift-mustache renders, on the real theme
/// and on the corners of Mustache's whitespace rules; what it cannot read it refuses.
final class CompiledTemplateTests: XCTestCase {
    struct Item: TemplateObject, MustacheParent {
        var name: String
        var flag: Bool
        var tags: [String]
        func value(named key: String) -> TemplateValue {
            switch key {
            case "name": name.templateValue
            case "flag": flag.templateValue
            case "tags": tags.templateValue
            default: .missing
            }
        }
    }

    struct Root: TemplateObject, MustacheParent {
        var title = "Q2 <results> & \"more\" 'n"
        var empty = ""
        var yes = true
        var no = false
        var count = 3
        var items = [Item(name: "a&b", flag: true, tags: ["x", "y"]), Item(name: "c", flag: false, tags: [])]
        var none: [Item] = []
        var first: Item? = Item(name: "first", flag: true, tags: ["t"])
        var absent: Item?
        func value(named key: String) -> TemplateValue {
            switch key {
            case "title": title.templateValue
            case "empty": empty.templateValue
            case "yes": yes.templateValue
            case "no": no.templateValue
            case "count": count.templateValue
            case "items": items.templateValue
            case "none": none.templateValue
            case "first": first.templateValue
            case "absent": absent.templateValue
            default: .missing
            }
        }
    }

    /// Renders `text` both ways (with `partials`) and asserts the same output.
    func assertSame(_ text: String, partials: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, partial) in partials.merging(["main": text], uniquingKeysWith: { $1 }) {
            try library.register(partial, named: name)
            compiled[name] = try XCTUnwrap(CompiledTemplate(partial), "does not compile: \(partial)", file: file, line: line)
        }
        let expected = try XCTUnwrap(library.render(Root(), withTemplate: "main"), file: file, line: line)
        let actual = String(decoding: compiled["main"]!.render(Root().templateValue, partials: compiled), as: UTF8.self)
        XCTAssertEqual(actual, expected, "template: \(text.debugDescription)", file: file, line: line)
    }

    func testVariablesEscapeAsSwiftMustacheDoes() throws {
        try assertSame("<h1>{{title}}</h1>\n{{{title}}} {{& title}} {{ title }}|{{missing}}|{{count}}|{{yes}}|{{first.name}}|{{absent.name}}\n")
    }

    func testSectionsListsFlagsAndObjects() throws {
        try assertSame("{{#items}}<li>{{name}}{{#flag}}!{{/flag}}{{#tags}}[{{.}}]{{/tags}}{{title}}</li>{{/items}}\n{{#none}}never{{/none}}{{^none}}no items{{/none}}\n")
        try assertSame("{{#first}}{{name}} {{title}}{{/first}}{{#absent}}never{{/absent}}{{^absent}}absent{{/absent}}{{^first}}never{{/first}}\n")
        try assertSame("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}not n{{/no}}{{^yes}}not y{{/yes}}{{#title}}<{{.}}>{{/title}}{{^empty}}never{{/empty}}")
    }

    func testEmptyTransform() throws {
        try assertSame("{{#empty(empty)}}e{{/empty(empty)}}{{^empty(title)}}t{{/empty(title)}}{{#empty(none)}}n{{/empty(none)}}{{^empty(items)}}i{{/empty(items)}}{{^empty(missing)}}m{{/empty(missing)}}\n")
    }

    func testStandaloneLinesDisappear() throws {
        try assertSame("""
            <ul>
            {{#items}}
              {{! a comment }}
              <li>{{name}}</li>
               {{^flag}}  
              off
              {{/flag}}
            {{/items}}
            </ul>
            {{#yes}} inline {{/yes}}
            x {{#yes}}
            y
            {{/yes}} z
            {{> part}}
            end
            {{#no}}
            {{/no}}
            """, partials: ["part": "<p>{{title}}</p>\n{{#items}}\n{{name}}\n{{/items}}\n"])
    }

    func testUnsupportedMustacheIsRefused() {
        XCTAssertNil(CompiledTemplate("{{=<% %>=}}<% title %>"))
        XCTAssertNil(CompiledTemplate("  {{> part}}\n"), "indented partials are left to swift-mustache")
        XCTAssertNil(CompiledTemplate("{{#a}}{{/b}}"))
        XCTAssertNil(CompiledTemplate("{{#a}}"))
        XCTAssertNil(CompiledTemplate("{{uppercased(title)}}"))
        XCTAssertNil(CompiledTemplate("a\r\nb"))
        XCTAssertNotNil(CompiledTemplate("{{#a}}{{b}}{{/a}}"))
    }

    /// The theme as shipped: every template compiles and renders the test contexts as swift-mustache does.
    func testTheThemeRendersAsSwiftMustacheDoes() async throws {
        let templates = try await Templates(directory: TemplateTests.templatesDirectory)
        XCTAssertEqual(templates.compiled.map { Set($0.keys) }, Set(Templates.required))
        let contexts: [(Any, String)] = [
            (TemplateTests.layout(root: "../../", content: "<p>x & y</p>"), "layout"),
            (TemplateTests.table(label: "Revenues <net> & \"other\""), "table"),
            (TemplateTests.guidance, "guidance"),
            (ArchiveContext(years: [ArchiveYear(label: "Fiscal 2001", id: "fy2001", releases: [TemplateTests.release])], hasReleases: true), "archive"),
            (ArchiveContext(years: [], hasReleases: false), "archive"),
        ]
        for (context, name) in contexts {
            let compiled = try templates.render(context, name)
            XCTAssertEqual(compiled, try templates.mustacheRender(context, name), name)
            XCTAssertFalse(compiled.isEmpty)
        }
    }

    /// A theme using Mustache the compiler does not read is rendered by swift-mustache, unchanged.
    func testAThemeBeyondTheCompilerFallsBack() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("irsite-compiled-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: TemplateTests.templatesDirectory, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let guidance = folder.appendingPathComponent("guidance.mustache")
        try ("{{=<% %>=}}<p><% caption %></p>\n" + String(contentsOf: guidance, encoding: .utf8)).write(to: guidance, atomically: true, encoding: .utf8)
        let templates = try await Templates(directory: folder.path)
        XCTAssertNil(templates.compiled)
        let html = try templates.render(TemplateTests.guidance, "guidance")
        XCTAssertTrue(html.hasPrefix("<p>\(TemplateTests.guidance.caption)</p>"), html)
    }
}
