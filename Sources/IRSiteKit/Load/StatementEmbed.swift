/// The YAML inside a ```` ```statement ```` block.
public struct StatementEmbed: Decodable, Sendable {
    public var layout: Located<String>
}
