/// The financial calendar: every event announced by the releases a build
/// shows, with the instants that decide what is upcoming and when a quiet
/// period is in force. Pure: the build's "now" comes in as a value.
public struct FinancialCalendar: Sendable {
    public struct Entry: Sendable {
        public var event: Event
        public var release: Release
        /// A file-name-safe, stable name: `2001-11-14-conference-call-and-webcast`.
        public var slug: String
        public var start: Int
        /// Exclusive end instant, when known.
        public var end: Int?
        /// The last day, as people say it: the stated end, or for a quiet period the
        /// results day it leads up to; nil when open-ended.
        public var until: CalendarDate?
    }

    public let entries: [Entry]
    let settings: SiteSettings

    public init(site: Site) {
        settings = site.settings
        var entries: [Entry] = []
        var used: Set<String> = []
        for release in site.releases {
            for event in release.events {
                var slug = event.start.date.iso + "-" + Self.slugify(event.title)
                if !used.insert(slug).inserted {
                    var n = 2
                    while !used.insert("\(slug)-\(n)").inserted { n += 1 }
                    slug += "-\(n)"
                }
                let start = Publication.instant(event.start, site.settings)
                var end = Self.end(of: event, in: release, start: start, settings: site.settings)
                let until = event.end?.date ?? (event.kind == .quietPeriod ? Self.results(after: start, in: release, settings: site.settings)?.start.date : nil)
                if end == nil, event.kind == .quietPeriod {
                    // Announced "until the next release": it ends when a later release is out.
                    end = site.releases.filter { $0.period > release.period }.map { Publication.instant($0.released, site.settings) }.min()
                }
                entries.append(Entry(event: event, release: release, slug: slug, start: start, end: end, until: until))
            }
        }
        self.entries = entries.sorted { ($0.start, $0.slug) < ($1.start, $1.slug) }
    }

    /// An event's end: stated; for a quiet period without one, the results
    /// event it leads up to (the end of that day); for a day event, the next midnight.
    static func end(of event: Event, in release: Release, start: Int, settings: SiteSettings) -> Int? {
        if let end = event.end { return endInstant(end, settings) }
        if event.kind == .quietPeriod {
            return results(after: start, in: release, settings: settings).map { endInstant($0.start, settings) }
        }
        return event.start.secondsOfDay == nil ? settings.zone.endOfDay(event.start.date) : nil
    }

    /// The release's first results event at or after `start`: where a quiet period ends.
    static func results(after start: Int, in release: Release, settings: SiteSettings) -> Event? {
        release.events.filter { $0.kind == .results && Publication.instant($0.start, settings) >= start }
            .min { Publication.instant($0.start, settings) < Publication.instant($1.start, settings) }
    }

    /// A date alone ends at the following midnight (23 or 25 hours later on a
    /// daylight-saving change); a date-time at itself.
    static func endInstant(_ t: Timestamp, _ settings: SiteSettings) -> Int {
        t.secondsOfDay == nil ? settings.zone.endOfDay(t.date) : Publication.instant(t, settings)
    }

    /// Lower-case ASCII letters, digits and single hyphens: safe in any path.
    public static func slugify(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String((slug.isEmpty ? "event" : slug).prefix(60))
    }

    /// Upcoming events (not quiet periods), soonest first.
    public func upcoming(now: Int) -> [Entry] {
        entries.filter { $0.event.kind != .quietPeriod && $0.start >= now }
    }

    /// The quiet period in force at `now`, if any.
    public func quietPeriod(at now: Int) -> Entry? {
        entries.last { $0.event.kind == .quietPeriod && $0.start <= now && ($0.end.map { now < $0 } ?? true) }
    }
}
