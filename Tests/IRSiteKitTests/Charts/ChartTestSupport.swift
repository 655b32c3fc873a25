import Foundation
import IRSiteTestSupport
import XCTest

/// Where chart goldens live and how to run the external checkers.
enum ChartFixtures {
    static var directory: URL { Paths.fixtures.appendingPathComponent("charts") }
    static var updating: Bool { ProcessInfo.processInfo.environment["IRSITE_UPDATE_GOLDENS"] == "1" }
}


/// A decoded 8-bit RGB or RGBA PNG (what rsvg-convert writes), enough to
/// check a rendering is not blank; with its own DEFLATE decoder so the tests
/// need no image library.
struct ChartPNG {
    let width: Int
    let height: Int
    /// RGBA, row by row.
    let pixels: [UInt8]

    enum Failure: Error { case notPNG, unsupported(String), corrupt(String) }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, bytes[0..<8].elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else { throw Failure.notPNG }
        var offset = 8
        var idat: [UInt8] = []
        var header: (width: Int, height: Int, depth: UInt8, color: UInt8, interlace: UInt8)?
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        while offset + 8 <= bytes.count {
            let length = be32(offset)
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let data = offset + 8
            guard data + length + 4 <= bytes.count else { throw Failure.corrupt("chunk \(type) overruns the file") }
            if type == "IHDR" {
                header = (be32(data), be32(data + 4), bytes[data + 8], bytes[data + 9], bytes[data + 12])
            } else if type == "IDAT" {
                idat += bytes[data..<data + length]
            } else if type == "IEND" {
                break
            }
            offset = data + length + 4
        }
        guard let header else { throw Failure.corrupt("no IHDR") }
        guard header.depth == 8, header.color == 6 || header.color == 2, header.interlace == 0 else {
            throw Failure.unsupported("depth \(header.depth), colour type \(header.color), interlace \(header.interlace)")
        }
        let channels = header.color == 6 ? 4 : 3
        let raw = try ChartInflate.zlib(idat)
        let stride = header.width * channels
        guard raw.count >= header.height * (stride + 1) else { throw Failure.corrupt("short image data") }
        var out = [UInt8](repeating: 0, count: header.width * header.height * 4)
        var previous = [UInt8](repeating: 0, count: stride)
        var current = [UInt8](repeating: 0, count: stride)
        for y in 0..<header.height {
            let rowStart = y * (stride + 1)
            let filter = raw[rowStart]
            for i in 0..<stride {
                let x = raw[rowStart + 1 + i]
                let a = i >= channels ? Int(current[i - channels]) : 0
                let b = Int(previous[i])
                let c = i >= channels ? Int(previous[i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure.corrupt("filter \(filter)")
                }
                current[i] = UInt8(truncatingIfNeeded: Int(x) + predictor)
            }
            for px in 0..<header.width {
                let o = (y * header.width + px) * 4
                out[o] = current[px * channels]
                out[o + 1] = current[px * channels + 1]
                out[o + 2] = current[px * channels + 2]
                out[o + 3] = channels == 4 ? current[px * channels + 3] : 255
            }
            swap(&previous, &current)
        }
        width = header.width
        height = header.height
        pixels = out
    }

    /// Pixels (composited on white) that are not white.
    var inkedPixels: Int {
        var count = 0
        for i in stride(from: 0, to: pixels.count, by: 4) where pixels[i + 3] > 16 {
            if pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240 { count += 1 }
        }
        return count
    }

    /// Opaque pixels of `#RRGGBB`, or of it mixed with up to `maxWhite` white
    /// (a textured bar), within `tolerance` per channel.
    func pixels(near hex: String, maxWhite: Double = 0.5, tolerance: Double = 8) -> Int {
        let v = Int(hex.dropFirst(), radix: 16)!
        let colour = [Double(v >> 16 & 255), Double(v >> 8 & 255), Double(v & 255)]
        let darkest = colour.indices.min { colour[$0] < colour[$1] }!
        var count = 0
        for i in stride(from: 0, to: pixels.count, by: 4) where pixels[i + 3] > 250 {
            let p = [Double(pixels[i]), Double(pixels[i + 1]), Double(pixels[i + 2])]
            let white = (p[darkest] - colour[darkest]) / (255 - colour[darkest])
            guard white >= -0.05, white <= maxWhite else { continue }
            if (0..<3).allSatisfy({ abs(colour[$0] + white * (255 - colour[$0]) - p[$0]) <= tolerance }) { count += 1 }
        }
        return count
    }
}

