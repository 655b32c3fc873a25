import Foundation

extension Manifest {
    /// Files the output folder may hold beyond the manifest's: the folder's own
    /// bookkeeping, and the summaries `irsite pdf` prints into a built site.
    static func isBookkeeping(_ path: String) -> Bool {
        if path == fileName || path == SiteWriter.Staging.marker { return true }
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == "releases" && parts[2] == "summary.pdf"
    }

    /// How the output folder differs from this manifest, or nil when it matches:
    /// a file on disk that the manifest does not list (another build's, perhaps
    /// an embargoed release), an entry that is not a regular file (a folder, or a
    /// link that could lead out), or a file made every time whose bytes differ
    /// from its recorded digest. A listed file that is simply missing is not a
    /// difference: the build makes it again.
    func difference(from output: String) -> String? { compared(with: output).difference }

    /// ``difference(from:)``, and the regular files the output folder holds (those
    /// listed are the ones a build can keep: the others it makes again).
    func compared(with output: String) -> (difference: String?, files: Set<String>) {
        let (files, odd) = FolderWalk.files(under: output)
        return (difference(files: files, odd: odd, output: output), files)
    }

    private func difference(files: Set<String>, odd: some Collection<String>, output: String) -> String? {
        if let path = odd.filter({ !Self.isBookkeeping($0) }).min() {
            return "'\(path)' is not a regular file"
        }
        if let extra = files.subtracting(entries.keys).filter({ !Self.isBookkeeping($0) }).min() {
            return "'\(extra)' is not listed in it"
        }
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard files.contains(path) else {
                if access(output + "/" + path, F_OK) == 0 { return "'\(path)' is not a regular file" }
                continue
            }
            guard !entry.content.isEmpty else { continue }
            guard let data = FileManager.default.contents(atPath: output + "/" + path),
                  Fingerprint.of(bytes: Array(data)).hex == entry.content else {
                return "'\(path)' does not have the bytes it lists"
            }
        }
        return nil
    }
}
