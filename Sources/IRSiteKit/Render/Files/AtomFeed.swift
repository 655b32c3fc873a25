/// An Atom 1.0 feed (RFC 4287) of the site's releases: `feed.xml`.
///
/// Pure and deterministic: every date comes from the input, entries are
/// ordered by a total order on the input, and the same value renders the same
/// bytes.
///
/// Choices:
/// - Timestamps are RFC 3339 in the offset they were written in
///   (`2001-11-13T15:00:00+09:00`; `Z` when the offset is zero), so the feed
///   shows the release's own local time. A `Timestamp` that is a date alone is
///   written as midnight at `defaultUTCOffset` (the caller passes the site's
///   offset; for a zone with daylight saving, complete such timestamps before).
/// - The feed's `updated` is the latest `updated` among the entries it contains
///   (by instant); `updatedWhenEmpty` only when there is no entry.
/// - Entries are listed most recently updated first (ties: most recently
///   published, then `id`), and `maxEntries` keeps the newest ones.
/// - Links are absolute: the feed joins `baseURL` with site paths through
///   `AbsoluteURL.join`, so a relative URL cannot slip into the feed.
/// - All text is escaped for XML; characters XML 1.0 forbids are dropped.
public struct AtomFeed: Sendable, Hashable {
    /// The feed's or an entry's author.
    public struct Person: Sendable, Hashable {
        public var name: String
        public var uri: String?
        public var email: String?

        public init(name: String, uri: String? = nil, email: String? = nil) {
            self.name = name
            self.uri = uri
            self.email = email
        }
    }

    /// `<category term=… label=… scheme=…/>`.
    public struct Category: Sendable, Hashable {
        public var term: String
        public var label: String?
        public var scheme: String?

        public init(term: String, label: String? = nil, scheme: String? = nil) {
            self.term = term
            self.label = label
            self.scheme = scheme
        }
    }

    /// One release.
    public struct Entry: Sendable, Hashable {
        /// Permanent id: see `AtomFeed.releaseID(authority:period:periodEnd:)`.
        public var id: String
        public var title: String
        /// When the release was first published.
        public var published: Timestamp
        /// When it last changed (its latest correction), else `published`.
        public var updated: Timestamp
        /// Site path of the release page (`releases/2001-q2/`), joined to the base URL.
        public var path: String
        /// Plain text; markup would be shown literally.
        public var summary: String
        public var categories: [Category]

        public init(id: String, title: String, published: Timestamp, updated: Timestamp? = nil,
                    path: String, summary: String, categories: [Category] = []) {
            self.id = id
            self.title = title
            self.published = published
            self.updated = updated ?? published
            self.path = path
            self.summary = summary
            self.categories = categories
        }
    }

    /// The feed's permanent id (see `feedID(baseURL:)`).
    public var id: String
    public var title: String
    public var subtitle: String?
    /// The site's root URL (`https://ir.example.com/`).
    public var baseURL: String
    /// Site path of the feed itself (the `rel="self"` link).
    public var feedPath: String
    /// Site path of the HTML page the feed mirrors (the `rel="alternate"` link); `""` is the home page.
    public var alternatePath: String
    /// The company.
    public var author: Person
    /// `xml:lang` of the feed (`en`), when known.
    public var language: String?
    public var entries: [Entry]
    /// Keep only the newest entries (by `updated`); nil keeps all.
    public var maxEntries: Int?
    /// Offset for timestamps that are a date alone.
    public var defaultUTCOffset: Int
    /// The feed's `updated` when it has no entry.
    public var updatedWhenEmpty: Timestamp

