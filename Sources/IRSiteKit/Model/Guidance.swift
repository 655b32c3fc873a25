public struct Guidance: Sendable {
    public var period: FiscalPeriod
    public var unit: Unit
    public var items: [GuidanceItemSpec]
    public var location: SourceLocation
}
