import Foundation

/// Locations of the repository's real files, found from this source file.
enum Paths {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var content: String { root.appendingPathComponent("Content").path }
    static var templates: String { root.appendingPathComponent("Templates").path }
    static var fixtures: URL { root.appendingPathComponent("Tests/IRSiteKitTests/Fixtures") }
}

import IRSiteKit

extension PublicationOptions {
    /// A normal build long after the seed release (13 November 2001).
    static let afterTheSeed = PublicationOptions(now: Timestamp("2002-06-01T00:00:00Z")!.epochSeconds())
}
