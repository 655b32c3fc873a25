import ArgumentParser
import Foundation
import IRSiteKit

/// Where the content and the theme are: shared by `build` and `serve`.
struct SourceFolders: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("templates"), help: ArgumentHelp(
        "The templates and theme assets (default: ./Templates, else the theme installed beside irsite in ../share/irsite/Templates).",
        valueName: "dir"))
    var templatesOption: String?

    /// The theme folder: as given; else `Templates` in the working directory (a
    /// checkout or a site with its own theme); else the default theme installed with
    /// the binary, so that an installed `irsite` works in any folder.
    var templates: String {
        if let templatesOption { return templatesOption }
        let local = "Templates"
        if FileManager.default.fileExists(atPath: local) { return local }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("share/irsite/Templates").path
            if FileManager.default.fileExists(atPath: installed) { return installed }
        }
        return local
    }
}

/// What a build publishes: its clock and the preview switches; shared by `build` and `serve`.
struct PublicationFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Build as if it were this instant (RFC 3339 with a zone, e.g. 2001-11-13T16:00:00+09:00) instead of the clock: releases after it stay unpublished.",
        valueName: "date-time"))
    var now: String?

    @Flag(name: .long, help: "Preview: include draft releases, marked \"not for release\" and kept out of search engines.")
    var drafts = false

    @Flag(name: .long, help: "Preview: include embargoed releases dated after --now, marked \"not for release\".")
    var future = false

    func validate() throws {
        if let now, Timestamp(now)?.secondsOfDay == nil {
            throw ValidationError("--now needs a date-time with a zone, such as 2001-11-13T16:00:00+09:00; found '\(now)'")
        }
    }

    /// `--now` in seconds since 1970, if given.
    var instant: Int? { now.flatMap(Timestamp.init)?.epochSeconds() }
}
