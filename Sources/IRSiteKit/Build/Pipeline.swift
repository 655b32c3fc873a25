import Foundation
import Synchronization

/// The stages end to end: load → check → (derive, render) → write.
public enum Pipeline {
    /// Reads and validates the content folder. The site is nil when there are errors.
    /// With `options`, also checks what a build with them publishes (a chart of a
    /// published release must not need an embargoed period).
    public static func check(content: String, options: PublicationOptions? = nil) -> (site: Site?, diagnostics: [Diagnostic]) {
        let (_, book, diagnostics) = load(content: content, options: options)
        return (book?.site, diagnostics)
    }

    /// Reads, loads and checks the content; the files come back for digests, and the
    /// checked site as its fact book (nil when there are errors).
    static func load(content: String, cache: BuildCache? = nil, options: PublicationOptions? = nil) -> (files: ContentFiles?, book: FactBook?, diagnostics: [Diagnostic]) {
        let files: ContentFiles
        do {
            files = try ContentFiles.read(from: content)
        } catch let error as LocatedError {
            return (nil, nil, [error.diagnostic])
        } catch {
            return (nil, nil, [Diagnostic(.error, "\(error)", at: SourceLocation(file: content, line: 1, column: 1), stage: .load)])
        }
        let (site, loadDiagnostics) = SiteLoader.load(files, cache: cache)
        guard let site else { return (files, nil, loadDiagnostics.sortedForReport()) }
        let memo = cache.map { ReleaseCheckMemo(cache: $0, digests: SiteDigests.content(files: files, site: site, fileDigests: $0.fileDigests(files))) }
        let book = FactBook(site: site)
        var diagnostics = loadDiagnostics + SiteChecks.run(book, memo: memo)
        if let options { diagnostics += publishedCharts(book, options, known: diagnostics) }
        diagnostics = diagnostics.sortedForReport()
        return (files, diagnostics.hasErrors ? nil : book, diagnostics)
    }

    /// The charts of the releases a build with `options` publishes, resolved against the site
    /// it publishes (which leaves out periods of releases held back): what the pages will draw.
    /// Only findings the whole site's checks did not make already.
    static func publishedCharts(_ book: FactBook, _ options: PublicationOptions, known: [Diagnostic]) -> [Diagnostic] {
        let (visible, _) = Publication.visibleSite(book.site, options)
        let published = FactBook(site: visible, sharingValuesOf: book)
        let seen = Set(known.map(\.description))
        return visible.releases.flatMap { ReleaseCharts.resolve($0, book: published).diagnostics }
            .filter { !seen.contains($0.description) }
            .map { Diagnostic($0.severity, $0.message + " in the site published at this time: its release is not out yet", at: $0.location) }
    }
}

extension Pipeline {
    /// What a build wrote.
    public struct BuildResult: Sendable {
        public var pages: Int
        public var assets: Int
        public var attachments: Int
        /// Feed, sitemap, robots.txt, calendar files and data downloads.
        public var dataFiles: Int
        public var diagnostics: [Diagnostic]
        /// Whether the build updated a previous output in place (else it wrote a whole new folder).
        public var incremental: Bool = false
        /// Files made and written by this build.
        public var written: Int = 0
        /// Files kept from the previous build: inputs or bytes unchanged.
        public var kept: Int = 0
        /// Files of the previous build that no longer belong to the site.
        public var removed: Int = 0
        /// Seconds spent loading and checking, then making and writing the files, then swapping them in.
        public var timings: (check: Double, render: Double, commit: Double) = (0, 0, 0)
    }

