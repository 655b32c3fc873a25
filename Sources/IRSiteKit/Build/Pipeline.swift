import Foundation
import Synchronization

/// The stages end to end: load → check → (derive, render) → write.
public enum Pipeline {
    /// Reads and validates the content folder. The site is nil when there are errors.
    /// With `options`, also checks what a build with them publishes (a chart of a
    /// published release must not need an embargoed period).
    public static func check(content: String, options: PublicationOptions? = nil) -> (site: Site?, diagnostics: [Diagnostic]) {
        let (_, book, _, diagnostics, _) = load(content: content, options: options)
        return (book?.site, diagnostics)
    }

    /// Reads, loads and checks the content; the files come back for digests, the
    /// checked site as its fact book and, with `options`, what they publish (both
    /// nil when there are errors).
    /// With a `cache`, `digests` are each period and release file's digest (``BuildCache/fileDigests(_:)``), hashed once per build.
    static func load(content: String, cache: BuildCache? = nil, options: PublicationOptions? = nil)
        -> (files: ContentFiles?, book: FactBook?, published: PublishedSite?, diagnostics: [Diagnostic], digests: [String: Fingerprint]) {
        let files: ContentFiles
        do {
            // Period files the persistent cache knows unchanged by their stat are not read.
            files = try ContentFiles.read(from: content, unchanged: cache.map { cache in { cache.unchangedPeriod(path: $0, stat: $1) } })
        } catch let error as LocatedError {
            return (nil, nil, nil, [error.diagnostic], [:])
        } catch {
            return (nil, nil, nil, [Diagnostic(.error, "\(error)", at: SourceLocation(file: content, line: 1, column: 1), stage: .load)], [:])
        }
        let digests = cache?.fileDigests(files) ?? [:]
        // Files decoded by an earlier build, when their text is unchanged.
        let (site, loadDiagnostics) = SiteLoader.load(files, cache: cache.map { ($0, digests) })
        guard let site else { return (files, nil, nil, loadDiagnostics.sortedForReport(), digests) }
        let memo = cache.map { ReleaseCheckMemo(cache: $0, digests: SiteDigests.content(files: files, site: site, fileDigests: digests)) }
        let book = cache?.factBook(of: site, key: BuildCache.ResolvedPeriods.key(files, digests: digests)) ?? FactBook(site: site)
        var diagnostics = loadDiagnostics + SiteChecks.run(book, memo: memo)
        // The charts are resolved once, against the site that will be published.
        let published = options.map { PublishedSite(checked: book, options: $0, known: diagnostics) }
        diagnostics = (diagnostics + (published?.diagnostics ?? [])).sortedForReport()
        guard !diagnostics.hasErrors else { return (files, nil, nil, diagnostics, digests) }
        return (files, book, published, diagnostics, digests)
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
    ///   - incremental: false forces a full build, which also ignores the persistent build cache.
    ///   - progress: called as files are done (from any thread).
    ///   - cache: what a long-lived process (the preview server) keeps between its builds. Without
    ///     one, the build starts from the persistent cache beside the output (``BuildCacheFile``)
    ///     and leaves there what the next process can reuse.
    ///   - writer: how files reach the staging folder (tests pass one that fails).
    public static func build(content: String, templates: String, output: String, options: PublicationOptions,
                             pdf: Paper? = nil, incremental: Bool = true,
                             progress: (@Sendable (BuildProgress) -> Void)? = nil, cache: BuildCache? = nil,
                             writer fileWriter: any FileWriting = DiskFileWriter()) async throws -> BuildResult {
        let chromium = try pdf.map { _ in try PDFPrinter.chromium() }
        var clock = BuildClock()
        let persistent = cache == nil ? BuildCacheFile.path(for: URL(fileURLWithPath: output)) : nil
        let (cache, cacheNote) = cache.map { ($0, nil) } ?? openPersistentCache(persistent, use: incremental)
        let (files, checked, publication, loadDiagnostics, fileDigests) = load(content: content, cache: cache, options: options)
        let checkTime = clock.lap()
        guard checked != nil, let publication, let files else { throw DiagnosticsError(loadDiagnostics) }
        let site = publication.site
        let theme = try await Templates(directory: templates)
        let assets = try SiteWriter.assets(in: templates)
        let staging = try SiteWriter.Staging(output: output, protecting: [content, templates], writer: fileWriter)
        do {
            // Read under the output lock: no other build can change the folder now.
            let (previous, manifestWarning) = incremental && pdf == nil ? trustedManifest(in: output) : (nil, nil)
            let diagnostics = loadDiagnostics + [manifestWarning, cacheNote].compactMap { $0 }
            let plan = try plan(publication, files: files, theme: theme, assets: assets,
                                templates: templates, options: options, pdf: pdf, fileDigests: fileDigests)
            let writer = OutputUpdate(staging: staging, previous: previous, total: plan.jobs.count,
                                      releases: Set(site.releases.map { Routes.release($0.period) }), progress: progress)
            try await ConcurrentJobs.run(plan.jobs) { job in try writer.handle(job) }
            if let pdf, let chromium { try PDFPrinter.printSummaries(in: staging.path, paper: pdf, chromium: chromium) }
            let renderTime = clock.lap()
            var result = BuildResult(pages: plan.pages, assets: plan.assets, attachments: plan.attachments, dataFiles: plan.dataFiles,
                                     diagnostics: diagnostics, incremental: previous != nil, written: writer.written, kept: writer.kept)
            result.removed = try commit(staging, manifest: manifest(writer, site: site, staging: staging, pdf: pdf), previous: previous?.manifest)
            // A cache is only ever a shortcut: one that cannot be written costs the next build time, nothing else.
            if let persistent { try? cache.persistable(files, digests: fileDigests).save(to: persistent) }
            result.timings = (checkTime, renderTime, clock.lap())
            return result
        } catch {
            staging.abort()
            throw error
        }
    }

    /// Seconds between the steps of a build.
    struct BuildClock {
        private var last = DispatchTime.now()

        /// Seconds since the previous lap (or the start).
        mutating func lap() -> Double {
            let now = DispatchTime.now()
            defer { last = now }
            return Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        }
    }

    /// The persistent cache at `path` as a fresh ``BuildCache`` (an empty one when
    /// `use` is false, there is none, or it cannot be trusted, with a note saying why).
    static func openPersistentCache(_ path: URL?, use: Bool) -> (BuildCache, Diagnostic?) {
        guard let path, use else { return (BuildCache(persisted: nil), nil) }
        let (file, rejected) = BuildCacheFile.load(from: path)
        if let file { return (BuildCache(persisted: file), nil) }
        let note = rejected.map {
            Diagnostic(.note, "ignoring the build cache (\($0)); checking everything again", at: SourceLocation(file: path.path, line: 1, column: 1), stage: .load)
        }
        return (BuildCache(persisted: nil), note)
    }

    /// Every file a build makes, each with the digest of its inputs.
    struct Plan {
        var jobs: [BuildJob]
        var pages: Int
        var assets: Int
        var attachments: Int
        /// Feed, sitemap, data downloads and chart files.
        var dataFiles: Int
    }

    /// The jobs of the published `site`: site-wide pages, each release's pages and
    /// charts side by side (they share the drawn charts), data files, assets, attachments.
    static func plan(_ publication: PublishedSite, files: ContentFiles, theme: Templates,
                     assets: [OutputFile], templates: String, options: PublicationOptions, pdf: Paper?,
                     fileDigests: [String: Fingerprint]) throws -> Plan {
        let (site, unpublished) = (publication.site, publication.unpublished)
        // The calendar decides the notice every page carries, so it is part of every page's digest.
        let calendar = FinancialCalendar(site: site)
        let strings = try theme.strings(for: site)
        let notice = PageRenderer.quietPeriodNotice(calendar, now: options.now, shortName: site.settings.shortName, strings: strings)
        let extra = ["drafts=\(options.includeDrafts) future=\(options.includeFuture) preview=\(!unpublished.isEmpty)",
                     "pdf=\(pdf.map { "\($0)" } ?? "none")", notice]
        let digests = try SiteDigests.of(files: files, site: site, templates: templates, settings: extra, fileDigests: fileDigests)
        // One derived table per (period, layout) for pages and data files alike, each dropped after its last use.
        let derived = DerivedTables(deriver: StatementDeriver(book: publication.book))
        let renderer = PageRenderer(site: site, templates: theme, now: options.now, unpublished: unpublished, pdfPaper: pdf, digests: digests,
                                    book: publication.book, calendar: calendar, charts: publication.charts, derived: derived,
                                    strings: strings)
        let published = PublishedFiles(book: renderer.book, unpublished: Set(unpublished.keys), isPreview: options.isPreview,
                                       charts: renderer.charts, strings: strings, digests: digests, calendar: calendar, drawings: renderer.drawings, derived: derived)
        // Period by period, newest first, so that few derived tables are held at once.
        let rendered = RenderJobs(renderer: renderer, published: published)
        let attachments = renderer.attachmentJobs
        let jobs = rendered.jobs + assets.map { file in BuildJob(file.path) { file } } + attachments
        return Plan(jobs: jobs, pages: rendered.pages, assets: assets.count, attachments: attachments.count,
                    dataFiles: rendered.dataFiles + rendered.charts)
    }

    /// The manifest of what was written or kept, with the PDFs a `--pdf` build printed.
    static func manifest(_ writer: OutputUpdate, site: Site, staging: SiteWriter.Staging, pdf: Paper?) -> Manifest {
        var manifest = writer.manifest
        if pdf != nil {
            // Listed, so that a later build without --pdf removes them.
            for release in site.releases where FileManager.default.fileExists(atPath: staging.path + "/" + Routes.summaryPDF(release.period)) {
                manifest.entries[Routes.summaryPDF(release.period)] = Manifest.Entry(inputs: "", content: "")
            }
        }
        return manifest
    }

    /// Puts the staged files in place: changes into the previous output, or the whole
    /// staging folder instead of it. Returns how many files of the previous build were removed.
    static func commit(_ staging: SiteWriter.Staging, manifest: Manifest, previous: Manifest?) throws -> Int {
        guard let previous else {
            try SiteWriter.writeFile(Array(manifest.text.utf8), to: staging.path + "/" + Manifest.fileName)
            try staging.commit()
            return 0
        }
        let stale = previous.entries.keys.filter { manifest.entries[$0] == nil }.sorted()
        try staging.commitChanges(removing: stale, manifest: manifest)
        return stale.count
    }

    /// The previous build's manifest when the output folder matches it, with the files
    /// the folder holds; else nil (a full build) and, when there was one, a warning saying why it was not used.
    static func trustedManifest(in output: String) -> (OutputUpdate.Previous?, Diagnostic?) {
        let at = SourceLocation(file: output + "/" + Manifest.fileName, line: 1, column: 1)
        do {
            guard let manifest = try Manifest.load(from: output) else { return (nil, nil) }
            let (difference, files) = manifest.compared(with: output)
            if let difference {
                return (nil, Diagnostic(.warning, "the output folder does not match the previous build's manifest (\(difference)); writing the whole site again",
                                        at: at, stage: .render))
            }
            return (OutputUpdate.Previous(manifest: manifest, files: files), nil)
        } catch let error as LocatedError {
            return (nil, Diagnostic(.warning, "ignoring the previous build's manifest: \(error.message); writing the whole site again",
                                    at: error.location, stage: .render))
        } catch {
            return (nil, Diagnostic(.warning, "ignoring the previous build's manifest: \(error); writing the whole site again", at: at, stage: .render))
        }
    }
}

