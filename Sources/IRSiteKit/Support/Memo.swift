import Synchronization

/// A process-wide table of results of a pure function, safe to share between
/// tasks. Past `limit` entries it starts again, so a long preview session's
/// memory stays bounded.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// The remembered value for `key`, or `make(key)`, remembered.
    func value(for key: Key, _ make: (Key) -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let value = make(key)
        table.withLock { t in
            if t.count >= limit { t.removeAll() }
            t[key] = value
        }
        return value
    }
}