    /// Checks, renders and writes the site; on any error nothing is written and
    /// the previous output stays as it was.
    ///
    /// When the output folder holds a previous build and its manifest, only files
    /// whose inputs changed are made again, and only files whose bytes changed are
    /// written; the result is byte for byte what a clean build writes.
    /// - Parameters:
    ///   - pdf: also print each summary to PDF on this paper (the pages then link the PDFs);
    ///     a failed print fails the build and leaves the previous output as it was. Always a full build.
    ///   - incremental: false forces a full build.
    ///   - progress: called as files are done (from any thread).
    ///   - cache: decoded content kept between builds by a long-lived process (the preview server).
    ///   - writer: how files reach the staging folder (tests pass one that fails).
    public static func build(content: String, templates: String, output: String, options: PublicationOptions,
                             pdf: Paper? = nil, incremental: Bool = true,
                             progress: (@Sendable (BuildProgress) -> Void)? = nil, cache: BuildCache? = nil,
                             writer fileWriter: any FileWriting = DiskFileWriter()) async throws -> BuildResult {
        let chromium = try pdf.map { _ in try PDFPrinter.chromium() }
        let started = DispatchTime.now()
        func since(_ t: DispatchTime) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e9 }
        let (files, checked, diagnostics) = load(content: content, cache: cache, options: options)
        let checkTime = since(started)
        guard let checked, let files else { throw DiagnosticsError(diagnostics) }
        let (site, unpublished) = Publication.visibleSite(checked.site, options)
        let theme = try await Templates(directory: templates)
        let assets = try SiteWriter.assets(in: templates)
        let staging = try SiteWriter.Staging(output: output, protecting: [content, templates], writer: fileWriter)
        do {
            // Read under the output lock: no other build can change the folder now.
            let (previous, manifestWarning) = incremental && pdf == nil ? trustedManifest(in: output) : (nil, nil)
            let diagnostics = diagnostics + (manifestWarning.map { [$0] } ?? [])
            // The calendar decides the notice every page carries, so it is part of every page's digest.
            let calendar = FinancialCalendar(site: site)
            let notice = PageRenderer.quietPeriodNotice(calendar, now: options.now, shortName: site.settings.shortName)
            let extra = ["drafts=\(options.includeDrafts) future=\(options.includeFuture) preview=\(!unpublished.isEmpty)",
                         "pdf=\(pdf.map { "\($0)" } ?? "none")", notice]
            let digests = try SiteDigests.of(files: files, site: site, templates: templates, settings: extra, fileDigests: cache?.fileDigests(files))
            // When nothing is held back, the published site's figures are the checked ones.
            let book = FactBook(site: site, sharingValuesOf: checked)
            // One derived table per (period, layout) for pages and data files alike, each dropped after its last use.
            let derived = DerivedTables(deriver: StatementDeriver(book: book))
            let renderer = PageRenderer(site: site, templates: theme, now: options.now, unpublished: unpublished, pdfPaper: pdf, digests: digests,
                                        book: book, calendar: calendar, derived: derived)
            let published = PublishedFiles(book: book, unpublished: Set(unpublished.keys), isPreview: options.isPreview,
                                           charts: renderer.charts, digests: digests, calendar: calendar, derived: derived)
            let rendered = RenderJobs(renderer: renderer, published: published)
            let pages = rendered.pages, charts = rendered.charts
            let attachments = renderer.attachmentJobs
            let jobs = rendered.jobs + assets.map { file in BuildJob(file.path) { file } } + attachments
            let writer = OutputUpdate(staging: staging, output: output, previous: previous, total: jobs.count,
                                      releases: Set(site.releases.map { Routes.release($0.period) }), progress: progress)
            try await ConcurrentJobs.run(jobs) { job in try writer.handle(job) }
            // The combined CSV is read back from the per-period files just written (or kept).
            if let pdf, let chromium { try PDFPrinter.printSummaries(in: staging.path, paper: pdf, chromium: chromium) }
            let renderTime = since(started) - checkTime
            var manifest = writer.manifest
            if pdf != nil {
                // Listed, so that a later build without --pdf removes them.
                for release in site.releases where FileManager.default.fileExists(atPath: staging.path + "/" + Routes.summaryPDF(release.period)) {
                    manifest.entries[Routes.summaryPDF(release.period)] = Manifest.Entry(inputs: "", content: "")
                }
            }
            var result = BuildResult(pages: pages, assets: assets.count, attachments: attachments.count, dataFiles: rendered.dataFiles + charts,
                                     diagnostics: diagnostics, incremental: previous != nil, written: writer.written, kept: writer.kept)
            if let previous {
                let stale = previous.entries.keys.filter { manifest.entries[$0] == nil }.sorted()
                try staging.commitChanges(removing: stale, manifest: manifest)
                result.removed = stale.count
            } else {
                try SiteWriter.writeFile(Array(manifest.text.utf8), to: staging.path + "/" + Manifest.fileName)
                try staging.commit()
            }
            result.timings = (checkTime, renderTime, since(started) - checkTime - renderTime)
            return result
        } catch {
            staging.abort()
            throw error
        }
    }

    /// The previous build's manifest when the output folder matches it; else nil
    /// (a full build) and, when there was one, a warning saying why it was not used.
    static func trustedManifest(in output: String) -> (Manifest?, Diagnostic?) {
        let at = SourceLocation(file: output + "/" + Manifest.fileName, line: 1, column: 1)
        do {
            guard let manifest = try Manifest.load(from: output) else { return (nil, nil) }
            if let difference = manifest.difference(from: output) {
                return (nil, Diagnostic(.warning, "the output folder does not match the previous build's manifest (\(difference)); writing the whole site again",
                                        at: at, stage: .render))
            }
            return (manifest, nil)
        } catch let error as LocatedError {
            return (nil, Diagnostic(.warning, "ignoring the previous build's manifest: \(error.message); writing the whole site again",
                                    at: error.location, stage: .render))
        } catch {
            return (nil, Diagnostic(.warning, "ignoring the previous build's manifest: \(error); writing the whole site again", at: at, stage: .render))
        }
    }
}

