/// An extra relation that must hold between lines.
public struct Check: Sendable {
    public var left: Formula
    public var right: Formula
    public var text: String
    public var severity: Diagnostic.Severity
    public var message: String?
    public var location: SourceLocation
}
