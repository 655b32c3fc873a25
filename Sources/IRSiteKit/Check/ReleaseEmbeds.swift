import Foundation

/// A release's embeds, decoded and located in the release file.
public struct ReleaseEmbeds: Sendable {
    public static let kinds: Set<String> = ["statement", "guidance", "chart"]

    /// The layout of each statement block of `release` and the findings about its
    /// statement and guidance blocks, at the release file's lines and columns. Reads
    /// the blocks the loader decoded (``ReleaseDocument``).
    public static func statements(in release: Release, site: Site) -> (layouts: [MarkdownEmbed: Layout], diagnostics: [Diagnostic]) {
        var layouts: [MarkdownEmbed: Layout] = [:]
        var diagnostics: [Diagnostic] = []
        for block in release.document.statements {
            do {
                let spec = try block.spec.get()
                if let layout = site.layout(spec.layout.value) {
                    layouts[block.embed] = layout
                } else {
                    diagnostics.append(Diagnostic(.error, "unknown layout '\(spec.layout.value)'\(Suggestion.didYouMean(spec.layout.value, Set(site.layouts.map(\.id))))",
                                                  at: spec.layout.location, stage: .check))
                }
            } catch let error as LocatedError {
                diagnostics.append(Diagnostic(.error, "statement block: \(error.message)", at: error.location, stage: .check))
            } catch {
                diagnostics.append(Diagnostic(.error, "statement block: \(error)", at: block.location, stage: .check))
            }
        }
        for embed in release.document.guidance {
            let at = release.document.location(line: embed.line, column: embed.column)
            if release.guidance == nil {
                diagnostics.append(Diagnostic(.error, "a guidance block needs 'guidance:' in the front matter", at: at, stage: .check))
            }
            if !embed.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                diagnostics.append(Diagnostic(.error, "a guidance block is empty: the figures come from the front matter", at: at, stage: .check))
            }
        }
        return (layouts, diagnostics)
    }
}

extension MarkdownEmbed: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(line)
        hasher.combine(column)
    }
}
