public struct Guidance: Sendable {
    public var period: FiscalPeriod
    public var unit: Unit
    public var items: [GuidanceItem]
    public var location: SourceLocation
}
