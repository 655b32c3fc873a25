/// A stable 128-bit digest of build inputs (two FNV-1a lanes over the bytes).
/// Not cryptographic: it tells whether an input changed between two builds, and
/// unlike Swift's `Hasher` it is the same in every process, so it can be stored.
public struct Fingerprint: Sendable, Hashable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    public init() {}

    /// The two lanes, to store a digest (``BinaryWriter``).
    var words: (UInt64, UInt64) { (a, b) }

    /// A digest read back from storage.
    init(words: (UInt64, UInt64)) {
        a = words.0
        b = words.1
    }

    /// Adds the bytes of `text`, then its length, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ text: String) {
        var text = text
        let count = text.withUTF8 { bytes in
            add(bytes)
            return bytes.count
        }
        add(count)
    }

    public mutating func add(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        withUnsafeBytes(of: &v) { add($0) }
    }

    public mutating func add(_ other: Fingerprint) {
        add(Int(bitPattern: UInt(other.a)))
        add(Int(bitPattern: UInt(other.b)))
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var a = self.a, b = self.b
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 ^ (b >> 29)
        }
        self.a = a
        self.b = b
    }

    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { add(UnsafeRawBufferPointer(bytes)) }

    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    /// The digest of one string.
    public static func of(_ text: String) -> Fingerprint {
        var f = Fingerprint()
        f.add(text)
        return f
    }

    /// The digest of some bytes.
    public static func of(bytes: [UInt8]) -> Fingerprint {
        var f = Fingerprint()
        f.add(bytes)
        return f
    }

    /// 32 hexadecimal digits.
    public var hex: String {
        func digits(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return digits(a) + digits(b)
    }
}
