/// One line of a release's outlook: a range for a line of a later period.
public struct GuidanceItem: Sendable {
    public var line: Located<String>
    public var label: String
    public var low: Located<DecimalLiteral>
    public var high: Located<DecimalLiteral>
}
