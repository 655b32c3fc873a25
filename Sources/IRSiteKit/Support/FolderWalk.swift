import Foundation

/// The files of a folder tree, read with `readdir` (a build lists thousands).
enum FolderWalk {
    /// Relative paths of the regular files under `root`, and of anything else
    /// that is not a folder (links, devices); links are never followed.
    static func files(under root: String) -> (regular: Set<String>, other: [String]) {
        var files: Set<String> = []
        var odd: [String] = []
        walk(root, "", files: &files, odd: &odd)
        return (files, odd)
    }

    /// Regular files under `root/relative`, never following a link; anything else is odd.
    private static func walk(_ root: String, _ relative: String, files: inout Set<String>, odd: inout [String]) {
        guard let dir = opendir(relative.isEmpty ? root : root + "/" + relative) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) {
                var info = stat()
                kind = lstat(root + "/" + path, &info) == 0 ? (info.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)) : Int32(DT_LNK)
            }
            switch kind {
            case Int32(DT_REG): files.insert(path)
            case Int32(DT_DIR): walk(root, path, files: &files, odd: &odd)
            default: odd.append(path)
            }
        }
    }
}
