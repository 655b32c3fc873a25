import Foundation

/// Locations of the repository's real files, found from this source file.
enum Paths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var content: String { root.appendingPathComponent("Content").path }
    static var templates: String { root.appendingPathComponent("Templates").path }
    static var fixtures: URL { root.appendingPathComponent("Tests/IRSiteKitTests/Fixtures") }
}
