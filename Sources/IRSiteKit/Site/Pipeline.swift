/// The stages end to end: load → check → (derive, render) → write.
public enum Pipeline {
    /// Reads and validates the content folder. The site is nil when there are errors.
    public static func check(content: String) -> (site: Site?, diagnostics: [Diagnostic]) {
        let files: ContentFiles
        do {
            files = try ContentFiles.read(from: content)
        } catch let error as LocatedError {
            return (nil, [error.diagnostic])
        } catch {
            return (nil, [Diagnostic(.error, "\(error)", at: SourceLocation(file: content, line: 1, column: 1), stage: .load)])
        }
        let (site, loadDiagnostics) = SiteLoader.load(files)
        guard let site else { return (nil, loadDiagnostics.sortedForReport()) }
        let diagnostics = (loadDiagnostics + SiteChecks.run(site)).sortedForReport()
        return (diagnostics.hasErrors ? nil : site, diagnostics)
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
    }

    /// Checks, renders and writes the site; on any error nothing is written and
    /// the previous output stays as it was.
    /// - Parameter pdf: also print each summary to PDF on this paper (the pages then link the PDFs);
    ///   a failed print fails the build and leaves the previous output as it was.
    public static func build(content: String, templates: String, output: String, options: PublicationOptions,
                             pdf: Paper? = nil) async throws -> BuildResult {
        let chromium = try pdf.map { _ in try PDFPrinter.chromium() }
        let (checked, diagnostics) = check(content: content)
        guard let checked else { throw DiagnosticsError(diagnostics) }
        let (site, unpublished) = Publication.visibleSite(checked, options)
        let theme = try await Templates(directory: templates)
        let assets = try SiteWriter.assets(in: templates)
        let staging = try SiteWriter.Staging(output: output, protecting: [content, templates])
        do {
            let renderer = PageRenderer(site: site, templates: theme, now: options.now, unpublished: unpublished, pdfPaper: pdf)
            let pages = try await renderer.render(into: staging.write)
            let published = PublishedFiles(book: renderer.book, unpublished: Set(unpublished.keys), isPreview: options.isPreview,
                                           charts: renderer.charts)
            try await ConcurrentJobs.run(published.jobs, into: staging.write)
            let attachments = renderer.attachmentFiles
            for file in assets + attachments { try staging.write(file) }
            if let pdf, let chromium { try PDFPrinter.printSummaries(in: staging.path, paper: pdf, chromium: chromium) }
            try staging.commit()
            return BuildResult(pages: pages, assets: assets.count, attachments: attachments.count, dataFiles: published.jobs.count,
                               diagnostics: diagnostics)
        } catch {
            staging.abort()
            throw error
        }
    }
}
