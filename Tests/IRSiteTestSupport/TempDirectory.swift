import Foundation

/// A fresh folder under the system's temporary directory, removed by `remove()`.
public struct TempDirectory: Sendable {
    public let url: URL

    public init(_ name: String = #function) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory.appendingPathComponent("irsite-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
    public func remove() { try? FileManager.default.removeItem(at: url) }

    /// Every regular file under `root` (relative path → bytes).
    public static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    /// Copies a folder (content or templates) so a test can break its copy.
    public func copy(_ source: String, as name: String) throws -> String {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: source, toPath: target.path)
        return target.path
    }
}
