import Foundation

/// The YAML inside a ```` ```statement ```` block.
public struct StatementEmbed: Decodable, Sendable {
    public var layout: Located<String>
}

/// A release's embeds, decoded and located in the release file.
public struct ReleaseEmbeds: Sendable {
    public static let kinds: Set<String> = ["statement", "guidance", "chart"]

    /// Statement blocks decode once per process: checks and pages both read them.
    static let decodedStatements = Memo<ReleaseCharts.SpecKey, Result<StatementEmbed, any Error>>(limit: 50_000)

    /// Decodes every embed of `release`; errors carry the Markdown file's line and column.
    public static func statements(in release: Release, site: Site) -> (layouts: [MarkdownEmbed: Layout], diagnostics: [Diagnostic]) {
        var layouts: [MarkdownEmbed: Layout] = [:]
        var diagnostics: [Diagnostic] = []
        for embed in Markdown.outline(of: release.body).embeds(kinds) {
            let at = SourceLocation(file: release.file, line: embed.line + release.bodyLineOffset, column: embed.column)
            switch embed.kind {
            case "statement":
                do {
                    let key = ReleaseCharts.SpecKey(body: embed.body, file: release.file, lineOffset: embed.bodyLine + release.bodyLineOffset - 1)
                    let spec = try decodedStatements.value(for: key) { key in
                        Result { try NodeDecoder.decode(StatementEmbed.self, yaml: key.body, file: key.file, lineOffset: key.lineOffset) }
                    }.get()
                    if let layout = site.layout(spec.layout.value) {
                        layouts[embed] = layout
                    } else {
                        diagnostics.append(Diagnostic(.error, "unknown layout '\(spec.layout.value)'\(Suggestion.didYouMean(spec.layout.value, Set(site.layouts.map(\.id))))",
                                                      at: spec.layout.location, stage: .check))
                    }
                } catch let error as LocatedError {
                    diagnostics.append(Diagnostic(.error, "statement block: \(error.message)", at: error.location, stage: .check))
                } catch {
                    diagnostics.append(Diagnostic(.error, "statement block: \(error)", at: at, stage: .check))
                }
            case "guidance":
                if release.guidance == nil {
                    diagnostics.append(Diagnostic(.error, "a guidance block needs 'guidance:' in the front matter", at: at, stage: .check))
                }
                if !embed.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    diagnostics.append(Diagnostic(.error, "a guidance block is empty: the figures come from the front matter", at: at, stage: .check))
                }
            default:
                break
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
