import CCMarkGFM

/// Link and image URLs a page must never carry: `javascript:`, `vbscript:`, `file:` and
/// `data:` other than raster images, the schemes cmark-gfm itself blanks in safe mode.
///
/// With raw HTML allowed cmark renders such URLs as written (its `UNSAFE` option turns
/// off both filters), so rendering blanks them here, and the checks report each one as
/// an error at its place in the release.
enum CMarkLinkFilter {
    /// Whether `url` would run script or load a document a browser treats as active.
    /// Browsers ignore tabs and newlines anywhere in a URL and leading spaces or control
    /// characters, and schemes are case-insensitive: so is this test.
    static func isDangerous(_ url: String) -> Bool {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        let text = String(String.UnicodeScalarView(scalars.prefix(32))).lowercased()
        if text.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { text.hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { text.hasPrefix($0) }
    }

    /// The links and images under `root` whose URL is dangerous, in document order.
    static func dangerous(under root: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        CMarkTree.walk(root) { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, isDangerous(url(of: node)) { found.append(node) }
            return .descend
        }
        return found
    }

    /// Blanks every dangerous URL under `root`: the link stays as text, the image as its alt text.
    static func neutralise(under root: OpaquePointer) {
        for node in dangerous(under: root) { cmark_node_set_url(node, "") }
    }

    static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }
}
