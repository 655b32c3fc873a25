import Foundation
import XCTest
@testable import IRSiteKit

final class PublishJSONWriterTests: XCTestCase {
    func number(_ text: String) -> JSONWriter.Number { JSONWriter.Number(exactly: Exact(decimal: text)!)! }

    func testNumbersAreExact() {
        XCTAssertEqual(number("3431156").literal, "3431156")
        XCTAssertEqual(number("-68.61").literal, "-68.61")
        XCTAssertEqual(number("0.1").literal, "0.1")
        XCTAssertEqual(number("-0.10").literal, "-0.1")
        XCTAssertEqual(number("119.230").literal, "119.23")
        XCTAssertEqual(number("-632302").literal, "-632302")
        XCTAssertEqual(JSONWriter.Number(exactly: Exact(1, 8))?.literal, "0.125")
        XCTAssertEqual(JSONWriter.Number(exactly: Exact(-3, 1 << 20))?.literal, "-0.00000286102294921875")
        XCTAssertEqual(JSONWriter.Number(exactly: Exact(Int128(Int64.max) * 1000, 1))?.literal, "9223372036854775807000")
        XCTAssertNil(JSONWriter.Number(exactly: Exact(1, 3)))
        XCTAssertEqual(JSONWriter.Number(Exact(1, 3), places: 2).literal, "0.33")
        XCTAssertEqual(JSONWriter.Number(Exact(decimal: "6.4")!, places: 2).literal, "6.40")
        XCTAssertEqual(JSONWriter.Number(Exact(-1, 1000), places: 2).literal, "0.00")
        for valid in ["0", "-0", "1.5", "-68.61", "1e5", "1E+05", "2.5e-3"] { XCTAssertNotNil(JSONWriter.Number(literal: valid), valid) }
        for invalid in ["", "-", "01", "1.", ".5", "+1", "1e", "NaN", "1,0", " 1", "0x10", "1.5.2"] {
            XCTAssertNil(JSONWriter.Number(literal: invalid), invalid)
        }
    }

    func testDocumentIsByteExactSortedAndPretty() throws {
        let data = JSONWriter.Value.object([
            "period": .string("2001-q2"), "url": .string("https://ir.example.com/releases/2001-q2/"), "unit": .string("JPY millions"),
            "figures": .array([
                .object(["line": .string("total_revenues"), "value": .number(number("3431156")), "change": .number(number("0.1"))]),
                .object(["line": .string("net_loss"), "value": .number(number("-68.61"))]),
            ]),
            "fx": .number(number("119.23")),
        ])
        let text = JSONWriter.render(data)
        XCTAssertEqual(text, """
        {
          "figures": [
            {
              "change": 0.1,
              "line": "total_revenues",
              "value": 3431156
            },
            {
              "line": "net_loss",
              "value": -68.61
            }
          ],
          "fx": 119.23,
          "period": "2001-q2",
          "unit": "JPY millions",
          "url": "https://ir.example.com/releases/2001-q2/"
        }

        """)
        XCTAssertEqual(JSONWriter.render(data, pretty: false),
                       #"{"figures":[{"change":0.1,"line":"total_revenues","value":3431156},{"line":"net_loss","value":-68.61}],"fx":119.23,"period":"2001-q2","unit":"JPY millions","url":"https://ir.example.com/releases/2001-q2/"}"#)
        // Valid JSON for an independent parser, and the literals read back exactly (as decimals, not doubles).
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        let url = try publishTempFile(text, name: "data.json")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PublishPython.run("""
        import json, sys
        d = json.load(open(sys.argv[1], encoding='utf-8'), parse_float=str, parse_int=str)
        print(d['figures'][0]['value'], d['figures'][0]['change'], d['figures'][1]['value'], d['fx'])
        """, [url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "3431156 0.1 -68.61 119.23\n")
    }

    func testStringsAndValues() throws {
        let value = JSONWriter.Value.object([
            "z": .string("a/b \"q\" \\ \n\r\t\u{0}\u{1F}\u{7F} 日本 😀 \u{2028}"),
            "a": .array([.null, .bool(true), .bool(false), .number(JSONWriter.Number(-5)), .array([]), .object([:])]),
            "É": .string(""),
            "B": .string("upper before lower"),
        ])
        XCTAssertEqual(JSONWriter.render(value), """
        {
          "B": "upper before lower",
          "a": [
            null,
            true,
            false,
            -5,
            [],
            {}
          ],
          "z": "a/b \\"q\\" \\\\ \\n\\r\\t\\u0000\\u001f\u{7F} 日本 😀 \\u2028",
          "É": ""
        }

        """)
        let back = try JSONSerialization.jsonObject(with: Data(JSONWriter.render(value).utf8)) as? [String: Any]
        XCTAssertEqual(back?["z"] as? String, "a/b \"q\" \\ \n\r\t\u{0}\u{1F}\u{7F} 日本 😀 \u{2028}")
    }

    /// Outside JSONWriter (e.g. with `JSONEncoder`) a Number stays exact as a string, never a Double.
    func testNumberEncodesAsItsLiteral() throws {
        let foreign = try JSONEncoder().encode([JSONWriter.Number(exactly: Exact(decimal: "-68.61")!)!])
        XCTAssertEqual(String(decoding: foreign, as: UTF8.self), #"["-68.61"]"#)
    }

    func testKeysAreWrittenInCodePointOrder() throws {
        var dictionary: [String: JSONWriter.Value] = [:]
        for i in 0..<500 { dictionary["key\(i * 7919 % 1000)"] = .number(JSONWriter.Number(i)) }
        let first = JSONWriter.render(.object(dictionary))
        let keys = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Int]).keys
        XCTAssertEqual(keys.count, 500)
        let order = first.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(order, order.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
    }
}
