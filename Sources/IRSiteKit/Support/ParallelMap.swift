import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, results in order. For pure, independent work on
    /// immutable values (decoding files, checking releases) inside synchronous code.
    func parallelMap<T: Sendable>(_ transform: (Element) -> T) -> [T] {
        let n = count
        guard n > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            // Each iteration initialises its own slot, exactly once: no two threads share memory.
            nonisolated(unsafe) let slots = buffer.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: n) { i in
                    (slots + i).initialize(to: transform(self[i]))
                }
            }
            initialized = n
        }
    }
}
