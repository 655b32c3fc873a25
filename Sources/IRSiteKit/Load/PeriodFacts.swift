import Yams

/// A period file's `facts` (layout id → line id → value), decoded by walking the
/// YAML nodes directly: a period file is a few hundred facts, and `Codable`'s
/// containers cost most of loading for them.
///
/// The walk takes only the regular case, every value a plain number or null.
/// Anything else (a mapping where a value belongs, a duplicate key, a value that
/// is not a plain number) goes through `Codable` again, so every error and its
/// place are exactly those of the generic decoder.
struct PeriodFacts: Decodable {
    typealias Facts = [String: Located<[String: Located<DecimalLiteral?>]>]
    var facts: Facts

    init(from decoder: any Decoder) throws {
        if let nodes = decoder as? NodeDecoder, let facts = Self.walk(nodes.node, context: nodes.context) {
            self.facts = facts
        } else {
            facts = try Facts(from: decoder)
        }
    }

    /// The facts of a regular `facts` mapping, or nil where `Codable` must decide.
    static func walk(_ node: Node, context: NodeDecoder.Context) -> Facts? {
        guard case .mapping(let layouts) = node else { return nil }
        var facts: Facts = [:]
        facts.reserveCapacity(layouts.count)
        for (key, value) in layouts {
            guard let layout = key.string, case .mapping(let lines) = value else { return nil }
            var values: [String: Located<DecimalLiteral?>] = [:]
            values.reserveCapacity(lines.count)
            for (key, value) in lines {
                guard let line = key.string, case .scalar(let scalar) = value else { return nil }
                let literal: DecimalLiteral?
                if value.isNullScalar {
                    literal = nil
                } else {
                    // A plain number has no control character, so the string checks have nothing to say;
                    // and being ASCII, its decimals are the bytes after the point.
                    let text = scalar.string.utf8
                    guard let number = Exact(decimal: scalar.string), text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
                    let places = text.firstIndex(of: UInt8(ascii: ".")).map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
                    literal = DecimalLiteral(number, places: places)
                }
                guard values.updateValue(Located(literal, at: context.location(of: value)), forKey: line) == nil else { return nil }
            }
            guard facts.updateValue(Located(values, at: context.location(of: value)), forKey: layout) == nil else { return nil }
        }
        return facts
    }
}
