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

    /// How long one page may take before Chromium is stopped and the print fails.
    public static let defaultTimeout: Double = 120

    /// Refuses a folder that is not a site `irsite build` wrote (missing, a file,
    /// foreign contents, or a build cut short that left no manifest): printing
    /// into it would print nothing, or into someone else's files.
    public static func checkBuiltSite(_ output: String) throws {
        let at = SourceLocation(file: output, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else {
            throw LocatedError("there is no built site at '\(output)': build it first with irsite build --output \(output)", at: at)
        }
        guard isDirectory.boolValue else { throw LocatedError("'\(output)' is a file, not a built site", at: at) }
        for file in [SiteWriter.Staging.marker, Manifest.fileName] where !FileManager.default.fileExists(atPath: output + "/" + file) {
            throw LocatedError("'\(output)' is not a site written by irsite build (it has no \(file)); build it first with irsite build --output \(output)", at: at)
        }
    }

    /// Prints every `releases/*/summary.html` under `site` on `paper`; returns how many.
    /// - Parameter timeout: seconds one page may take before Chromium is stopped and the print fails.
    @discardableResult
    public static func printSummaries(in site: String, paper: Paper, chromium: String, timeout: Double = defaultTimeout) throws -> Int {
        let fm = FileManager.default
        let releases = URL(fileURLWithPath: site).appendingPathComponent("releases")
        let folders = ((try? fm.contentsOfDirectory(atPath: releases.path)) ?? []).sorted()
        // Every summary is printed to a temporary file first and all replace their
        // `summary.pdf` only when every one printed: a failure changes nothing.
        let token = UUID().uuidString
        var printed: [(partial: URL, pdf: URL)] = []
        do {
            for folder in folders {
                let summary = releases.appendingPathComponent(folder).appendingPathComponent("summary.html")
                guard fm.fileExists(atPath: summary.path) else { continue }
                let pdf = summary.deletingLastPathComponent().appendingPathComponent("summary.pdf")
                let partial = summary.deletingLastPathComponent().appendingPathComponent(".summary-\(token).pdf")
                printed.append((partial, pdf))
                try printPage(summary, to: partial, paper: paper, chromium: chromium, timeout: timeout)
            }
        } catch {
            for file in printed { try? fm.removeItem(at: file.partial) }
            throw error
        }
        for file in printed {
            guard rename(file.partial.path, file.pdf.path) == 0 else {
                throw LocatedError("cannot write '\(file.pdf.path)': \(String(cString: strerror(errno)))",
                                   at: SourceLocation(file: file.pdf.path, line: 1, column: 1))
            }
        }
        return printed.count
    }

    /// Prints one page: a copy of it that names the paper size, printed to a
    /// temporary PDF that replaces `pdf` only once Chromium has written a real PDF.
    /// Chromium that runs past `timeout` seconds is killed.
    public static func printPage(_ page: URL, to pdf: URL, paper: Paper, chromium: String, timeout: Double = defaultTimeout) throws {
        let fm = FileManager.default
        let token = UUID().uuidString
        let folder = page.deletingLastPathComponent()
        let copy = folder.appendingPathComponent(".print-\(token).html")
        let partial = folder.appendingPathComponent(".print-\(token).pdf")
        let profile = fm.temporaryDirectory.appendingPathComponent("irsite-chromium-\(token)")
        // Chromium's stderr goes to a file, not a pipe: a hung Chromium (or a child
        // of it that keeps the pipe open) must not block the wait for the deadline.
        let logFile = fm.temporaryDirectory.appendingPathComponent("irsite-chromium-\(token).log")
        defer {
            try? fm.removeItem(at: copy)
            try? fm.removeItem(at: partial)
            try? fm.removeItem(at: profile)
            try? fm.removeItem(at: logFile)
        }
        let at = SourceLocation(file: page.path, line: 1, column: 1)
        let html = try String(contentsOf: page, encoding: .utf8)
        let sized = html.replacingOccurrences(of: "</head>", with: "<style>@page { size: \(paper.cssSize); }</style>\n</head>")
        try sized.write(to: copy, atomically: true, encoding: .utf8)
        guard fm.createFile(atPath: logFile.path, contents: nil), let log = FileHandle(forWritingAtPath: logFile.path) else {
            throw LocatedError("cannot write '\(logFile.path)'", at: SourceLocation(file: logFile.path, line: 1, column: 1))
        }
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars",
                             "--user-data-dir=\(profile.path)", "--print-to-pdf=\(partial.path)", copy.absoluteURL.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = log
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw LocatedError("cannot start Chromium '\(chromium)': \(error.localizedDescription)", at: at)
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            // KILL, not TERM: the child inherits this thread's blocked signals, TERM among them.
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            throw LocatedError("Chromium did not print this page to PDF within \(Self.seconds(timeout)) and was stopped", at: at)
        }
        let data = fm.contents(atPath: partial.path) ?? Data()
        guard process.terminationReason == .exit, process.terminationStatus == 0, data.starts(with: Data("%PDF".utf8)) else {
            let text = String(decoding: fm.contents(atPath: logFile.path) ?? Data(), as: UTF8.self)
            let detail = text.split(separator: "\n").suffix(3).joined(separator: " ")
            let how = process.terminationReason == .exit ? "exit \(process.terminationStatus)" : "killed by signal \(process.terminationStatus)"
            throw LocatedError("Chromium could not print this page to PDF (\(how)): \(detail)", at: at)
        }
        if fm.fileExists(atPath: pdf.path) { try fm.removeItem(at: pdf) }
        try fm.moveItem(at: partial, to: pdf)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
