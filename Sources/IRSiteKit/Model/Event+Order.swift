extension Event {
    /// Why an event cannot end at `end`, or nil when it ends at or after its start.
    /// Two date-times compare as instants; when either is a date alone (the whole day),
    /// by their dates, so a one-day event may end on the day it starts.
    static func orderProblem(start: Timestamp, end: Timestamp) -> String? {
        let before = start.secondsOfDay != nil && end.secondsOfDay != nil
            ? end.epochSeconds() < start.epochSeconds()
            : end.date < start.date
        return before ? "an event cannot end (\(end)) before it starts (\(start))" : nil
    }
}
