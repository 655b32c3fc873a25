/// A statement layout as written in `statements/<id>.yaml`.
public struct LayoutFile: Decodable, Sendable {
    public var title: String
    public var order: Int
    public var heading: String?
    public var basis: Layout.Basis
    public var unit: Unit
    public var unitNote: String?
    public var percentOf: Located<String>?
    public var translationNote: Located<String>?
    public var missing: String?
    public var decimals: Int
    public var groups: [ColumnGroup]
    /// Where `groups` is written, for a wrong total.
    public var groupsLocation: SourceLocation?
    public var columns: [Located<Column>]
    public var rows: [Located<RowSpec>]
    public var checks: [CheckSpec]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case title, order, heading, basis, unit, missing, decimals, groups, columns, rows, checks, notes
        case unitNote = "unit_note", percentOf = "percent_of", translationNote = "translation_note"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        order = try c.decodeIfPresent(Int.self, forKey: .order) ?? 100
        heading = try c.decodeIfPresent(String.self, forKey: .heading)
        basis = try c.decodeIfPresent(Layout.Basis.self, forKey: .basis) ?? .duration
        unit = try c.decode(Unit.self, forKey: .unit)
        unitNote = try c.decodeIfPresent(String.self, forKey: .unitNote)
        percentOf = try c.decodeIfPresent(Located<String>.self, forKey: .percentOf)
        translationNote = try c.decodeIfPresent(Located<String>.self, forKey: .translationNote)
        missing = try c.decodeIfPresent(String.self, forKey: .missing)
        decimals = try LayoutFile.decimals(c.decodeIfPresent(Located<Int>.self, forKey: .decimals)) ?? 0
        let groups = try c.decodeIfPresent(Located<[ColumnGroup]>.self, forKey: .groups)
        self.groups = groups?.value ?? []
        groupsLocation = groups?.location
        columns = try c.decode([Located<Column>].self, forKey: .columns)
        rows = try c.decode([Located<RowSpec>].self, forKey: .rows)
        checks = try c.decodeIfPresent([CheckSpec].self, forKey: .checks) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }
}

/// A row: a section header, or a line with its label and, for totals, a formula.
public struct RowSpec: Decodable, Sendable {
    public var header: String?
    public var line: Located<String>?
    public var label: String?
    public var indent: Int
    public var formula: Located<String>?
    public var from: Located<String>?
    public var unit: Unit?
    public var decimals: Int?
    public var percentSign: Bool

    enum CodingKeys: String, CodingKey {
        case header, line, label, indent, formula, from, unit, decimals
        case percentSign = "percent_sign"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        header = try c.decodeIfPresent(String.self, forKey: .header)
        line = try c.decodeIfPresent(Located<String>.self, forKey: .line)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        indent = try c.decodeIfPresent(Int.self, forKey: .indent) ?? 0
        formula = try c.decodeIfPresent(Located<String>.self, forKey: .formula)
        from = try c.decodeIfPresent(Located<String>.self, forKey: .from)
        unit = try c.decodeIfPresent(Unit.self, forKey: .unit)
        decimals = try LayoutFile.decimals(c.decodeIfPresent(Located<Int>.self, forKey: .decimals))
        percentSign = try c.decodeIfPresent(Bool.self, forKey: .percentSign) ?? false
        if (header == nil) == (line == nil) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "a row has either 'header' (a section title) or 'line' (a figure), not both or neither"))
        }
        if line != nil, label == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a row with 'line' needs a 'label'"))
        }
        if formula != nil, from != nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "a row is either computed ('formula') or shown from another layout ('from'), not both"))
        }
    }
}

public struct CheckSpec: Decodable, Sendable {
    public var formula: Located<String>
    public var severity: Diagnostic.Severity
    public var message: String?

    enum CodingKeys: String, CodingKey { case formula, severity, message }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formula = try c.decode(Located<String>.self, forKey: .formula)
        severity = try c.decodeIfPresent(Diagnostic.Severity.self, forKey: .severity) ?? .error
        message = try c.decodeIfPresent(String.self, forKey: .message)
    }
}


extension LayoutFile {
    /// The most decimals a figure prints with: exact arithmetic scales by 10^decimals.
    static let maxDecimals = 9

    /// `decimals` checked to be 0 to ``maxDecimals``.
    static func decimals(_ value: Located<Int>?) throws -> Int? {
        guard let value else { return nil }
        guard (0...maxDecimals).contains(value.value) else {
            throw LocatedError("decimals must be 0 to \(maxDecimals), found \(value.value)", at: value.location)
        }
        return value.value
    }
}
