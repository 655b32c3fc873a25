/// How a build puts files into its staging folder and moves them into the output
/// folder. The build goes through this seam so that tests can make a write or a
/// move fail part-way through a site (a full disk, an unwritable file) and check
/// that the previous output survives.
public protocol FileWriting: Sendable {
    /// Writes `file` (its bytes, or a copy of its source) at `path`, a new file.
    func write(_ file: OutputFile, to path: String) throws

    /// Renames a file or folder on the output's file system (the commit's steps).
    func move(_ source: String, to destination: String) throws
}

extension FileWriting {
    public func move(_ source: String, to destination: String) throws { try CommitJournal.rename(source, destination) }
}