/// DEFLATE (RFC 1951) in a zlib wrapper (RFC 1950), after Mark Adler's puff.c.
enum ChartInflate {
    struct Failure: Error { let reason: String }

    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(lengths: ArraySlice<Int>) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    struct Reader {
        let data: [UInt8]
        var position = 0
        var bitBuffer = 0
        var bitCount = 0

        mutating func bits(_ need: Int) throws -> Int {
            var value = bitBuffer
            while bitCount < need {
                guard position < data.count else { throw Failure(reason: "out of input") }
                value |= Int(data[position]) << bitCount
                position += 1
                bitCount += 8
            }
            bitBuffer = value >> need
            bitCount -= need
            return value & ((1 << need) - 1)
        }

        mutating func decode(_ h: Huffman) throws -> Int {
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try bits(1)
                let count = h.counts[length]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw Failure(reason: "bad code")
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func zlib(_ data: [UInt8]) throws -> [UInt8] {
        guard data.count > 2, data[0] & 0x0F == 8 else { throw Failure(reason: "not zlib/deflate") }
        return try raw(Array(data.dropFirst(2)))
    }

    static func raw(_ data: [UInt8]) throws -> [UInt8] {
        var r = Reader(data: data)
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 4)
        let fixed: (Huffman, Huffman) = {
            var lengths = [Int](repeating: 8, count: 288)
            for i in 144..<256 { lengths[i] = 9 }
            for i in 256..<280 { lengths[i] = 7 }
            return (Huffman(lengths: lengths[...]), Huffman(lengths: [Int](repeating: 5, count: 30)[...]))
        }()
        var last = 0
        repeat {
            last = try r.bits(1)
            switch try r.bits(2) {
            case 0:
                r.bitBuffer = 0
                r.bitCount = 0
                guard r.position + 4 <= data.count else { throw Failure(reason: "stored header") }
                let length = Int(data[r.position]) | Int(data[r.position + 1]) << 8
                r.position += 4
                guard r.position + length <= data.count else { throw Failure(reason: "stored block") }
                out += data[r.position..<r.position + length]
                r.position += length
            case 1:
                try codes(&r, &out, fixed.0, fixed.1)
            case 2:
                let (lengths, distances) = try dynamic(&r)
                try codes(&r, &out, lengths, distances)
            default:
                throw Failure(reason: "block type 3")
            }
        } while last == 0
        return out
    }

    static func dynamic(_ r: inout Reader) throws -> (Huffman, Huffman) {
        let nlen = try r.bits(5) + 257, ndist = try r.bits(5) + 1, ncode = try r.bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var lengths = [Int](repeating: 0, count: 320)
        for i in 0..<ncode { lengths[order[i]] = try r.bits(3) }
        let lencode = Huffman(lengths: lengths[0..<19])
        var index = 0
        while index < nlen + ndist {
            var symbol = try r.decode(lencode)
            if symbol < 16 {
                lengths[index] = symbol
                index += 1
            } else {
                var length = 0
                if symbol == 16 {
                    guard index > 0 else { throw Failure(reason: "repeat with no first length") }
                    length = lengths[index - 1]
                    symbol = 3 + (try r.bits(2))
                } else if symbol == 17 {
                    symbol = 3 + (try r.bits(3))
                } else {
                    symbol = 11 + (try r.bits(7))
                }
                guard index + symbol <= nlen + ndist else { throw Failure(reason: "too many lengths") }
                for _ in 0..<symbol { lengths[index] = length; index += 1 }
            }
        }
        return (Huffman(lengths: lengths[0..<nlen]), Huffman(lengths: lengths[nlen..<nlen + ndist]))
    }

    static func codes(_ r: inout Reader, _ out: inout [UInt8], _ lencode: Huffman, _ distcode: Huffman) throws {
        while true {
            var symbol = try r.decode(lencode)
            if symbol < 256 {
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                symbol -= 257
                guard symbol < 29 else { throw Failure(reason: "bad length symbol") }
                let length = lengthBase[symbol] + (try r.bits(lengthExtra[symbol]))
                let d = try r.decode(distcode)
                guard d < 30 else { throw Failure(reason: "bad distance symbol") }
                let distance = distanceBase[d] + (try r.bits(distanceExtra[d]))
                guard distance <= out.count else { throw Failure(reason: "distance too far back") }
                let start = out.count - distance
                for i in 0..<length { out.append(out[start + i]) }
            }
        }
    }
}
