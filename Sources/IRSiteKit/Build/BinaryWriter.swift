/// The persistent build cache's encoding: little-endian 64-bit integers and
/// strings written once each (later uses name them by index), so that the many
/// source locations of one period file share their path. Hand-written for the
/// few types the cache holds: it reads back several times faster than YAML, and
/// nothing in it depends on Foundation's coders.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    private var strings: [String: Int] = [:]

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value)).littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func int128(_ value: Int128) {
        int(Int(truncatingIfNeeded: value))
        int(Int(truncatingIfNeeded: value >> 64))
    }

    /// A string the first time as -1, its length and its UTF-8 bytes; afterwards as its index.
    mutating func string(_ value: String) {
        if let index = strings[value] {
            int(index)
            return
        }
        strings[value] = strings.count
        int(-1)
        raw(value)
    }

    /// A string written out in full, never shared (the header).
    mutating func raw(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func fingerprint(_ value: Fingerprint) {
        int(Int(bitPattern: UInt(value.words.0)))
        int(Int(bitPattern: UInt(value.words.1)))
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}
