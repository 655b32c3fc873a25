import Foundation

/// Prints each release's summary page to `summary.pdf` beside it with headless
/// Chromium, which the user installs from their system's packages. I/O at the
/// edge: it reads the written site and writes only the PDFs, each through a
/// temporary file, so a failed print leaves the HTML site as it was.
public enum PDFPrinter {
    /// The Chromium to drive: `$IRSITE_CHROMIUM`, else the first of the usual names on `PATH`.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let given = environment["IRSITE_CHROMIUM"], !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else {
                throw EnvironmentError("IRSITE_CHROMIUM is set to '\(given)', which is not an executable")
            }
            return given
        }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] {
            for dir in path where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        }
        throw EnvironmentError("printing to PDF needs Chromium, which was not found: install Debian's 'chromium' package (sudo apt-get install chromium) or set IRSITE_CHROMIUM to its path")
    }

    /// Prints every `releases/*/summary.html` under `site` on `paper`; returns how many.
    @discardableResult
    public static func printSummaries(in site: String, paper: Paper, chromium: String) throws -> Int {
        let fm = FileManager.default
        let releases = URL(fileURLWithPath: site).appendingPathComponent("releases")
        let folders = ((try? fm.contentsOfDirectory(atPath: releases.path)) ?? []).sorted()
        var printed = 0
        for folder in folders {
            let summary = releases.appendingPathComponent(folder).appendingPathComponent("summary.html")
            guard fm.fileExists(atPath: summary.path) else { continue }
            try printPage(summary, to: summary.deletingLastPathComponent().appendingPathComponent("summary.pdf"), paper: paper, chromium: chromium)
            printed += 1
        }
        return printed
    }

    /// Prints one page: a copy of it that names the paper size, printed to a
    /// temporary PDF that replaces `pdf` only once Chromium has written a real PDF.
    public static func printPage(_ page: URL, to pdf: URL, paper: Paper, chromium: String) throws {
        let fm = FileManager.default
        let token = UUID().uuidString
        let folder = page.deletingLastPathComponent()
        let copy = folder.appendingPathComponent(".print-\(token).html")
        let partial = folder.appendingPathComponent(".print-\(token).pdf")
        let profile = fm.temporaryDirectory.appendingPathComponent("irsite-chromium-\(token)")
        defer {
            try? fm.removeItem(at: copy)
            try? fm.removeItem(at: partial)
            try? fm.removeItem(at: profile)
        }
        let html = try String(contentsOf: page, encoding: .utf8)
        let sized = html.replacingOccurrences(of: "</head>", with: "<style>@page { size: \(paper.cssSize); }</style>\n</head>")
        try sized.write(to: copy, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)", "--print-to-pdf=\(partial.path)", copy.absoluteURL.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let data = fm.contents(atPath: partial.path) ?? Data()
        guard process.terminationStatus == 0, data.starts(with: Data("%PDF".utf8)) else {
            let detail = String(decoding: log, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            throw LocatedError("Chromium could not print this page to PDF (exit \(process.terminationStatus)): \(detail)",
                               at: SourceLocation(file: page.path, line: 1, column: 1))
        }
        if fm.fileExists(atPath: pdf.path) { try fm.removeItem(at: pdf) }
        try fm.moveItem(at: partial, to: pdf)
    }
}
