/// A Mustache template parsed into a tree that renders from ``TemplateValue``s
/// into bytes: names split once, no dynamic casts, HTML escaping byte by byte.
///
/// It reads the part of Mustache a theme needs: text, `{{name}}`, `{{{name}}}`,
/// `{{&name}}`, dotted names, `{{.}}`, sections, inverted sections, the
/// `empty(…)` transform, comments and partials, with the
/// spec's standalone lines. A template with anything else (set delimiters,
/// pragmas, blocks, indented standalone partials, tags across lines) does not
/// compile, and ``Templates`` then renders every template with swift-mustache.
/// `CompiledTemplateTests` holds the two renderers to the same bytes.
struct CompiledTemplate: Sendable {
    enum Transform: Sendable { case empty }

    /// A name as written: `a.b` looked up from the innermost context that has `a`; `.` is the current value.
    struct Path: Sendable {
        var names: [String]
        var transforms: [Transform]
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Path, escaped: Bool)
        case section(Path, inverted: Bool, [Node])
        case partial(String)
    }

    let nodes: [Node]

    /// Parses `text`; nil when it uses more Mustache than this renderer reads.
    init?(_ text: String) {
        // Lines end in "\n" here; a template with "\r" is left to swift-mustache.
        guard !text.utf8.contains(0x0D) else { return nil }
        var parser = Parser(bytes: Array(text.utf8))
        guard let nodes = parser.parse() else { return nil }
        self.nodes = nodes
    }
}

extension CompiledTemplate {
    private enum Tag {
        case variable(Path, escaped: Bool)
        case open(Path, rawName: String, inverted: Bool)
        case close(rawName: String)
        case comment
        case partial(String)

        /// Tags that may stand alone on a line, which the line then disappears with.
        var canStandAlone: Bool {
            if case .variable = self { return false }
            return true
        }
    }

    private enum Piece {
        case text(ArraySlice<UInt8>)
        case tag(Tag)
    }

    private struct Parser {
        let bytes: [UInt8]

        /// Splits into lines, drops standalone lines' whitespace, nests sections.
        mutating func parse() -> [Node]? {
            var stack: [(path: Path, rawName: String, inverted: Bool, nodes: [Node])] = [(Path(names: [], transforms: []), "", false, [])]
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let lineEnd = end < bytes.count ? end + 1 : end
                guard let pieces = Self.pieces(bytes[start..<lineEnd]) else { return nil }
                let tags = pieces.compactMap { piece -> Tag? in if case .tag(let t) = piece { t } else { nil } }
                let blank = pieces.allSatisfy { piece in
                    guard case .text(let t) = piece else { return true }
                    return t.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                }
                // A standalone line: one tag of a kind that prints nothing where it stands, and whitespace.
                let standalone = tags.count == 1 && tags[0].canStandAlone && blank
                // swift-mustache indents a standalone partial and repeats the whitespace before one that is not.
                if tags.contains(where: { if case .partial = $0 { true } else { false } }),
                   !standalone || pieces.contains(where: { if case .text(let t) = $0 { t.first != 0x0A && !t.isEmpty } else { false } }) {
                    return nil
                }
                for piece in pieces {
                    switch piece {
                    case .text(let t):
                        if standalone || t.isEmpty { continue }
                        if case .text(let previous)? = stack[stack.count - 1].nodes.last {
                            stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(previous + t)
                        } else {
                            stack[stack.count - 1].nodes.append(.text(Array(t)))
                        }
                    case .tag(.variable(let path, let escaped)):
                        stack[stack.count - 1].nodes.append(.variable(path, escaped: escaped))
                    case .tag(.open(let path, let rawName, let inverted)):
                        stack.append((path, rawName, inverted, []))
                    case .tag(.close(let rawName)):
                        guard stack.count > 1, stack[stack.count - 1].rawName == rawName else { return nil }
                        let section = stack.removeLast()
                        stack[stack.count - 1].nodes.append(.section(section.path, inverted: section.inverted, section.nodes))
                    case .tag(.comment):
                        continue
                    case .tag(.partial(let name)):
                        stack[stack.count - 1].nodes.append(.partial(name))
                    }
                }
                start = lineEnd
            }
            guard stack.count == 1 else { return nil }
            return stack[0].nodes
        }

        // Braces as bytes: the sources keep no unbalanced brace in a literal.
        static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D

        /// The text and tags of one line; nil for a tag this renderer does not read.
        static func pieces(_ line: ArraySlice<UInt8>) -> [Piece]? {
            var pieces: [Piece] = []
            var i = line.startIndex, textStart = i
            while i + 1 < line.endIndex {
                guard line[i] == openBrace, line[i + 1] == openBrace else { i += 1; continue }
                pieces.append(.text(line[textStart..<i]))
                let triple = i + 2 < line.endIndex && line[i + 2] == openBrace
                let open = i + (triple ? 3 : 2)
                guard let close = find(line, from: open, [UInt8](repeating: closeBrace, count: triple ? 3 : 2)) else { return nil }
                guard let tag = tag(String(decoding: line[open..<close], as: UTF8.self), triple: triple) else { return nil }
                pieces.append(.tag(tag))
                i = close + (triple ? 3 : 2)
                textStart = i
            }
            pieces.append(.text(line[textStart..<line.endIndex]))
            return pieces
        }

        static func find(_ line: ArraySlice<UInt8>, from start: Int, _ n: [UInt8]) -> Int? {
            var i = start
            while i + n.count <= line.endIndex {
                if line[i..<(i + n.count)].elementsEqual(n) { return i }
                i += 1
            }
            return nil
        }

        static func tag(_ inside: String, triple: Bool) -> Tag? {
            if triple { return path(inside).map { .variable($0, escaped: false) } }
            guard let sigil = inside.first else { return nil }
            let rest = String(inside.dropFirst())
            switch sigil {
            case "#", "^":
                let raw = rest.trimmingWhitespace
                return path(raw).map { .open($0, rawName: raw, inverted: sigil == "^") }
            case "/": return .close(rawName: rest.trimmingWhitespace)
            case "!": return .comment
            case "&": return path(rest).map { .variable($0, escaped: false) }
            case ">":
                let name = rest.trimmingWhitespace
                guard !name.isEmpty, !name.hasPrefix("*"), name.allSatisfy(isNameCharacter) else { return nil }
                return .partial(name)
            case "=", "%", "$", "<", "\u{7B}", "\u{7D}": return nil
            default: return path(inside).map { .variable($0, escaped: true) }
            }
        }

        /// `name`, `a.b`, `.`, or `empty(name)`; nil for anything else.
        static func path(_ text: String) -> Path? {
            var name = Substring(text.trimmingWhitespace)
            var transforms: [Transform] = []
            while let paren = name.firstIndex(of: "(") {
                guard name.hasSuffix(")") else { return nil }
                switch name[..<paren] {
                case "empty": transforms.append(.empty)
                default: return nil
                }
                name = name[name.index(after: paren)..<name.index(before: name.endIndex)]
            }
            guard !name.isEmpty, name.allSatisfy(isNameCharacter), !name.contains("(") else { return nil }
            if name == "." { return Path(names: [], transforms: transforms) }
            // A leading dot (no climbing) or an empty part is left to swift-mustache.
            let names = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !names.contains(where: \.isEmpty) else { return nil }
            return Path(names: names, transforms: transforms)
        }

        static func isNameCharacter(_ c: Character) -> Bool {
            c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-" || c == "_")
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
