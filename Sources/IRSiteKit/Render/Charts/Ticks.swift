import Foundation

/// Tick values for a linear axis.
///
/// `ticks`, `tickIncrement`, `tickStep` and `d3Nice` follow d3-array 3.2
/// (`src/ticks.js` and `src/nice.js`, ISC licence, https://github.com/d3/d3-array)
/// operation for operation, including JavaScript's `Math.round` (halves round
/// toward +∞) and the special values (NaN, ±∞) its tests expect, so that the
/// ticks are exactly d3's for the same inputs. Steps are 1, 2 or 5 × 10^k,
/// chosen with the √50, √10 and √2 thresholds; below 1 the *increment* is
/// returned negated and inverted (−10 for a step of 0.1) so that ticks are
/// computed as `i / 10` and come out exact.
///
/// `niceDomain` is the axis IRSite draws: unlike d3's iterative `nice`, which
/// can overshoot ([-632, 742] with 5 ticks becomes [-1000, 1000]), it picks the
/// step once and floors/ceils the domain to it ([-800, 800] by 200).
public enum Ticks {
    private static let e10 = 50.0.squareRoot()
    private static let e5 = 10.0.squareRoot()
    private static let e2 = 2.0.squareRoot()

    /// JavaScript's `Math.round`: the nearest integer, halves toward +∞.
    static func jsRound(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let floor = x.rounded(.down)
        return x - floor >= 0.5 ? floor + 1 : floor
    }

    /// d3-array's `tickSpec`: the first and last tick indices and the increment.
    static func tickSpec(_ start: Double, _ stop: Double, _ count: Double) -> (i1: Double, i2: Double, inc: Double) {
        let step = (stop - start) / (count.isNaN ? .nan : Swift.max(0, count))
        let power = log10(step).rounded(.down)
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = jsRound(start * inc)
            i2 = jsRound(stop * inc)
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = jsRound(start / inc)
            i2 = jsRound(stop / inc)
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1, 0.5 <= count, count < 2 { return tickSpec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// About `count + 1` evenly spaced, round values within [start, stop]
    /// (reversed when stop < start), exactly as d3-array's `ticks`.
    /// Returns [] where d3 would, and also rather than more than ten million ticks.
    public static func ticks(_ start: Double, _ stop: Double, _ count: Double) -> [Double] {
        guard count > 0 else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (i1, i2, inc) = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count)
        guard i2 >= i1, i2 - i1 < 10_000_000 else { return [] }
        let n = Int(i2 - i1) + 1
        var ticks = [Double]()
        ticks.reserveCapacity(n)
        for i in 0..<n {
            let index = reverse ? i2 - Double(i) : i1 + Double(i)
            ticks.append(inc < 0 ? index / -inc : index * inc)
        }
        return ticks
    }

    /// The step between ticks as d3-array's `tickIncrement`: a power of ten
    /// times 1, 2 or 5 when ≥ 1; otherwise the negated inverse of the step
    /// (−10 for 0.1). NaN, ±∞ or 0 where d3 returns them.
    public static func tickIncrement(_ start: Double, _ stop: Double, _ count: Double) -> Double {
        tickSpec(start, stop, count).inc
    }

    /// The step between ticks as d3-array's `tickStep` (negative when stop < start).
    public static func tickStep(_ start: Double, _ stop: Double, _ count: Double) -> Double {
        let reverse = stop < start
        let inc = reverse ? tickIncrement(stop, start, count) : tickIncrement(start, stop, count)
        return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc)
    }

    /// d3-array's `nice`: repeatedly floors/ceils [start, stop] to the tick
    /// increment until it stops changing. Kept for comparison; charts use
    /// `niceDomain`, which does not overshoot.
    public static func d3Nice(_ start: Double, _ stop: Double, _ count: Double) -> (Double, Double) {
        var (start, stop) = (start, stop)
        var prestep: Double?
        while true {
            let step = tickIncrement(start, stop, count)
            if step == prestep || step == 0 || !step.isFinite {
                return (start, stop)
            } else if step > 0 {
                start = (start / step).rounded(.down) * step
                stop = (stop / step).rounded(.up) * step
            } else if step < 0 {
                start = (start * step).rounded(.up) / step
                stop = (stop * step).rounded(.down) / step
            }
            prestep = step
        }
    }

    /// A value axis: [lower, upper] is a whole number of steps, and every tick
    /// is `index × step` for index in `indices`.
    public struct Domain: Sendable, Hashable {
        /// The d3 increment: the step when ≥ 1, otherwise −1/step.
        public var increment: Double
        /// Tick indices: tick i is at `i × step` (computed as `i / −increment` below 1).
        public var indices: ClosedRange<Int>

        public var step: Double { increment < 0 ? 1 / -increment : increment }
        public var lower: Double { value(at: indices.lowerBound) }
        public var upper: Double { value(at: indices.upperBound) }
        public var ticks: [Double] { indices.map(value(at:)) }

        /// The tick at `index`, computed exactly as d3 computes ticks.
        public func value(at index: Int) -> Double {
            increment < 0 ? Double(index) / -increment : Double(index) * increment
        }

        /// Decimals needed to print every tick exactly (0 for steps ≥ 1).
        public var decimals: Int {
            guard increment < 0 else { return 0 }
            let k = Int64(-increment)
            var places = 0
            var power: Int64 = 1
            while power % k != 0, places < 18 { power *= 10; places += 1 }
            return places
        }

        /// Tick `index` as a count of 10^-`places` units (places ≥ `decimals`), exactly.
        public func units(at index: Int, places: Int) -> Int128 {
            var scale: Int128 = 1
            for _ in 0..<places { scale *= 10 }
            if increment < 0 { return Int128(index) * (scale / Int128(-increment)) }
            return Int128(index) * Int128(increment) * scale
        }
    }

    /// The step chosen once by `tickIncrement(start, stop, count)`, and the
    /// domain floored and ceiled to it so that the ticks cover [start, stop]
    /// and the data fill the axis. Nil unless start < stop (finite) and the
    /// step is finite and non-zero.
    public static func niceDomain(_ start: Double, _ stop: Double, _ count: Double) -> Domain? {
        guard start.isFinite, stop.isFinite, start < stop, Swift.max(abs(start), abs(stop)) < 1e30 else { return nil }
        let inc = tickIncrement(start, stop, count)
        guard inc.isFinite, inc != 0 else { return nil }
        // Snap quotients within rounding error of an integer, so that 0.3 / 0.1
        // floors to 3, not 2.
        func snapped(_ x: Double, _ rule: FloatingPointRoundingRule) -> Double {
            let nearest = x.rounded()
            return abs(x - nearest) <= 1e-9 * Swift.max(1, abs(x)) ? nearest : x.rounded(rule)
        }
        let low = inc > 0 ? snapped(start / inc, .down) : snapped(start * -inc, .down)
        let high = inc > 0 ? snapped(stop / inc, .up) : snapped(stop * -inc, .up)
        guard abs(low) < 1e15, abs(high) < 1e15, high - low < 100_000 else { return nil }
        return Domain(increment: inc, indices: Int(low)...Int(high))
    }
}
