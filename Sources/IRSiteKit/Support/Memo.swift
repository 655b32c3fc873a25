import Foundation
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
