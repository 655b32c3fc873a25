/// One file of the generated site: a path relative to the output folder and its
/// bytes, or the content file to copy there (attachments are copied, not read).
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: [UInt8]
    public var copiedFrom: String?

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, copying source: String) {
        self.path = path
        contents = []
        copiedFrom = source
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
