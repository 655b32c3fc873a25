/// How far a build is, for a progress line on a terminal.
public struct BuildProgress: Sendable, Equatable {
    /// Release pages made (or kept) so far, of all release pages.
    public var releasesDone: Int
    public var releases: Int
    /// Output files handled so far, of all.
    public var filesDone: Int
    public var files: Int
}
