import Foundation
import XCTest
@testable import IRSiteKit

final class PublishCSVWriterTests: XCTestCase {
    func testExactText() {
        let csv = CSVWriter(header: ["line", "label", "2Q01", "note"], rows: [
            ["total_revenues", "Total revenues", "9514", ""],
            ["net_loss", "Net loss, after \"special\" items", "-68.61", "line 1\nline 2"],
            ["x", "Écart\r\n円", "0.1", "a,b"],
        ])
        XCTAssertEqual(csv.render(),
                       "line,label,2Q01,note\r\n" +
                       "total_revenues,Total revenues,9514,\r\n" +
                       "net_loss,\"Net loss, after \"\"special\"\" items\",-68.61,\"line 1\nline 2\"\r\n" +
                       "x,\"Écart\r\n円\",0.1,\"a,b\"\r\n")
        XCTAssertEqual(Array(csv.render().utf8.prefix(4)), Array("line".utf8), "no byte order mark unless asked")
        var bom = csv
        bom.byteOrderMark = true
        XCTAssertEqual(Array(bom.render().utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
    }

    func testSingleEmptyFieldIsNotAnEmptyLine() throws {
        let csv = CSVWriter(header: ["only"], rows: [[""], ["x"], [""]])
        XCTAssertEqual(csv.render(), "only\r\n\"\"\r\nx\r\n\"\"\r\n")
        XCTAssertEqual(try PublishCSVParser.parse(csv.render()), [["only"], [""], ["x"], [""]])
    }

    func testRoundTripProperty() throws {
        var rng = SplitMix64(seed: 4180)
        for _ in 0..<500 {
            let columns = Int.random(in: 1...5, using: &rng)
            let header = (0..<columns).map { _ in PublishRandom.string(&rng) }
            let rows = (0..<Int.random(in: 0...8, using: &rng)).map { _ in (0..<columns).map { _ in PublishRandom.string(&rng) } }
            let text = CSVWriter(header: header, rows: rows).render()
            XCTAssertTrue(text.hasSuffix("\r\n"))
            XCTAssertEqual(try PublishCSVParser.parse(text), [header] + rows)
            XCTAssertEqual(String(decoding: Array(text.utf8), as: UTF8.self), text, "valid UTF-8")
        }
    }

    func testPythonCSVReadsTheSameRecords() throws {
        var rng = SplitMix64(seed: 7)
        let header = ["a", "b", "c"]
        let rows = (0..<40).map { _ in (0..<3).map { _ in PublishRandom.string(&rng) } }
        let url = try publishTempFile(CSVWriter(header: header, rows: rows).render(), name: "data.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try PublishPython.run("""
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            records = list(csv.reader(f, strict=True))
        sys.stdout.write(json.dumps(records))
        """, [url.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let parsed = try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
        XCTAssertEqual(parsed, [header] + rows)
    }
}
