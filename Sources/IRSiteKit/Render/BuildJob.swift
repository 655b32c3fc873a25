/// One file of the site: where it goes, what it depends on, how to make it.
public struct BuildJob: Sendable {
    public var path: String
    /// Digest of every input the file depends on. An incremental build keeps the
    /// previous file when this matches; nil for files that are cheap to make,
    /// which are always made and written only when their bytes changed.
    public var inputs: Fingerprint?
    public var make: @Sendable () throws -> OutputFile

    public init(_ path: String, inputs: Fingerprint? = nil, make: @escaping @Sendable () throws -> OutputFile) {
        self.path = path
        self.inputs = inputs
        self.make = make
    }
}
