import Foundation
import IRSiteSamples
import IRSiteTestSupport
import XCTest
@testable import IRSiteKit

/// Every sample chart against its golden SVG in Fixtures/charts/, byte for
/// byte. Rewriting them is a step of its own:
/// `IRSITE_UPDATE_GOLDENS=1 swift test --filter ChartGoldenTests` rewrites the
/// goldens and fails, naming what it changed; look at the diff and at the charts
/// (`rsvg-convert -w 1280 Fixtures/charts/x.svg`), then run the tests again
/// without the variable. `.ci/run` refuses to run with it set.
final class ChartGoldenTests: XCTestCase {
    func testSamplesMatchTheirGoldens() throws {
        let fm = FileManager.default
        if ChartFixtures.updating { try fm.createDirectory(at: ChartFixtures.directory, withIntermediateDirectories: true) }
        var rewritten: [String] = []
        for (name, spec) in ChartSamples.all {
            let svg = ChartRenderer.svg(spec, strings: .theme, standalone: true)
            let url = ChartFixtures.directory.appendingPathComponent("\(name).svg")
            if ChartFixtures.updating {
                if fm.contents(atPath: url.path) != Data(svg.utf8) {
                    try Data(svg.utf8).write(to: url)
                    rewritten.append("\(name).svg")
                }
                continue
            }
            guard let golden = fm.contents(atPath: url.path) else {
                XCTFail("no golden for \(name): run the tests with IRSITE_UPDATE_GOLDENS=1 to create Fixtures/charts/\(name).svg")
                continue
            }
            if golden != Data(svg.utf8) {
                let old = String(decoding: golden, as: UTF8.self).components(separatedBy: "\n")
                let new = svg.components(separatedBy: "\n")
                let line = Array(zip(old, new)).firstIndex { $0 != $1 } ?? min(old.count, new.count)
                XCTFail("""
                    \(name).svg differs from its golden at line \(line + 1) (IRSITE_UPDATE_GOLDENS=1 rewrites it):
                    golden: \(line < old.count ? old[line] : "<end>")
                    now:    \(line < new.count ? new[line] : "<end>")
                    """)
            }
        }
        if ChartFixtures.updating {
            let expected = Set(ChartSamples.all.map { "\($0.name).svg" })
            for stale in try fm.contentsOfDirectory(atPath: ChartFixtures.directory.path) where !expected.contains(stale) {
                try fm.removeItem(at: ChartFixtures.directory.appendingPathComponent(stale))
                rewritten.append("\(stale) (removed)")
            }
            // Updating never passes: a run that rewrote its own expectations has tested nothing.
            XCTFail("IRSITE_UPDATE_GOLDENS=1: \(rewritten.isEmpty ? "no golden changed" : "rewrote " + rewritten.sorted().joined(separator: ", ")); review the diff, then run the tests without the variable")
        }
    }

