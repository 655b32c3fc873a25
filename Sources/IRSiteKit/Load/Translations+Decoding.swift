import Foundation
import Yams

extension Translations {
    /// The plural categories a form may be written for (CLDR's names).
    static let pluralCategories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    /// Reads `<directory>/i18n/<language>.yaml`; throws ``LocatedError`` for a missing
    /// or malformed table.
    public static func load(directory: String, language: String) throws -> Translations {
        let path = directory + "/i18n/" + language + ".yaml"
        guard let data = FileManager.default.contents(atPath: path), let yaml = String(data: data, encoding: .utf8) else {
            throw LocatedError("missing translation table 'i18n/\(language).yaml' in the theme", at: SourceLocation(file: path, line: 1, column: 1))
        }
        let entries = try NodeDecoder.decode(TranslationEntries.self, yaml: yaml, file: path)
        return Translations(language: language, messages: Dictionary(entries.overrides.map { ($0.key, $0.message) }, uniquingKeysWith: { _, last in last }),
                            file: path)
    }

    /// `overrides` checked against this table: a key it does not have, or a message
    /// whose placeholders are not the table's, is an error at the override.
    public func check(_ overrides: [Override]) -> [LocatedError] {
        overrides.compactMap { o in
            guard let own = messages[o.key] else {
                return LocatedError("unknown key '\(o.key.excerpt)' in strings\(Suggestion.didYouMean(o.key, messages.keys))", at: o.location)
            }
            let allowed = own.forms.reduce(into: Set<String>()) { $0.formUnion(Self.placeholders(in: $1)) }
                .union(own.isPlural ? ["count"] : [])
            let used = o.message.forms.reduce(into: Set<String>()) { $0.formUnion(Self.placeholders(in: $1)) }
            if let extra = used.subtracting(allowed).sorted().first {
                let names = allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                return LocatedError("'\(o.key)' has no placeholder {\(extra)}; it has \(names.isEmpty ? "none" : names)", at: o.location)
            }
            return nil
        }
    }
}

extension Translations.Message {
    var isPlural: Bool { if case .plural = self { true } else { false } }
}

/// A mapping of message keys to texts, or to plural forms (`{one: …, other: …}`),
/// each key kept with its place in the file.
public struct TranslationEntries: Decodable, Sendable {
    public var overrides: [Translations.Override]

    public init(from decoder: any Decoder) throws {
        guard let d = decoder as? NodeDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "translations decode only from YAML"))
        }
        guard let mapping = d.node.mapping else {
            throw LocatedError("expected a mapping of message keys to texts", at: d.location)
        }
        overrides = try mapping.map { key, value in
            let name = key.string ?? ""
            let location = d.context.location(of: key)
            if let text = value.scalar?.string {
                return Translations.Override(key: name, location: location, message: .text(text))
            }
            guard let forms = value.mapping else {
                throw LocatedError("'\(name.excerpt)' must be a text or plural forms such as {one: …, other: …}", at: d.context.location(of: value))
            }
            var out: [String: String] = [:]
            for (category, form) in forms {
                let c = category.string ?? ""
                guard Translations.pluralCategories.contains(c) else {
                    throw LocatedError("unknown plural form '\(c.excerpt)'\(Suggestion.didYouMean(c, Translations.pluralCategories))",
                                       at: d.context.location(of: category))
                }
                guard let text = form.scalar?.string else {
                    throw LocatedError("plural form '\(c)' of '\(name.excerpt)' must be a text", at: d.context.location(of: form))
                }
                out[c] = text
            }
            guard out["other"] != nil else {
                throw LocatedError("plural forms of '\(name.excerpt)' need 'other'", at: d.context.location(of: value))
            }
            return Translations.Override(key: name, location: location, message: .plural(out))
        }
    }
}
