/// A content error at a known place; the loader turns it into a ``Diagnostic``.
public struct LocatedError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: \(message)" }
    public var diagnostic: Diagnostic { Diagnostic(.error, message, at: location, stage: .load) }
}

/// A problem with the machine rather than the content (a missing program):
/// it has no place in a file to point at.
public struct EnvironmentError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}
