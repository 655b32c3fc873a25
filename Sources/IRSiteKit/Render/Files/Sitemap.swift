/// A sitemaps.org 0.9 `sitemap.xml`, and the `robots.txt` that points to it.
///
/// Every `<loc>` is absolute: the base URL joined with a site path through
/// `AbsoluteURL.join` (percent-encoded), then escaped for XML. Pages are listed
/// in input order; a URL listed twice is kept once (the first). `lastmod` is a
/// W3C Datetime: `2001-11-13` for a date, or the full date-time with its offset.
public struct Sitemap: Sendable, Hashable {
    /// The protocol's limit per file (and 50 MB uncompressed).
    public static let maxURLsPerFile = 50_000

    public struct Page: Sendable, Hashable {
        /// Site path (`releases/2001-q2/`).
        public var path: String
        public var lastModified: Timestamp?

        public init(path: String, lastModified: Timestamp? = nil) {
            self.path = path
            self.lastModified = lastModified
        }
    }

    public var baseURL: String
    public var pages: [Page]
    /// Offset for a `lastModified` that has a time but no offset.
    public var defaultUTCOffset: Int

    public init(baseURL: String, pages: [Page], defaultUTCOffset: Int = 0) {
        self.baseURL = baseURL
        self.pages = pages
        self.defaultUTCOffset = defaultUTCOffset
    }

    /// The absolute URLs, in order, without duplicates.
    public var locations: [(loc: String, lastModified: Timestamp?)] {
        var seen: Set<String> = []
        var result: [(loc: String, lastModified: Timestamp?)] = []
        for page in pages {
            let loc = AbsoluteURL.join(base: baseURL, path: page.path)
            if seen.insert(loc).inserted { result.append((loc, page.lastModified)) }
        }
        return result
    }

    /// The `urlset` document (UTF-8, LF line ends, final newline). The caller keeps
    /// a file under `maxURLsPerFile` URLs (split into several and list them with
    /// `index(baseURL:sitemapPaths:)` beyond that).
    public func render() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (loc, lastModified) in locations {
            out += "  <url>\n    <loc>\(PublishXML.text(loc))</loc>\n"
            if let lastModified {
                out += "    <lastmod>\(PublishTime.w3c(lastModified, defaultOffset: defaultUTCOffset))</lastmod>\n"
            }
            out += "  </url>\n"
        }
        return out + "</urlset>\n"
    }

    /// A sitemap index listing several sitemap files (site paths), for sites beyond one file's limit.
    public static func index(baseURL: String, sitemapPaths: [String]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in sitemapPaths {
            out += "  <sitemap>\n    <loc>\(PublishXML.text(AbsoluteURL.join(base: baseURL, path: path)))</loc>\n  </sitemap>\n"
        }
        return out + "</sitemapindex>\n"
    }

    /// A `robots.txt` (RFC 9309) that lets every crawler fetch everything and
    /// names the sitemap:
    ///
    ///     User-agent: *
    ///     Allow: /
    ///
    ///     Sitemap: https://ir.example.com/sitemap.xml
    ///
    /// With `allowCrawling: false` (a preview build) it disallows everything
    /// instead and names no sitemap. Control characters and whitespace are
    /// removed from the URL, so it cannot add a line of its own.
    public static func robotsTxt(sitemapURL: String, allowCrawling: Bool = true) -> String {
        guard allowCrawling else { return "User-agent: *\nDisallow: /\n" }
        let url = String(String.UnicodeScalarView(sitemapURL.unicodeScalars.filter {
            !($0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value))
        }))
        return "User-agent: *\nAllow: /\n\nSitemap: \(url)\n"
    }
}
