import Foundation
import Mustache

/// The theme's Mustache templates, parsed once and shared by every page
/// (`MustacheLibrary` is `Sendable`).
public struct Templates: Sendable {
    /// Every template a build renders; a missing one is an error, not an empty page.
    public static let required = ["layout", "index", "release", "archive", "statements", "table", "guidance", "contacts", "attachments", "calendar", "downloads", "chart", "summary"]

    let library: MustacheLibrary
    /// The same templates compiled for ``CompiledTemplate``, when every one of them
    /// compiles; nil: swift-mustache renders them all (a theme using more Mustache).
    let compiled: [String: CompiledTemplate]?
    public let directory: String
    /// The theme's interface words (`i18n/en.yaml`), before a site's `strings:`.
    public let translations: Translations
    /// The language whose table a build uses until sites have languages (issue 13).
    public static let language = "en"

    /// Loads `*.mustache` from `directory`; throws ``LocatedError`` for a missing
    /// folder, a missing template or a template that does not parse.
    public init(directory: String) async throws {
        self.directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LocatedError("templates folder '\(directory)' does not exist", at: SourceLocation(file: directory, line: 1, column: 1))
        }
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate]? = [:]
        for name in Self.required {
            let path = directory + "/" + name + ".mustache"
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw LocatedError("missing template '\(name).mustache'", at: SourceLocation(file: path, line: 1, column: 1))
            }
            compiled?[name] = CompiledTemplate(text)
            if compiled?[name] == nil { compiled = nil }
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw LocatedError("template does not parse: \(error.error)",
                                   at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber))
            }
        }
        // The library renders a missing partial as nothing; here it is an error.
        for name in Self.required {
            let path = directory + "/" + name + ".mustache"
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = Substring(line)
                while let open = rest.range(of: "{{>") {
                    let after = rest[open.upperBound...]
                    guard let close = after.range(of: "}}") else { break }
                    let partial = after[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if library.getTemplate(named: partial) == nil {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        throw LocatedError("unknown partial '\(partial)'; the theme has \(Self.required.joined(separator: ", "))",
                                           at: SourceLocation(file: path, line: offset + 1, column: column))
                    }
                    rest = after[close.upperBound...]
                }
            }
        }
        self.library = library
        self.compiled = compiled
        translations = try Translations.load(directory: directory, language: Self.language)
    }

    /// The theme's words with `site`'s `strings:` applied; throws ``DiagnosticsError``
    /// for an override the theme has no key for, or with a placeholder it does not fill.
    public func strings(for site: Site) throws -> Translations {
        let errors = translations.check(site.settings.strings)
        guard errors.isEmpty else { throw DiagnosticsError(errors.map { Diagnostic(.error, $0.message, at: $0.location, stage: .load) }) }
        return translations.overriding(site.settings.strings)
    }

    /// Renders `name` with `context`.
    public func render(_ context: Any, _ name: String) throws -> String {
        String(decoding: try renderBytes(context, name), as: UTF8.self)
    }

    /// Renders `name` with `context` as UTF-8 bytes: a page's final form, with no String in between.
    public func renderBytes(_ context: Any, _ name: String) throws -> [UInt8] {
        assert(TemplateContextCheck.missingNames(in: context).isEmpty,
               "template context lookups miss \(TemplateContextCheck.missingNames(in: context)): update PageContexts+Mustache.swift")
        if let compiled, let object = context as? any TemplateObject {
            guard let template = compiled[name] else {
                throw LocatedError("missing template '\(name).mustache'", at: SourceLocation(file: directory + "/" + name + ".mustache", line: 1, column: 1))
            }
            return template.render(object.templateValue, partials: compiled)
        }
        return Array(try mustacheRender(context, name).utf8)
    }

    /// Renders `name` with `context` by swift-mustache (themes beyond ``CompiledTemplate``, and tests).
    func mustacheRender(_ context: Any, _ name: String) throws -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw LocatedError("missing template '\(name).mustache'", at: SourceLocation(file: directory + "/" + name + ".mustache", line: 1, column: 1))
        }
        return html
    }
}
