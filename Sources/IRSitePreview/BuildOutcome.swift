import IRSiteKit
import Foundation

/// How one build for the preview server ended.
public enum BuildOutcome: Sendable, Equatable {
    /// The site was written. `summary` is one line for the terminal
    /// (`wrote 6 pages …`); `diagnostics` are the warnings, as `path:line:col: warning: …`.
    case built(summary: String, diagnostics: [String])
    /// Nothing was written and the previous output stands. Each line is one
    /// diagnostic as `path:line:col: error: message` (or a plain message for a
    /// problem with no place in a file), errors before warnings.
    case failed(diagnostics: [String])
}

/// One build of the site for the preview server: called once at start and again
/// after every change to the watched folders, never twice at the same time.
///
/// This is the single place where `irsite serve` meets the builder: swap in an
/// incremental builder by passing another closure to ``PreviewServer``.
/// A failed build must leave the previous output in place.
public typealias SiteRebuild = @Sendable () async -> BuildOutcome

extension Pipeline {
    /// The full pipeline as a ``SiteRebuild``.
    /// - Parameter now: builds as if it were this instant (seconds since 1970);
    ///   nil reads the clock at each build, so an embargo that lifts while serving shows up.
    public static func rebuild(content: String, templates: String, output: String, now: Int? = nil,
                               includeDrafts: Bool = false, includeFuture: Bool = false) -> SiteRebuild {
        // Decoded files are kept between rebuilds: an edit decodes only the file it touched.
        let cache = BuildCache()
        return {
            let instant = now ?? Int(Date().timeIntervalSince1970)
            let options = PublicationOptions(now: instant, includeDrafts: includeDrafts, includeFuture: includeFuture)
            do {
                let result = try await build(content: content, templates: templates, output: output, options: options, cache: cache)
                let others = result.assets + result.attachments + result.dataFiles
                let files = result.pages + others
                let summary = result.incremental
                    ? "updated \(output)/: \(result.written) of \(files) file\(files == 1 ? "" : "s") changed, \(result.removed) removed"
                    : "wrote \(result.pages) page\(result.pages == 1 ? "" : "s") and \(others) other file\(others == 1 ? "" : "s") to \(output)/"
                return .built(summary: summary, diagnostics: result.diagnostics.filter { $0.severity != .note }.map(\.description))
            } catch let error as DiagnosticsError {
                // Errors first: they are why the page is stale; warnings follow in report order.
                let errors = error.diagnostics.filter { $0.severity == .error }
                let warnings = error.diagnostics.filter { $0.severity == .warning }
                return .failed(diagnostics: (errors + warnings).map(\.description))
            } catch let error as LocatedError {
                return .failed(diagnostics: [error.description])
            } catch {
                return .failed(diagnostics: ["\(error)"])
            }
        }
    }
}
