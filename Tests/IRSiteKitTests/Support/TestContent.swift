import Foundation
import IRSiteTestSupport
@testable import IRSiteKit

/// The sample content read into memory, to be mutated by a test and checked
/// without touching the repository's files.
struct TestContent {
    var files: ContentFiles

    init() throws {
        files = try ContentFiles.read(from: "Content", relativeTo: Paths.content)
    }

    /// Replaces `old` by `new` in the file whose path ends with `suffix`; fails loudly when absent.
    mutating func edit(_ suffix: String, replacing old: String, with new: String) {
        func apply(_ list: inout [ContentFiles.File]) -> Bool {
            guard let i = list.firstIndex(where: { $0.path.hasSuffix(suffix) }) else { return false }
            precondition(list[i].text.contains(old), "\(suffix) does not contain \(old)")
            list[i].text = list[i].text.replacingOccurrences(of: old, with: new)
            return true
        }
        if suffix.hasSuffix("site.yaml"), var site = files.site {
            precondition(site.text.contains(old), "site.yaml does not contain \(old)")
            site.text = site.text.replacingOccurrences(of: old, with: new)
            files.site = site
            return
        }
        if apply(&files.layouts) || apply(&files.periods) || apply(&files.releases) { return }
        preconditionFailure("no content file ends with \(suffix)")
    }

    /// The line (1-based) of the first occurrence of `text` in the file ending with `suffix`.
    func line(of text: String, in suffix: String) -> Int {
        let all = [files.site].compactMap { $0 } + files.layouts + files.periods + files.releases
        guard let file = all.first(where: { $0.path.hasSuffix(suffix) }),
              let range = file.text.range(of: text) else { preconditionFailure("\(text) not in \(suffix)") }
        return file.text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// The column (1-based) of the first occurrence of `text` on its line in the file ending with `suffix`.
    func column(of text: String, in suffix: String) -> Int {
        let all = [files.site].compactMap { $0 } + files.layouts + files.periods + files.releases
        guard let file = all.first(where: { $0.path.hasSuffix(suffix) }),
              let range = file.text.range(of: text) else { preconditionFailure("\(text) not in \(suffix)") }
        let lineStart = file.text[..<range.lowerBound].lastIndex(of: "\n").map { file.text.index(after: $0) } ?? file.text.startIndex
        return file.text.distance(from: lineStart, to: range.lowerBound) + 1
    }

    /// Loads and checks, like `irsite check`.
    func check() -> [Diagnostic] {
        let (site, diagnostics) = SiteLoader.load(files)
        guard let site else { return diagnostics }
        return diagnostics + SiteChecks.run(site)
    }

    func errors() -> [String] { check().filter { $0.severity == .error }.map(\.description) }
}

extension ContentFiles {
    /// Reads `directory` but names files as if it were `displayRoot` (stable diagnostics in tests).
    static func read(from displayRoot: String, relativeTo directory: String) throws -> ContentFiles {
        var files = try read(from: directory)
        func rename(_ f: ContentFiles.File) -> ContentFiles.File {
            ContentFiles.File(path: displayRoot + f.path.dropFirst(directory.count), text: f.text)
        }
        files.root = displayRoot
        files.site = files.site.map(rename)
        files.layouts = files.layouts.map(rename)
        files.periods = files.periods.map(rename)
        files.releases = files.releases.map(rename)
        return files
    }
}
