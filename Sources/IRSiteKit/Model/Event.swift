public struct Event: Sendable {
    public var title: String
    public var kind: EventSpec.Kind
    public var start: Timestamp
    public var end: Timestamp?
    public var url: String?
    public var location: SourceLocation
}
