import IRSiteKit
/// The `Host` header values the preview server answers: loopback names only.
///
/// The server listens on 127.0.0.1, but a page on another site can still reach it
/// through DNS rebinding (a name that first resolves to the attacker, then to
/// 127.0.0.1), and read a preview that may show embargoed (`--future`) releases.
/// Such a request carries the attacker's name in `Host`, so anything but a
/// loopback name is refused, on every route.
public enum LoopbackHost {
    /// The names accepted, compared without case; `[::1]` keeps its brackets as in a URL.
    static let names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    /// Whether `authority` (a `Host` header value: a name, optionally `:port`) names this machine.
    /// A missing header is refused: HTTP/1.1 requires it, and every browser sends it.
    public static func accepts(_ authority: String?) -> Bool {
        guard let authority else { return false }
        let value = authority.lowercased()
        let host: Substring, port: Substring?
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return false }
            host = value[...close]
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            port = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = value.firstIndex(of: ":") {
            host = value[..<colon]
            port = value[value.index(after: colon)...]
        } else {
            host = value[...]
            port = nil
        }
        if let port, port.isEmpty || port.count > 5 || !port.allSatisfy(\.isASCIIDigit) { return false }
        return names.contains(String(host))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