    public init(id: String, title: String, subtitle: String? = nil, baseURL: String,
                feedPath: String = "feed.xml", alternatePath: String = "", author: Person,
                language: String? = nil, entries: [Entry], maxEntries: Int? = nil,
                defaultUTCOffset: Int = 0,
                updatedWhenEmpty: Timestamp = Timestamp(date: CalendarDate(year: 1970, month: 1, day: 1), secondsOfDay: 0, utcOffset: 0)) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.baseURL = baseURL
        self.feedPath = feedPath
        self.alternatePath = alternatePath
        self.author = author
        self.language = language
        self.entries = entries
        self.maxEntries = maxEntries
        self.defaultUTCOffset = defaultUTCOffset
        self.updatedWhenEmpty = updatedWhenEmpty
    }

    // MARK: Ids

    /// A release's permanent entry id, an RFC 4151 `tag:` URI:
    /// `tag:ir.example.com,2001:releases/2001-q2`.
    ///
    /// - The specific part is the fiscal period's id, the release's identity on
    ///   this site (one release per period; its folder `releases/2001-q2/`), so
    ///   the id survives a retitled release, a corrected date or a new URL layout.
    /// - The date is the calendar year the period ends in. A release comes out
    ///   after its period ends, so the date is never later than the moment the
    ///   id is first published (RFC 4151 wants a date at which the tagging
    ///   entity owned the authority), and it depends on nothing but the period
    ///   and the fiscal calendar: adding older releases to the archive, or
    ///   moving a release date, never changes it. (The fiscal year itself would
    ///   not do: a fiscal year named for the year it ends in is in the future
    ///   when its first quarters are published.)
    /// - `authority` is a domain the company owns, normally the base URL's host
    ///   (`AbsoluteURL.host(of:)`); keep it fixed if the site ever moves, so ids do not change.
    public static func releaseID(authority: String, period: FiscalPeriod, periodEnd: CalendarDate) -> String {
        "tag:\(authority.lowercased()),\(PublishTime.pad(periodEnd.year, 4)):releases/\(period.id)"
    }

    /// The recommended feed id: the site's root URL (`https://ir.example.com/`),
    /// stable for as long as the site keeps its address.
    public static func feedID(baseURL: String) -> String {
        AbsoluteURL.join(base: baseURL, path: "")
    }

    // MARK: Rendering

    /// The entries as the feed lists them: most recently updated first, at most
    /// `maxEntries`; an `updated` earlier than `published` is raised to `published`.
    public var orderedEntries: [Entry] {
        let offset = defaultUTCOffset
        let keyed = entries.map { entry in
            let published = PublishTime.instant(entry.published, defaultOffset: offset)
            var entry = entry
            // An entry is never updated before it was published.
            if PublishTime.instant(entry.updated, defaultOffset: offset) < published { entry.updated = entry.published }
            return (entry: entry, updated: PublishTime.instant(entry.updated, defaultOffset: offset), published: published)
        }
        let sorted = keyed.sorted { a, b in
            if a.updated != b.updated { return a.updated > b.updated }
            if a.published != b.published { return a.published > b.published }
            if a.entry.id != b.entry.id { return a.entry.id.unicodeScalars.lexicographicallyPrecedes(b.entry.id.unicodeScalars) }
            return a.entry.title.unicodeScalars.lexicographicallyPrecedes(b.entry.title.unicodeScalars)
        }.map(\.entry)
        if let maxEntries { return Array(sorted.prefix(max(0, maxEntries))) }
        return sorted
    }

    /// The feed's `updated`: the newest entry's `updated`, written in that entry's offset.
    public var updated: Timestamp {
        orderedEntries.first?.updated ?? updatedWhenEmpty
    }

    /// The feed document, UTF-8 XML with LF line ends and a final newline.
    public func render() -> String {
        let x = PublishXML.self
        let entries = orderedEntries
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\""
        if let language { out += " xml:lang=\"\(x.attribute(language))\"" }
        out += ">\n"
        out += "  <id>\(x.text(id))</id>\n"
        out += "  <title type=\"text\">\(x.text(title))</title>\n"
        if let subtitle { out += "  <subtitle type=\"text\">\(x.text(subtitle))</subtitle>\n" }
        out += "  <updated>\(time(entries.first?.updated ?? updatedWhenEmpty))</updated>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(x.attribute(AbsoluteURL.join(base: baseURL, path: feedPath)))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(x.attribute(AbsoluteURL.join(base: baseURL, path: alternatePath)))\"/>\n"
        out += person("author", author, indent: "  ")
        for entry in entries {
            out += "  <entry>\n"
            out += "    <id>\(x.text(entry.id))</id>\n"
            out += "    <title type=\"text\">\(x.text(entry.title))</title>\n"
            out += "    <updated>\(time(entry.updated))</updated>\n"
            out += "    <published>\(time(entry.published))</published>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(x.attribute(AbsoluteURL.join(base: baseURL, path: entry.path)))\"/>\n"
            out += "    <summary type=\"text\">\(x.text(entry.summary))</summary>\n"
            for category in entry.categories {
                out += "    <category term=\"\(x.attribute(category.term))\""
                if let scheme = category.scheme { out += " scheme=\"\(x.attribute(scheme))\"" }
                if let label = category.label { out += " label=\"\(x.attribute(label))\"" }
                out += "/>\n"
            }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    private func time(_ t: Timestamp) -> String {
        PublishTime.rfc3339(t, defaultOffset: defaultUTCOffset)
    }

    private func person(_ element: String, _ p: Person, indent: String) -> String {
        var out = "\(indent)<\(element)>\n\(indent)  <name>\(PublishXML.text(p.name))</name>\n"
        if let uri = p.uri { out += "\(indent)  <uri>\(PublishXML.text(uri))</uri>\n" }
        if let email = p.email { out += "\(indent)  <email>\(PublishXML.text(email))</email>\n" }
        return out + "\(indent)</\(element)>\n"
    }
}
