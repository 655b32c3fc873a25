/// "Did you mean …?": the known name nearest a misspelt one.
///
/// Cheap enough to run once per unknown name on hostile input: names longer
/// than ``maximumLength`` get no suggestion, candidates whose length alone puts
/// them out of reach are skipped, and the edit distance is computed only near
/// the diagonal and stops as soon as it must exceed the allowed distance.
/// Names are compared as UTF-8 bytes: identifiers are ASCII, and bytes need no
/// conversion per candidate.
enum Suggestion {
    /// Longer names are not typos of an identifier; comparing them would only cost time.
    static let maximumLength = 64

    /// How many edits a name of `length` bytes may be from its suggestion.
    static func allowedDistance(forLength length: Int) -> Int { max(2, length / 3) }

    /// "; did you mean 'x'?" for the closest candidate, to end an "unknown …" message; empty when none is close.
    static func didYouMean(_ name: String, _ candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The candidate with the smallest edit distance within the allowed distance;
    /// ties go to the alphabetically first, so the answer does not depend on set order.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.utf8)
        guard target.count <= maximumLength else { return nil }
        let limit = allowedDistance(forLength: target.count)
        var rows = Rows(width: maximumLength + 1)
        var best: (name: String, distance: Int)?
        target.withUnsafeBufferPointer { a in
            for candidate in candidates {
                // The length difference is a lower bound on the distance: skip without comparing.
                let count = candidate.utf8.count
                guard count <= maximumLength, abs(count - a.count) <= limit else { continue }
                let bound = min(limit, best?.distance ?? limit)
                let distance = candidate.utf8.withContiguousStorageIfAvailable { editDistance(a, $0, limit: bound, rows: &rows) }
                    ?? Array(candidate.utf8).withUnsafeBufferPointer { editDistance(a, $0, limit: bound, rows: &rows) }
                guard let distance else { continue }
                if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.name) { continue }
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Two rows of the edit-distance table, allocated once per lookup.
    struct Rows {
        var previous: [Int]
        var current: [Int]
        init(width: Int) {
            previous = [Int](repeating: 0, count: width)
            current = previous
        }
    }

    /// Levenshtein distance between `a` and `b`, or nil when it is more than `limit`.
    /// Only cells within `limit` of the diagonal can stay within the limit, so only those are computed.
    static func editDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int, rows: inout Rows) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        let outside = limit + 1
        for j in 0...b.count { rows.previous[j] = j < outside ? j : outside }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            rows.current[0] = i < outside ? i : outside
            if low > 1 { rows.current[low - 1] = outside }
            var rowMinimum = rows.current[0]
            let ai = a[i - 1]
            for j in low...high {
                let substitution = rows.previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                let deletion = rows.previous[j] + 1
                let insertion = rows.current[j - 1] + 1
                // Two-argument comparisons: the variadic min allocates an array per cell in debug builds.
                var cell = substitution < deletion ? substitution : deletion
                if insertion < cell { cell = insertion }
                if outside < cell { cell = outside }
                rows.current[j] = cell
                if cell < rowMinimum { rowMinimum = cell }
            }
            if high < b.count { rows.current[high + 1] = outside }
            // Every later cell is at least this row's minimum.
            if rowMinimum > limit { return nil }
            swap(&rows.previous, &rows.current)
        }
        return rows.previous[b.count] <= limit ? rows.previous[b.count] : nil
    }
}
