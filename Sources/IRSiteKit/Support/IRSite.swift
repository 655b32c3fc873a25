import Foundation

public enum IRSite {
    public static let version = "0.1.0"

    /// The version and the running executable's size and modification time: part
    /// of every output file's input digest, so that a new `irsite` binary (which may
    /// render differently under the same version number) remakes every file
    /// instead of keeping what the old one wrote.
    public static let buildIdentity: String = {
        var info = stat()
        guard let path = Bundle.main.executablePath, stat(path, &info) == 0 else { return "IRSite \(version)" }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "IRSite \(version) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }()
}
