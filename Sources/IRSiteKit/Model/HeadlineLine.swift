/// A headline figure on the home page: a line shown in a unit of its own.
public struct HeadlineLine: Sendable {
    public var line: Located<String>
    public var label: String
    public var unit: Unit?
}
