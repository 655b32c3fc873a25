import IRSiteKit
/// The `Content-Type` the preview server sends for a file of the built site.
public enum MediaType {
    /// By the file's extension; the site's feed (``Routes/feed``) is Atom.
    /// Unknown extensions are `application/octet-stream`, which browsers download
    /// rather than guess at (the server also sends `X-Content-Type-Options: nosniff`).
    public static func of(_ relativePath: String) -> String {
        if relativePath == Routes.feed { return "application/atom+xml" }
        let name = relativePath.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return octetStream }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? octetStream
    }

    public static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let octetStream = "application/octet-stream"

    static let byExtension: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "csv": "text/csv; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "txt": plainText,
        "xml": "application/xml",
        "atom": "application/atom+xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/vnd.microsoft.icon",
        "pdf": "application/pdf",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "webmanifest": "application/manifest+json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip": "application/zip",
    ]
}
