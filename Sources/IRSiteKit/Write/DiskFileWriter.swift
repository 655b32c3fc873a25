import Foundation

/// Writes files to the disk: the writer every build uses outside tests.
public struct DiskFileWriter: FileWriting {
    public init() {}

    public func write(_ file: OutputFile, to path: String) throws {
        if let source = file.copiedFrom {
            try FileManager.default.copyItem(atPath: source, toPath: path)
        } else {
            try SiteWriter.writeFile(file.contents, to: path)
        }
    }
}
