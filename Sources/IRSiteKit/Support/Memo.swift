import Foundation
import Synchronization

/// A process-wide table of results of a pure function, safe to share between
/// tasks. Past `limit` entries it starts again, so a long preview session's
/// memory stays bounded.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    /// Keys asked for since the table was made, when it keeps track (what a build used).
    private let used: Mutex<Set<Key>>?
    let limit: Int

    init(limit: Int, tracksUse: Bool = false) {
        self.limit = limit
        used = tracksUse ? Mutex([]) : nil
    }

    /// The remembered value for `key`, or `make(key)`, remembered.
    func value(for key: Key, _ make: (Key) -> Value) -> Value {
        used?.withLock { _ = $0.insert(key) }
        if let known = table.withLock({ $0[key] }) { return known }
        let value = make(key)
        table.withLock { t in
            if t.count >= limit { t.removeAll() }
            t[key] = value
        }
        return value
    }

    /// Remembers `value` for `key` without counting it as used (a value read back from disk).
    func insert(_ value: Value, for key: Key) {
        table.withLock { t in
            if t.count >= limit { t.removeAll() }
            t[key] = value
        }
    }

    /// The remembered value for `key`, if any, without making one.
    func peek(_ key: Key) -> Value? { table.withLock { $0[key] } }

    /// The entries asked for (``value(for:_:)``) that the table still holds; empty unless it tracks use.
    func usedEntries() -> [Key: Value] {
        let keys = used?.withLock { $0 } ?? []
        return table.withLock { t in
            var out: [Key: Value] = Dictionary(minimumCapacity: keys.count)
            for key in keys { if let value = t[key] { out[key] = value } }
            return out
        }
    }
}

/// A text as a table key, hashed and compared by its UTF-8 bytes. `String`'s own
/// hashing normalises Unicode first, which for whole release files costs more
/// than the work a table saves; texts that differ only in normalisation simply miss.
struct TextKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: TextKey, b: TextKey) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
