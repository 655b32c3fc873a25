/// A place in a content file: path as given to the loader, 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// One finding about the content, located in its source file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : (self == .warning ? 1 : 2) }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// The pipeline stage that found it (`load`, `check`, `derive`, `render`).
    public enum Stage: String, Sendable, Hashable { case load, check, derive, render }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var stage: Stage

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, stage: Stage = .check) {
        self.severity = severity
        self.message = message
        self.location = location
        self.stage = stage
    }

    /// `path:line:col: severity: message`, the format compilers use, so editors can jump to it.
    /// Control characters from content are escaped, so a value quoted in a message
    /// cannot clear the screen or retitle the terminal it is printed on.
    public var description: String { Self.printable("\(location): \(severity.rawValue): \(message)") }

    /// `text` with C0 and C1 control characters (other than tab) and DEL written as `\u{1B}`.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
}

/// Thrown when content has errors: carries every diagnostic found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then severity, then message: a stable report.
    /// In file, line and column order, each finding once: a period printed by two
    /// releases (its own and the next quarter's) would otherwise report a footing
    /// problem twice, word for word.
    public func sortedForReport() -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return filter { seen.insert($0).inserted }.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }
}