    func testCoordinatesHaveAtMostTwoDecimalsAndNoTrailingZeros() throws {
        let number = try NSRegularExpression(pattern: #"(?<![\w#.-])-?\d+\.\d+"#)
        let attribute = try NSRegularExpression(pattern: #" (?:x|y|x1|y1|x2|y2|width|height|r|cx|cy|viewBox|transform|font-size|stroke-width)="([^"]*)""#)
        for (name, spec) in ChartSamples.all + ChartLayoutTests.extraSpecs {
            let svg = ChartRenderer.svg(spec, strings: .theme, standalone: true)
            let ns = svg as NSString
            var checked = 0
            for match in attribute.matches(in: svg, range: NSRange(location: 0, length: ns.length)) {
                let value = ns.substring(with: match.range(at: 1))
                for n in number.matches(in: value, range: NSRange(location: 0, length: (value as NSString).length)) {
                    let text = (value as NSString).substring(with: n.range)
                    let decimals = text.split(separator: ".")[1]
                    XCTAssertLessThanOrEqual(decimals.count, 2, "\(name): \(text) in \(value)")
                    XCTAssertFalse(decimals.hasSuffix("0"), "\(name): trailing zero in \(text)")
                }
                XCTAssertNil(value.range(of: #"(^|[ (,])-0([ ,)]|$)|\de[-+]?\d"#, options: .regularExpression), "\(name): \(value)")
                checked += 1
            }
            XCTAssertGreaterThan(checked, 5, name)
        }
    }

    /// xmllint parses every standalone and inline SVG.
    func testEverySVGIsWellFormedXML() throws {
        guard let xmllint = ExternalTool.require("xmllint", package: "libxml2-utils") else { return }
        let dir = try TempDirectory()
        defer { dir.remove() }
        var files: [String] = []
        for (name, spec) in ChartSamples.all + ChartLayoutTests.extraSpecs {
            for standalone in [true, false] {
                let path = dir.path("\(name)\(standalone ? "" : "-inline").svg")
                try Data(ChartRenderer.svg(spec, strings: .theme, standalone: standalone).utf8).write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        let result = try ExternalTool.run(xmllint, ["--noout", "--nonet"] + files)
        XCTAssertEqual(result.status, 0, "xmllint: \(result.stderr)")
    }

    /// rsvg-convert renders every standalone SVG, and the pixels show the
    /// bars in their colours (decoded here, no image library needed).
    func testEverySVGRendersToANonBlankPNG() throws {
        guard let rsvg = ExternalTool.require("rsvg-convert", package: "librsvg2-bin") else { return }
        let dir = try TempDirectory()
        defer { dir.remove() }
        let samples = ChartSamples.all
        for (name, spec) in samples {
            try Data(ChartRenderer.svg(spec, strings: .theme, standalone: true).utf8).write(to: URL(fileURLWithPath: dir.path("\(name).svg")))
        }
        // Render and decode in parallel; assert afterwards, on this thread.
        let lock = NSLock()
        nonisolated(unsafe) var results: [String: Result<ChartPNG, any Error>] = [:]
        nonisolated(unsafe) var errors: [String: String] = [:]
        DispatchQueue.concurrentPerform(iterations: samples.count) { i in
            let name = samples[i].name
            let svg = dir.path("\(name).svg"), png = dir.path("\(name).png")
            // Small renderings keep the decoding quick; bars are still hundreds of pixels.
            let outcome = Result { () throws -> ChartPNG in
                let run = try ExternalTool.run(rsvg, ["-w", "240", "-f", "png", "-o", png, svg])
                if run.status != 0 {
                    lock.lock(); errors[name] = run.stderr; lock.unlock()
                }
                return try ChartPNG(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
            }
            lock.lock(); results[name] = outcome; lock.unlock()
        }
        var inked: [String: Int] = [:]
        for (name, spec) in samples {
            XCTAssertNil(errors[name], "rsvg-convert \(name): \(errors[name] ?? "")")
            let image: ChartPNG
            do { image = try XCTUnwrap(results[name], name).get() } catch { XCTFail("\(name): \(error)"); continue }
            XCTAssertEqual(image.width, 240, name)
            let data = ChartData(spec, strings: .theme)
            let expectedHeight = ChartLayout.scene(data).height * 240 / ChartStyle.width
            XCTAssertEqual(Double(image.height), expectedHeight, accuracy: 1, name)
            inked[name] = image.inkedPixels
            XCTAssertGreaterThan(image.inkedPixels, image.width * image.height / 100, "\(name) looks blank")
            // Every series with a bar taller than 5% of the axis shows its colour.
            let (low, high) = data.extent
            let visible = { (v: Exact?) in v.map { !$0.isZero && abs(ChartData.double($0)) >= 0.05 * (high - low) } ?? false }
            for s in 0..<min(data.seriesCount, ChartPalette.series.count) where data.values[s].contains(where: visible) {
                XCTAssertGreaterThan(image.pixels(near: ChartPalette.color(s)), 20, "\(name): no pixels of series \(s)'s colour")
            }
            if !data.values.contains(where: { $0.contains(where: visible) }) {
                XCTAssertEqual(image.pixels(near: ChartPalette.color(0), maxWhite: 0), 0, "\(name): bars drawn for zero values")
            }
        }
        XCTAssertGreaterThan(inked["revenue-guidance"]!, inked["zeros"]!, "bars add ink")
    }
}
