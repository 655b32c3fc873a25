import Foundation
import IRSiteKit

/// Locations of the repository's real files, found from this source file.
public enum Paths {
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static var content: String { root.appendingPathComponent("Content").path }
    public static var templates: String { root.appendingPathComponent("Templates").path }
    public static var fixtures: URL { root.appendingPathComponent("Tests/IRSiteKitTests/Fixtures") }
}

extension PublicationOptions {
    /// A normal build long after the seed release (13 November 2001).
    public static let afterTheSeed = PublicationOptions(now: Timestamp("2002-06-01T00:00:00Z")!.epochSeconds())
}
