import IRSiteKit
import Foundation

/// The output folder as the preview server sees it: maps a checked
/// ``PreviewPath`` to a regular file whose real path lies inside the folder.
///
/// The folder's real path is looked up on every request, because each build
/// swaps in a new folder under the same name (and the first build may create it).
public struct ServedFolder: Sendable {
    /// The output folder as given (relative to the working directory, or absolute).
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// What a request for a path gets.
    public enum Lookup: Sendable, Equatable {
        /// A regular file inside the folder (its real, absolute path).
        case file(String)
        /// A folder asked for without its trailing `/`: redirect so relative links resolve.
        case redirect(location: String)
        /// Nothing to serve: missing, a folder without `index.html` (never a listing),
        /// or a symbolic link that leads outside the folder.
        case notFound
    }

    public func lookup(_ request: PreviewPath) -> Lookup {
        guard let root = Self.realPath(path) else { return .notFound }
        let candidate = root + "/" + request.relativeFile
        switch Self.kind(of: candidate) {
        case .file:
            // Resolving links last means a link anywhere along the path is followed and then judged.
            guard let real = Self.realPath(candidate), real.hasPrefix(root + "/"), Self.kind(of: real) == .file else { return .notFound }
            return .file(real)
        case .folder where !request.isFolder:
            guard Self.kind(of: candidate + "/index.html") == .file else { return .notFound }
            return .redirect(location: request.folderURLPath)
        default:
            return .notFound
        }
    }

    enum Kind { case file, folder, other }

    /// The kind of what `path` names, following symbolic links; nil when nothing is there.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
