/// A date with an optional time of day and UTC offset, as content writes it:
/// `2001-11-13`, `2001-11-13T15:00:00+09:00`, `2001-11-14T09:00:00-05:00`.
public struct Timestamp: Sendable, Hashable, CustomStringConvertible {
    public var date: CalendarDate
    /// Seconds after midnight, when a time was given.
    public var secondsOfDay: Int?
    /// Offset from UTC in seconds, when a time was given.
    public var utcOffset: Int?

    public init(date: CalendarDate, secondsOfDay: Int? = nil, utcOffset: Int? = nil) {
        self.date = date
        self.secondsOfDay = secondsOfDay
        self.utcOffset = utcOffset
    }

    /// Parses a date or an RFC 3339 date-time with a `Z` or `±hh:mm` offset.
    public init?(_ text: String) {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let first = parts.first, let date = CalendarDate(iso: first) else { return nil }
        self.date = date
        guard parts.count == 2 else { return }
        var rest = Substring(parts[1])
        var offset = 0
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[rest.index(after: signIndex)...].split(separator: ":")
            guard zone.count == 2, let h = Int(zone[0]), let m = Int(zone[1]), zone[0].count == 2, zone[1].count == 2, h < 24, m < 60 else { return nil }
            offset = (h * 3600 + m * 60) * (rest[signIndex] == "-" ? -1 : 1)
            rest = rest[..<signIndex]
        } else {
            return nil // a time without a zone is ambiguous for an embargo
        }
        // Two digits each, in range: a leap second (:60) has no place in the calendar the
        // pages count in, and would be written back as an invalid 24:00:00.
        let hms = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard hms.count == 2 || hms.count == 3, hms.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(hms[0]), let m = Int(hms[1]), h < 24, m < 60 else { return nil }
        let s = hms.count == 3 ? Int(hms[2]) : 0
        guard let s, s < 60 else { return nil }
        secondsOfDay = h * 3600 + m * 60 + s
        utcOffset = offset
    }

    /// Seconds since 1970-01-01T00:00:00Z; a date alone is taken at midnight at `defaultOffset`.
    public func epochSeconds(defaultOffset: Int = 0) -> Int {
        let days = Timestamp.daysFromCivil(date.year, date.month, date.day)
        return days * 86_400 + (secondsOfDay ?? 0) - (utcOffset ?? defaultOffset)
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `13:00 (UTC+09:00)` style time, when a time was given.
    public var timeText: String? {
        guard let secondsOfDay, let utcOffset else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = utcOffset < 0 ? "−" : "+"
        let o = abs(utcOffset)
        return "\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)) (UTC\(sign)\(two(o / 3600)):\(two(o / 60 % 60)))"
    }

    public var description: String {
        guard let secondsOfDay, let utcOffset else { return date.iso }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let o = abs(utcOffset)
        let zone = utcOffset == 0 ? "Z" : "\(utcOffset < 0 ? "-" : "+")\(two(o / 3600)):\(two(o / 60 % 60))"
        return "\(date.iso)T\(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60))\(zone)"
    }
}
