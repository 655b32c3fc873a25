/// Reads what ``BinaryWriter`` wrote; anything out of place throws, never traps.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    /// Where this reader stops: a section is read in place, never copied out of the file's bytes.
    private let end: Int
    private(set) var offset: Int
    private var strings: [String] = []

    /// Reads `bytes` from `offset` up to `end` (the end of `bytes` when nil).
    init(_ bytes: [UInt8], from offset: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.end = min(max(end ?? bytes.count, 0), bytes.count)
        self.offset = min(max(offset, 0), self.end)
    }

    var isAtEnd: Bool { offset == end }

    mutating func int() throws -> Int {
        guard end - offset >= 8 else { throw Malformed() }
        let v = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        offset += 8
        return Int(Int64(bitPattern: v))
    }

    /// A count of things that each take at least one byte: never more than what is left.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - offset else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func int128() throws -> Int128 {
        let low = UInt64(UInt(bitPattern: try int()))
        let high = Int64(try int())
        return Int128(high) << 64 | Int128(low)
    }

    mutating func string() throws -> String {
        let index = try int()
        if index >= 0 {
            guard index < strings.count else { throw Malformed() }
            return strings[index]
        }
        guard index == -1 else { throw Malformed() }
        let s = try raw()
        strings.append(s)
        return s
    }

    mutating func raw() throws -> String {
        let n = try count()
        defer { offset += n }
        return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
    }

    mutating func fingerprint() throws -> Fingerprint {
        let a = UInt64(UInt(bitPattern: try int())), b = UInt64(UInt(bitPattern: try int()))
        return Fingerprint(words: (a, b))
    }

    mutating func skip(_ n: Int) throws {
        guard n >= 0, n <= end - offset else { throw Malformed() }
        offset += n
    }

    /// The digest of the bytes from `offset` to the end, hashed in place.
    var restDigest: Fingerprint {
        bytes.withUnsafeBytes { raw in
            var f = Fingerprint()
            f.add(UnsafeRawBufferPointer(rebasing: raw[offset..<end]))
            return f
        }
    }

    /// How many bytes are left.
    var remaining: Int { end - offset }
}
