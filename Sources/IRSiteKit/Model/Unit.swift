/// The unit facts are typed in and figures print in.
public enum Unit: Sendable, Hashable, CustomStringConvertible {
    /// Money in `currency`, in units of 10^exponent (thousands: 3).
    case money(currency: String, exponent: Int)
    case count
    case shares
    case gbps

    /// Parses `jpy_thousands`, `jpy_millions`, `jpy`, `count`, `shares`, `gbps`.
    public init?(_ text: String) {
        switch text {
        case "count": self = .count
        case "shares": self = .shares
        case "gbps": self = .gbps
        default:
            let parts = text.split(separator: "_")
            guard let code = parts.first, code.count == 3, code.allSatisfy({ $0.isLetter && $0.isLowercase }), parts.count <= 2 else { return nil }
            let exponent: Int
            switch parts.count == 2 ? String(parts[1]) : "" {
            case "": exponent = 0
            case "thousands": exponent = 3
            case "millions": exponent = 6
            case "billions": exponent = 9
            default: return nil
            }
            self = .money(currency: code.uppercased(), exponent: exponent)
        }
    }

    public var isMoney: Bool { if case .money = self { return true } else { return false } }

    /// Whether values in `self` and `other` can be converted into each other.
    public func isCommensurable(with other: Unit) -> Bool {
        switch (self, other) {
        case let (.money(a, _), .money(b, _)): return a == b
        default: return self == other
        }
    }

    /// The factor that turns a value in `self` into `other` (thousands → millions: 1/1000).
    public func factor(to other: Unit) -> Exact {
        if case let .money(_, a) = self, case let .money(_, b) = other { return Exact.power10(a - b) }
        return .one
    }

    /// Words for captions: "JPY in millions", "Gbps".
    public var caption: String {
        switch self {
        case let .money(code, e):
            switch e {
            case 0: return code
            case 3: return "\(code) in thousands"
            case 6: return "\(code) in millions"
            default: return "\(code) × 10^\(e)"
            }
        case .count: return "Number"
        case .shares: return "shares"
        case .gbps: return "Gbps"
        }
    }

    public var description: String {
        switch self {
        case let .money(code, e):
            let suffix = [0: "", 3: "_thousands", 6: "_millions", 9: "_billions"][e] ?? ""
            return code.lowercased() + suffix
        case .count: return "count"
        case .shares: return "shares"
        case .gbps: return "gbps"
        }
    }
}
