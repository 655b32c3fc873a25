/// What a long-lived process (the preview server) keeps between builds: each
/// content file's decoded form, by path and text, so a rebuild decodes only the
/// files that changed. A one-off build does without: the keys would cost more
/// than they save.
public final class BuildCache: Sendable {
    struct FileKey: Hashable, Sendable {
        var path: String
        var text: String
    }

    let periods = Memo<FileKey, Result<(PeriodFile, [LocatedError]), any Error>>(limit: 50_000)
    let releases = Memo<FileKey, ReleaseDecoding>(limit: 50_000)

    struct ReleaseDecoding: Sendable {
        var release: Result<Release?, any Error>
        var diagnostics: [Diagnostic]
    }

    public init() {}
}
