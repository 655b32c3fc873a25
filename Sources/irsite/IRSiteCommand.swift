import ArgumentParser
import Foundation
import IRSiteKit

/// `irsite`: builds an investor-relations microsite from quarterly figures and release commentary.
@main
struct IRSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "irsite",
        abstract: "Build an investor-relations website from quarterly figures and earnings releases.",
        discussion: """
            Content/ holds site.yaml, statement layouts (statements/), one facts file per fiscal \
            quarter (periods/) and the releases as Markdown (releases/). irsite checks every figure, \
            derives changes, percentages and the convenience translation, and writes a static site.
            """,
        version: IRSite.version,
        subcommands: [Build.self, Check.self, Serve.self, PDF.self],
        defaultSubcommand: nil
    )
}

/// Prints diagnostics to stderr in `path:line:col: severity: message` form.
func report(_ diagnostics: [Diagnostic]) {
    for d in diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
}

func summary(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    let notes = diagnostics.filter { $0.severity == .note }.count
    return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate the content without writing anything.",
        discussion: "Diagnostics go to stderr as path:line:col: error|warning|note: message. Exits with status 1 when there is any error."
    )

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "Content"

    /// Checked like `build` with the same flags: what that build would publish must render.
    @OptionGroup var publication: PublicationFlags

    func run() throws {
        let instant = publication.instant ?? Int(Date().timeIntervalSince1970)
        let options = PublicationOptions(now: instant, includeDrafts: publication.drafts, includeFuture: publication.future)
        let (_, diagnostics) = Pipeline.check(content: content, options: options)
        report(diagnostics)
        FileHandle.standardError.write(Data("irsite check: \(summary(diagnostics))\n".utf8))
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and write the site.",
        discussion: """
            The site is written to a staging folder beside the output folder and swapped in only \
            when every page succeeded: a failed build leaves the previous output untouched. One build at \
            a time writes an output folder (a lock beside it); a build killed part-way is finished or \
            cleaned up by the next one.
            """
    )

    @OptionGroup var sources: SourceFolders

    @Option(name: .long, help: ArgumentHelp("Where the site is written.", valueName: "dir"))
    var output = "Output"

    @OptionGroup var publication: PublicationFlags

    @Option(name: .long, help: ArgumentHelp("Also print each release's summary to summary.pdf on this paper (needs Chromium); pages link the PDFs.",
                                            valueName: "a4|letter"))
    var pdf: Paper?

    @Flag(name: .long, help: "Make every file again instead of updating the previous build's changed files.")
    var clean = false

    @Flag(name: .shortAndLong, help: "Print only errors: no warnings, progress or summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print notes, what was written or kept, and where the time went.")
    var verbose = false

    func validate() throws {
        if quiet, verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() async throws {
        let started = Date()
        do {
            let instant = publication.instant ?? Int(Date().timeIntervalSince1970)
            let options = PublicationOptions(now: instant, includeDrafts: publication.drafts, includeFuture: publication.future)
            let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
            let result: Pipeline.BuildResult
            do {
                result = try await Pipeline.build(content: sources.content, templates: sources.templates, output: output, options: options, pdf: pdf,
                                                  incremental: !clean, progress: progress.update)
                progress.finish()
            } catch {
                progress.finish()
                throw error
            }
            if !quiet { report(result.diagnostics.filter { verbose || $0.severity != .note }) }
            let seconds = Date().timeIntervalSince(started)
            let others = result.assets + result.attachments + result.dataFiles
            let files = result.pages + others
            if result.incremental, !quiet {
                print("irsite build: updated \(output)/ in \(String(format: "%.2f", seconds)) s: \(result.written) of \(files) files changed, \(result.removed) removed")
            } else if !quiet {
                print("irsite build: wrote \(result.pages) page\(result.pages == 1 ? "" : "s") and \(others) other file\(others == 1 ? "" : "s") to \(output)/ in \(String(format: "%.2f", seconds)) s")
            }
            if verbose {
                print("irsite build: \(result.written) written, \(result.kept) unchanged, \(result.removed) removed; " +
                      String(format: "load and check %.3f s, make and write %.3f s, swap in %.3f s", result.timings.check, result.timings.render, result.timings.commit))
            }
        } catch let error as DiagnosticsError {
            report(error.diagnostics.filter { verbose || ($0.severity == .error || !quiet && $0.severity != .note) })
            FileHandle.standardError.write(Data("irsite build: \(summary(error.diagnostics)); nothing written, \(output)/ unchanged\n".utf8))
            throw ExitCode(1)
        } catch let error as LocatedError {
            report([error.diagnostic])
            FileHandle.standardError.write(Data("irsite build: failed; nothing written, \(output)/ unchanged\n".utf8))
            throw ExitCode(1)
        } catch let error as EnvironmentError {
            FileHandle.standardError.write(Data("irsite build: \(error); nothing written, \(output)/ unchanged\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension Paper: ExpressibleByArgument {}

struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print each release's summary in a built site to summary.pdf (needs Chromium).",
        discussion: """
            Drives headless Chromium (Debian's chromium package) on releases/*/summary.html and writes \
            summary.pdf beside each. The HTML is left as it was, also when printing fails. Pages link the \
            PDF when the site is built with `irsite build --pdf`. IRSITE_CHROMIUM chooses the browser \
            executable. The folder must be a site written by irsite build; a build writing it at the \
            same time makes this command stop.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The built site.", valueName: "dir"))
    var output = "Output"

    @Option(name: .long, help: ArgumentHelp("Paper size.", valueName: "a4|letter"))
    var paper: Paper = .a4

    @Option(name: .long, help: ArgumentHelp("Seconds Chromium may take over one page before it is stopped and printing fails.",
                                            valueName: "seconds"))
    var timeout: Double = PDFPrinter.defaultTimeout

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds; found \(timeout)") }
    }

    func run() throws {
        do {
            try PDFPrinter.checkBuiltSite(output)
            let chromium = try PDFPrinter.chromium()
            // No build may swap the folder away while its summaries are printed.
            let lock = try OutputLock(output: URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath())
            defer { lock.release() }
            let count = try PDFPrinter.printSummaries(in: output, paper: paper, chromium: chromium, timeout: timeout)
            print("irsite pdf: printed \(count) summar\(count == 1 ? "y" : "ies") on \(paper.cssSize) paper in \(output)/")
        } catch let error as LocatedError {
            report([error.diagnostic])
            FileHandle.standardError.write(Data("irsite pdf: failed; \(output)/ left as it was\n".utf8))
            throw ExitCode(1)
        } catch let error as EnvironmentError {
            FileHandle.standardError.write(Data("irsite pdf: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
