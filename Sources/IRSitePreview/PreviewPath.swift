import IRSiteKit
/// A request target checked and mapped to a file path inside the output folder,
/// before the disk is consulted. Pure: it only reads the string.
///
/// The target is split at `?` and `#`, cut into segments at the raw `/`, and each
/// segment percent-decoded exactly once. Anything that could name a file outside
/// the folder, or name one file two ways, is refused rather than normalised:
/// `.` and `..` segments (also encoded, `%2e%2e`), empty segments (`//etc`), an
/// encoded `/` (`%2f`), backslashes, NUL and other control characters, invalid
/// escapes or UTF-8, and any target that is not an absolute path (`http://…`, `*`).
public struct PreviewPath: Sendable, Hashable {
    /// The decoded segments, none empty, none `.` or `..`.
    public let segments: [String]
    /// The target ended in `/` (or was `/`): it names a folder's `index.html`.
    public let isFolder: Bool

    /// Why a target is refused.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not a path starting with `/` (absolute-form `http://host/x`, `*`, `x`).
        case notAbsolutePath
        /// `//` inside the path: another spelling of a shorter path.
        case emptySegment
        /// A `.` or `..` segment, spelled plainly or percent-encoded.
        case dotSegment
        /// `%` not followed by two hex digits, or bytes that are not UTF-8.
        case invalidEncoding
        /// An encoded `/`, a backslash, NUL or another control character.
        case forbiddenCharacter
        /// A segment starting with `.` (`.irsite-output`): never served.
        case hidden

        public var description: String {
            switch self {
            case .notAbsolutePath: "the request target is not a path starting with /"
            case .emptySegment: "the path has an empty segment (//)"
            case .dotSegment: "the path has a . or .. segment"
            case .invalidEncoding: "the path has an invalid percent-escape or is not UTF-8"
            case .forbiddenCharacter: "the path has an encoded /, a backslash or a control character"
            case .hidden: "the path names a hidden file"
            }
        }
    }

    /// Parses a raw request target (`/releases/2001-q2/?x=1`).
    public init(target: String) throws(Refusal) {
        var path = Substring(target)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard path.first == "/" else { throw .notAbsolutePath }
        var raw = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        // "/" and "/dir/" end in one empty segment: the folder's index.
        let isFolder = raw.last?.isEmpty ?? true
        if isFolder, !raw.isEmpty { raw.removeLast() }
        var segments: [String] = []
        segments.reserveCapacity(raw.count)
        for piece in raw {
            guard !piece.isEmpty else { throw .emptySegment }
            let segment = try Self.decode(piece)
            if segment == "." || segment == ".." { throw .dotSegment }
            for scalar in segment.unicodeScalars where scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F {
                throw .forbiddenCharacter
            }
            segments.append(segment)
        }
        // Checked after every segment is decoded, so `/.x/..` is a dot segment, not merely hidden.
        if segments.contains(where: { $0.hasPrefix(".") }) { throw .hidden }
        self.segments = segments
        self.isFolder = isFolder
    }

    /// A path to a file the server itself names (not parsed from a request).
    init(file: String) {
        segments = file.split(separator: "/").map(String.init)
        isFolder = false
    }

    /// The file this path names, relative to the output folder: a folder's
    /// `index.html` when it ends in `/`.
    public var relativeFile: String {
        let joined = segments.joined(separator: "/")
        guard isFolder else { return joined }
        return joined.isEmpty ? "index.html" : joined + "/index.html"
    }

    /// The same path with a trailing `/`, percent-encoded for a `Location` header.
    public var folderURLPath: String {
        "/" + segments.map(Self.encode).map { $0 + "/" }.joined()
    }

    /// Percent-decodes once; the result must be UTF-8.
    static func decode(_ piece: Substring) throws(Refusal) -> String {
        guard piece.contains("%") else { return String(piece) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(piece.utf8.count)
        var it = piece.utf8.makeIterator()
        while let byte = it.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = it.next().flatMap(hexValue), let low = it.next().flatMap(hexValue) else { throw .invalidEncoding }
            bytes.append(high << 4 | low)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidEncoding }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters.
    static func encode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
