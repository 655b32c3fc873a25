import Synchronization

/// A value made once for a known number of users, then forgotten: a period's
/// figures, derived for its CSV and its JSON file, both made in the same build.
final class Handover<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: (value: Value, left: Int)]>([:])

    init() {}

    /// The value for `key`, made by `make` for the first of `uses` users and dropped after the last.
    func take(_ key: Key, uses: Int, _ make: () -> Value) -> Value {
        let known: Value? = table.withLock { t in
            guard let entry = t[key] else { return nil }
            if entry.left <= 1 { t[key] = nil } else { t[key] = (entry.value, entry.left - 1) }
            return entry.value
        }
        if let known { return known }
        let value = make()
        table.withLock { t in
            // Made twice at once: the other copy's users are served; nothing to keep.
            if t[key] != nil { t[key] = nil } else if uses > 1 { t[key] = (value, uses - 1) }
        }
        return value
    }
}
