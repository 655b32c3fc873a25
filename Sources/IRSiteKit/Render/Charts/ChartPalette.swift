import Foundation

/// The chart colours. Series colours are the Okabe–Ito colour-blind-safe
/// palette (Okabe & Ito, "Color Universal Design", 2008) minus its light
/// colours (orange, sky blue, yellow), which fail WCAG 1.4.11's 3:1 contrast
/// against white, plus a grey and a violet chosen to stay apart from the
/// others under simulated protanopia, deuteranopia and tritanopia. Every one
/// has at least 3:1 contrast against the white background (the tests compute
/// it). Series past the sixth reuse the colours with a different texture.
///
/// Each colour is also a CSS class (`series-0` …) on the bars and legend
/// swatches, so a theme can restyle them; the values here are the inline
/// defaults a standalone file shows.
public enum ChartPalette {
    /// Series colours in order, as `#RRGGBB`.
    public static let series: [String] = [
        "#0072B2", // blue (Okabe–Ito)           5.19:1 on white
        "#D55E00", // vermillion (Okabe–Ito)     3.87:1
        "#009E73", // bluish green (Okabe–Ito)   3.42:1
        "#CC79A7", // reddish purple (Okabe–Ito) 3.06:1
        "#4D4D4D", // dark grey                  8.45:1
        "#8855DD", // violet                     4.78:1
    ]

    public static let background = "#FFFFFF"
    /// Labels, ticks, category names.
    public static let text = "#222222"
    /// Subtitle and axis title.
    public static let mutedText = "#555555"
    /// Light gridlines.
    public static let grid = "#D9D9D9"
    /// The zero baseline and the net-total marker.
    public static let baseline = "#333333"
    /// Dark text used on lighter bars (black: #1A1A1A would give only 4.50:1 on vermillion).
    public static let darkOnBar = "#000000"

    /// The colour of series `index` (cycling).
    public static func color(_ index: Int) -> String { series[index % series.count] }

    /// The texture drawn over series `index` so series differ without colour:
    /// 0 none, then stripes, dots, back-stripes, bars and cross-hatching; series
    /// that reuse a colour get the next texture.
    public static func texture(_ index: Int) -> Int { (index % series.count + index / series.count) % 6 }

    /// The text colour (white or near-black) with the higher contrast against `hex`.
    public static func labelColor(on hex: String) -> String {
        contrast(hex, background) >= contrast(hex, darkOnBar) ? background : darkOnBar
    }

    /// WCAG 2 relative luminance of `#RRGGBB`.
    public static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.utf8.dropFirst())
        func channel(_ i: Int) -> Double {
            let value = Double(Int(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) ?? 0) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// WCAG 2 contrast ratio between two `#RRGGBB` colours (1 … 21).
    public static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
