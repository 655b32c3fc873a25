/// A statement layout: rows and columns as the release prints them.
public struct Layout: Sendable {
    public enum Basis: String, Sendable, CaseIterable { case duration, instant }

    public var id: String
    public var file: String
    public var order: Int
    public var title: String
    public var heading: String?
    public var basis: Layout.Basis
    public var unit: Unit
    public var unitNote: String?
    public var percentOf: String?
    public var translationNote: String?
    public var missing: String?
    public var decimals: Int
    public var groups: [ColumnGroup]
    public var columns: [Column]
    public var rows: [Row]
    public var checks: [Check]
    public var notes: [String]

    public var lineRows: [LineRow] { rows.compactMap { if case .line(let l) = $0.content { return l } else { return nil } } }
    public var showsTranslation: Bool { columns.contains { $0.show == .translation } }
}

public struct Row: Sendable {
    public enum Content: Sendable {
        case header(String)
        case line(LineRow)
    }
    public var content: Content
    public var indent: Int
    public var location: SourceLocation
}

/// A row that shows a line's figures.
public struct LineRow: Sendable {
    public var line: String
    public var label: String
    /// The unit this row prints in (the layout's, unless the row sets its own).
    public var unit: Unit
    public var decimals: Int
    public var percentSign: Bool
    /// True when the row prints in the layout's unit: only then are the
    /// translation and "% of" columns meaningful.
    public var inLayoutUnit: Bool
    public var location: SourceLocation
}
