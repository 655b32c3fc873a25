/// The paper a summary is printed on.
public enum Paper: String, Sendable, CaseIterable {
    case a4
    case letter

    /// The CSS `@page` size.
    public var cssSize: String { self == .a4 ? "A4" : "letter" }
}
