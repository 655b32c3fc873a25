import Synchronization

/// The footed translation and "% of" columns of a build, by layout, measure and
/// period: each is footed once, and the checks (which report what footing found)
/// and the derived tables (which print it) read the same result. Owned by a
/// ``FactBook`` (shared with the published site's book when it prints the same
/// figures), so it lives as long as the build.
final class FootingCache: Sendable {
    /// A (layout, measure, period) column.
    struct Key: Hashable, Sendable {
        var layout: String
        var show: Column.Show
        var period: FiscalPeriod
    }

    /// One footed column: the printed units of each footed line, and the relations
    /// that no rounding explains.
    struct Report: Sendable {
        /// The slot of each footed line (the layout plan's).
        let slots: [String: Int]
        /// Printed units by slot; nil where the line has no value.
        let printed: [Int128?]
        let implausible: [Footing.Implausible]

        /// The printed units of `line`, if it is footed and has a value.
        func printed(_ line: String) -> Int128? {
            slots[line].flatMap { printed[$0] }
        }

        /// Every footed line's printed units, by line id.
        var byLine: [String: Int128] {
            var out: [String: Int128] = [:]
            for (line, slot) in slots { if let p = printed[slot] { out[line] = p } }
            return out
        }
    }

    private let reports = Mutex<[Key: Report]>([:])

    /// The report for `key`, computed by `foot` on first use (outside the lock: footing a
    /// column can foot another layout's column first).
    func report(_ key: Key, _ foot: () -> Report) -> Report {
        if let known = reports.withLock({ $0[key] }) { return known }
        let result = foot()
        reports.withLock { $0[key] = result }
        return result
    }

    /// How many columns have been footed (tests check that none is footed twice).
    var held: Int { reports.withLock { $0.count } }
}
