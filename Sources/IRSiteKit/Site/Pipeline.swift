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
