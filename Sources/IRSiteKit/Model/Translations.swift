/// The theme's words for one language: every label, heading, sentence and
/// notice the renderer writes that is not content. Swift picks a key and fills
/// its named placeholders (`"Change vs {period}"`); the table holds the words,
/// the plural forms and how a list is joined.
///
/// Loaded from `Templates/i18n/<language>.yaml` with the theme; a site may
/// override single messages with `strings:` in `site.yaml`.
public struct Translations: Sendable, Hashable {
    /// One entry of the table.
    public enum Message: Sendable, Hashable {
        /// A message with `{name}` placeholders.
        case text(String)
        /// Forms by plural category (`one`, `other`, …); `other` is required.
        case plural([String: String])

        /// Every form, for checks on placeholders.
        public var forms: [String] {
            switch self {
            case .text(let s): return [s]
            case .plural(let forms): return forms.keys.sorted().compactMap { forms[$0] }
            }
        }
    }

    /// A site's replacement for one message of the theme's table (`strings:` in `site.yaml`).
    public struct Override: Sendable, Hashable {
        public var key: String
        /// Where the key is written, for "unknown key" errors.
        public var location: SourceLocation
        public var message: Message
    }

    /// The language code the table is for (`en`, `ja`).
    public var language: String
    public var messages: [String: Message]
    /// Where the table was read from, for diagnostics.
    public var file: String

    public init(language: String, messages: [String: Message], file: String) {
        self.language = language
        self.messages = messages
        self.file = file
    }

    /// The message `key` with `{name}` placeholders filled from `values`.
    /// A key the table lacks gives the key itself: the theme check makes that a load error first.
    public func text(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        switch messages[key] {
        case .text(let s)?: return Self.fill(s, values)
        case .plural(let forms)?: return Self.fill(forms["other"] ?? "", values)
        case nil: return key
        }
    }

    /// The plural form of `key` for `count` (`{count}` is filled too): `one` for exactly 1
    /// when the table has it, else `other`. Languages without plural forms give only `other`.
    public func plural(_ key: String, count: Int, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var all: [(String, String)] = [("count", String(count))]
        all += values.map { ($0.key, $0.value) }
        switch messages[key] {
        case .plural(let forms)?:
            let form = (count == 1 ? forms["one"] : nil) ?? forms["other"] ?? ""
            return Self.fill(form, all)
        case .text(let s)?: return Self.fill(s, all)
        case nil: return key
        }
    }

    /// `items` as the language joins a list: "A", "A and B", "A, B and C" in English
    /// (`list_separator` between all but the last two, `list_last` for the last pair).
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return text("list_last", ["items": items.dropLast().joined(separator: text("list_separator")), "last": items[items.count - 1]])
    }

    /// This table with `overrides` replacing its messages (``check(_:)`` reports the keys it does not have).
    public func overriding(_ overrides: [Override]) -> Translations {
        var copy = self
        for o in overrides where messages[o.key] != nil { copy.messages[o.key] = o.message }
        return copy
    }

    /// The placeholder names (`{name}`) in `text`.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    /// `message` with each `{name}` replaced by its value; an unknown name stays as written.
    static func fill<S: Sequence>(_ message: String, _ values: S) -> String where S.Element == (String, String) {
        guard message.contains("{") else { return message }
        var out = ""
        var rest = Substring(message)
        let lookup = Dictionary(values.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = lookup[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    static func fill(_ message: String, _ values: KeyValuePairs<String, String>) -> String {
        fill(message, values.map { ($0.key, $0.value) })
    }
}
