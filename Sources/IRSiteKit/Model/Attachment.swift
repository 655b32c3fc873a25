/// A file that travels with a release (the original PDF, slides): copied, never parsed.
public struct Attachment: Sendable, Hashable {
    public var name: String
    /// Where to copy it from.
    public var path: String
    public var size: Int

    public init(name: String, path: String, size: Int) {
        self.name = name
        self.path = path
        self.size = size
    }
}
