public struct Event: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case event, call, results, quietPeriod = "quiet_period" }

    public var title: String
    public var kind: Event.Kind
    public var start: Timestamp
    public var end: Timestamp?
    public var url: String?
    public var location: SourceLocation
}
