/// Time arithmetic and formats for the generators. A `Timestamp` without a
/// time is midnight; one without a UTC offset is taken at `defaultOffset`.
enum PublishTime {
    /// Seconds since 1970-01-01T00:00:00Z.
    static func instant(_ t: Timestamp, defaultOffset: Int) -> Int {
        t.epochSeconds(defaultOffset: defaultOffset)
    }

    /// RFC 3339 date-time in the timestamp's own offset (`2001-11-13T15:00:00+09:00`,
    /// `Z` for UTC). A date alone is written as midnight at `defaultOffset`.
    static func rfc3339(_ t: Timestamp, defaultOffset: Int) -> String {
        let offset = t.secondsOfDay == nil ? defaultOffset : (t.utcOffset ?? defaultOffset)
        let s = t.secondsOfDay ?? 0
        return "\(t.date.iso)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))\(zone(offset))"
    }

    /// W3C Datetime (the sitemap's `lastmod`): `2001-11-13` for a date alone,
    /// the RFC 3339 date-time otherwise.
    static func w3c(_ t: Timestamp, defaultOffset: Int) -> String {
        t.secondsOfDay == nil ? t.date.iso : rfc3339(t, defaultOffset: defaultOffset)
    }

    /// `Z` or `±hh:mm`.
    static func zone(_ offset: Int) -> String {
        if offset == 0 { return "Z" }
        let o = abs(offset)
        return "\(offset < 0 ? "-" : "+")\(two(o / 3600)):\(two(o / 60 % 60))"
    }

    /// RFC 5545 UTC date-time of an instant: `20011114T140000Z`.
    static func icsUTC(_ epochSeconds: Int) -> String {
        let days = floorDiv(epochSeconds, 86_400)
        let s = epochSeconds - days * 86_400
        let d = civil(fromDays: days)
        return "\(icsDate(d))T\(two(s / 3600))\(two(s / 60 % 60))\(two(s % 60))Z"
    }

    /// RFC 5545 DATE: `20011114`.
    static func icsDate(_ d: CalendarDate) -> String {
        "\(pad(d.year, 4))\(two(d.month))\(two(d.day))"
    }

    /// The day after `d` (proleptic Gregorian).
    static func nextDay(_ d: CalendarDate) -> CalendarDate {
        civil(fromDays: Timestamp.daysFromCivil(d.year, d.month, d.day) + 1)
    }

    /// Howard Hinnant's civil-from-days, the inverse of `Timestamp.daysFromCivil`.
    static func civil(fromDays z0: Int) -> CalendarDate {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Timestamp {
    /// The instant `epochSeconds` (seconds since 1970-01-01T00:00:00Z) as a
    /// date-time at `utcOffset` seconds from UTC: turns the instants the
    /// financial calendar computes back into timestamps for the generators.
    public static func fromEpochSeconds(_ epochSeconds: Int, utcOffset: Int = 0) -> Timestamp {
        let local = epochSeconds + utcOffset
        let days = PublishTime.floorDiv(local, 86_400)
        return Timestamp(date: PublishTime.civil(fromDays: days), secondsOfDay: local - days * 86_400, utcOffset: utcOffset)
    }
}
