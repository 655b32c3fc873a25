/// Absolute URLs for the few outputs that need them (feed, sitemap,
/// robots.txt, calendar files); pages themselves link relatively.
///
/// The base URL (`site.yaml`'s `base_url`) is the site's root folder, with or
/// without a trailing slash: `https://example.com/ir` and
/// `https://example.com/ir/` both put `releases/x.html` at
/// `https://example.com/ir/releases/x.html`. This is deliberately *not*
/// RFC 3986 reference resolution, which would replace the last segment `ir`.
public enum AbsoluteURL {
    /// Joins `base` and a site path.
    ///
    /// - `path` is a file path of the generated site as written to `Output/`
    ///   (`releases/2001-q2/index.html`), not an already encoded URL: every
    ///   UTF-8 byte other than an RFC 3986 unreserved character
    ///   (`A–Z a–z 0–9 - . _ ~`) or `/` is percent-encoded, `%` included, so
    ///   a space, `#`, `?`, `&` or a non-ASCII name cannot change the URL's meaning.
    /// - Leading slashes are dropped (a site path is relative to the base, never
    ///   to the host); `.` segments and empty segments are removed and `..`
    ///   removes the previous segment but never climbs above the base.
    /// - A trailing slash is kept (`releases/` names a folder).
    /// - Surrounding whitespace, a query and a fragment of `base` are dropped;
    ///   the base is otherwise used as written (see `isValidBase`).
    public static func join(base: String, path: String) -> String {
        var root = normalizedBase(base)
        if !root.hasSuffix("/") { root += "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        var out = root + segments.map { percentEncode($0) }.joined(separator: "/")
        let lastIsFolder = path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..") || path == "." || path == ".."
        if !segments.isEmpty, lastIsFolder { out += "/" }
        return out
    }

    /// The path of the folder a page is the index of: `releases/2001-q2/index.html`
    /// → `releases/2001-q2/`, `index.html` → `` (the root). Other paths are unchanged.
    /// Join the result to get the folder URL search engines and feed readers see.
    public static func folderPath(_ path: String) -> String {
        if path == "index.html" { return "" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }

    /// Whether `base` is an absolute `http` or `https` URL with a host, usable as a base URL.
    public static func isValidBase(_ base: String) -> Bool {
        let b = normalizedBase(base)
        guard let schemeEnd = b.range(of: "://") else { return false }
        let scheme = b[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https", let host = host(of: b), !host.isEmpty else { return false }
        return !b.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }

    /// The host of an absolute URL, lower-cased, without user information or port
    /// (`https://IR.Example.com:8443/ir` → `ir.example.com`); nil without `://`.
    public static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close]).lowercased() // IPv6 literal
        }
        if let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
        return authority.lowercased()
    }

    /// Percent-encodes one path segment (UTF-8, upper-case hex), keeping unreserved characters.
    public static func percentEncode(_ segment: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(segment.utf8.count)
        for byte in segment.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex[Int(byte >> 4)] + hex[Int(byte & 0xF)]
            }
        }
        return out
    }

    private static let hex = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func normalizedBase(_ base: String) -> String {
        var b = Substring(base).drop { $0.isWhitespace }
        while let last = b.last, last.isWhitespace { b = b.dropLast() }
        if let cut = b.firstIndex(where: { $0 == "?" || $0 == "#" }) { b = b[..<cut] }
        return String(b)
    }
}
