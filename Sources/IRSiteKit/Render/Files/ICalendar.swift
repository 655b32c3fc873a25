/// An iCalendar (RFC 5545) file with one or several events: what a reader
/// adds to their calendar from the financial-calendar page.
///
/// - `VCALENDAR` with `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`.
/// - Timed events (a start with a time of day) print `DTSTART`/`DTEND` as UTC
///   date-times, converted from the timestamp's own offset: a call at
///   2001-11-14T09:00:00-05:00 is `DTSTART:20011114T140000Z`. UTC needs no
///   `VTIMEZONE` and every client reads it the same way.
/// - All-day events (a start that is a date alone) print `VALUE=DATE`; `DTEND`
///   is exclusive, the day after the last day.
/// - `DTSTAMP` comes from the input (never the clock), in UTC.
/// - TEXT values (`SUMMARY`, `DESCRIPTION`, `LOCATION`, `UID`) escape `\`,
///   `;`, `,` and line breaks (`\n`); other control characters but tab are dropped.
/// - Lines end with CRLF and are folded at 75 octets (a continuation line
///   starts with one space), never inside a UTF-8 sequence.
public struct ICalendar: Sendable, Hashable {
    public struct Event: Sendable, Hashable {
        /// Permanent and globally unique (see `ICalendar.uid(slug:domain:)`), so a
        /// re-imported event updates the copy in the reader's calendar.
        public var uid: String
        /// When this description of the event was made (the release's `updated`, say).
        public var stamp: Timestamp
        /// With a time of day: a timed event. A date alone: an all-day event.
        public var start: Timestamp
        /// Timed: the end instant (a date alone means the midnight after it, at the
        /// start's offset). All-day: the last day, inclusive. Nil: see `duration`.
        public var end: Timestamp?
        /// Timed events without `end`: the length in seconds. With neither, no
        /// `DTEND` is written (RFC 5545: the event ends when it starts). All-day
        /// events without `end` last one day.
        public var duration: Int?
        public var summary: String
        public var description: String?
        public var url: String?
        public var location: String?
        /// Revision number, raised when a published event changes.
        public var sequence: Int?

        public init(uid: String, stamp: Timestamp, start: Timestamp, end: Timestamp? = nil, duration: Int? = nil,
                    summary: String, description: String? = nil, url: String? = nil, location: String? = nil,
                    sequence: Int? = nil) {
            self.uid = uid
            self.stamp = stamp
            self.start = start
            self.end = end
            self.duration = duration
            self.summary = summary
            self.description = description
            self.url = url
            self.location = location
            self.sequence = sequence
        }

        public var isAllDay: Bool { start.secondsOfDay == nil }
    }

    public var productID: String
    /// `X-WR-CALNAME`, the name clients show for the calendar, when given.
    public var name: String?
    public var events: [Event]
    /// Offset for a time given without one.
    public var defaultUTCOffset: Int

    public init(productID: String = "-//IRSite//IRSite//EN", name: String? = nil, events: [Event], defaultUTCOffset: Int = 0) {
        self.productID = productID
        self.name = name
        self.events = events
        self.defaultUTCOffset = defaultUTCOffset
    }

    /// A stable UID from a name unique on the site (the calendar's slug) and a
    /// domain the company owns: `2001-11-14-conference-call-and-webcast@ir.example.com`.
    public static func uid(slug: String, domain: String) -> String {
        "\(slug)@\(domain.lowercased())"
    }

    /// The `.ics` text, CRLF line ends, folded.
    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ICalendar.text(productID),
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines.append("X-WR-CALNAME:" + ICalendar.text(name)) }
        for event in events { lines += self.lines(of: event) }
        lines.append("END:VCALENDAR")
        var out = ""
        for line in lines { out += ICalendar.fold(line) }
        return out
    }

    private func lines(of event: Event) -> [String] {
        let offset = defaultUTCOffset
        var lines = ["BEGIN:VEVENT", "UID:" + ICalendar.text(event.uid),
                     "DTSTAMP:" + PublishTime.icsUTC(PublishTime.instant(event.stamp, defaultOffset: offset))]
        if let sequence = event.sequence { lines.append("SEQUENCE:\(max(0, sequence))") }
        if event.isAllDay {
            let first = event.start.date
            let last = max(first, event.end?.date ?? first)
            lines.append("DTSTART;VALUE=DATE:" + PublishTime.icsDate(first))
            lines.append("DTEND;VALUE=DATE:" + PublishTime.icsDate(PublishTime.nextDay(last)))
        } else {
            let startOffset = event.start.utcOffset ?? offset
            let start = PublishTime.instant(event.start, defaultOffset: offset)
            var end: Int?
            if let e = event.end {
                end = e.secondsOfDay == nil
                    ? Timestamp(date: PublishTime.nextDay(e.date), secondsOfDay: 0, utcOffset: startOffset).epochSeconds()
                    : PublishTime.instant(e, defaultOffset: offset)
            } else if let duration = event.duration {
                end = start + duration
            }
            lines.append("DTSTART:" + PublishTime.icsUTC(start))
            if let end, end > start { lines.append("DTEND:" + PublishTime.icsUTC(end)) }
        }
        lines.append("SUMMARY:" + ICalendar.text(event.summary))
        if let d = event.description { lines.append("DESCRIPTION:" + ICalendar.text(d)) }
        if let l = event.location { lines.append("LOCATION:" + ICalendar.text(l)) }
        if let u = event.url { lines.append("URL:" + ICalendar.uri(u)) }
        lines.append("END:VEVENT")
        return lines
    }

    /// A TEXT value (RFC 5545 §3.3.11).
    static func text(_ s: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }  // CR LF is one break
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A URI value: not TEXT-escaped; control characters are dropped and spaces encoded.
    static func uri(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            if scalar == " " { out += "%20" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// One content line with its CRLF, folded so no physical line exceeds 75 octets
    /// (continuations start with a space, which counts), splitting only between
    /// Unicode scalars so a multi-byte character is never cut.
    static func fold(_ line: String) -> String {
        var out = ""
        var used = 0 // octets on the current physical line
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > 75 {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out + "\r\n"
    }

    /// Undoes `fold` (and any RFC 5545 folding): CRLF followed by a space or tab is removed.
    static func unfold(_ text: String) -> String {
        var out = [UInt8]()
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 2 < bytes.count, bytes[i + 1] == 0x0A, bytes[i + 2] == 0x20 || bytes[i + 2] == 0x09 {
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
