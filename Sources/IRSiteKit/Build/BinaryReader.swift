/// Reads what ``BinaryWriter`` wrote; anything out of place throws, never traps.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    private var strings: [String] = []

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws -> Int {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        var v: UInt64 = 0
        for i in (0..<8).reversed() { v = v << 8 | UInt64(bytes[offset + i]) }
        offset += 8
        return Int(Int64(bitPattern: v))
    }

    /// A count of things that each take at least one byte: never more than what is left.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - offset else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
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
        guard n >= 0, n <= bytes.count - offset else { throw Malformed() }
        offset += n
    }

    /// The bytes from `offset` to the end.
    var rest: ArraySlice<UInt8> { bytes[offset...] }
}
