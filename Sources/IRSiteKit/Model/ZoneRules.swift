import Foundation

/// The site's time zone as rules: the UTC offset in force at any instant or
/// wall-clock time, across daylight-saving changes.
///
/// A date written alone in content means midnight in the site's zone *on that
/// date*, so every conversion asks the zone for the offset of that very moment,
/// never one offset for the whole year.
public struct ZoneRules: Sendable, Hashable {
    /// The IANA name (`Asia/Tokyo`, `America/New_York`).
    public let identifier: String
    // nil for an unknown name, which the loader reports; it then behaves as UTC.
    private let zone: TimeZone?

    public init(identifier: String) {
        self.identifier = identifier
        zone = TimeZone(identifier: identifier)
    }

    /// Whether the name is a zone this system knows.
    public var isKnown: Bool { zone != nil }

    /// The offset from UTC, in seconds, in force at `instant` (seconds since 1970).
    public func offset(at instant: Int) -> Int {
        zone?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) ?? 0
    }

    /// The offset in force at the wall-clock time `secondsOfDay` on `date`. A time
    /// repeated by a fall-back change takes its first occurrence; a time that a
    /// spring-forward change skips takes the offset before the change, so 02:30 on
    /// that day is read as 03:30 (as calendar programs do).
    public func offset(atLocal date: CalendarDate, secondsOfDay: Int = 0) -> Int {
        let local = Timestamp.daysFromCivil(date.year, date.month, date.day) * 86_400 + secondsOfDay
        // The offsets on either side of any change near this time; try the earlier first.
        let before = offset(at: local - 86_400), after = offset(at: local + 86_400)
        for candidate in [max(before, after), min(before, after)] where offset(at: local - candidate) == candidate {
            return candidate
        }
        return before
    }

    /// Seconds since 1970 of a timestamp; a date alone is midnight in this zone on that date.
    public func instant(_ t: Timestamp) -> Int {
        t.epochSeconds(defaultOffset: t.utcOffset == nil ? offset(atLocal: t.date, secondsOfDay: t.secondsOfDay ?? 0) : 0)
    }

    /// The timestamp with its time and offset spelt out: a date alone becomes
    /// midnight with the offset in force then (`2001-07-15` in New York:
    /// `2001-07-15T00:00:00-04:00`). Other timestamps are returned as they are.
    public func zoned(_ t: Timestamp) -> Timestamp {
        guard t.secondsOfDay == nil || t.utcOffset == nil else { return t }
        let seconds = t.secondsOfDay ?? 0
        return Timestamp(date: t.date, secondsOfDay: seconds, utcOffset: offset(atLocal: t.date, secondsOfDay: seconds))
    }

    /// The calendar date in this zone at `instant`.
    public func date(at instant: Int) -> CalendarDate {
        Timestamp.fromEpochSeconds(instant, utcOffset: offset(at: instant)).date
    }

    /// The first instant of the day after `date` in this zone (the exclusive end of an all-day event).
    public func endOfDay(_ date: CalendarDate) -> Int {
        instant(Timestamp(date: PublishTime.nextDay(date)))
    }
}
