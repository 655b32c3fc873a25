/// Where a line lives and how it is computed.
public struct LineDefinition: Sendable {
    public var id: String
    public var label: String
    public var home: String
    public var unit: Unit
    public var decimals: Int
    public var formula: Formula?
    public var formulaLocation: SourceLocation?
    public var location: SourceLocation

    /// A total or derived line (rounded on its own when printed figures foot).
    public var isComputed: Bool { formula != nil }
}
