/// A column of a table with its periods resolved.
public struct ResolvedColumn: Sendable, Hashable {
    public var show: Column.Show
    public var period: FiscalPeriod
    public var base: FiscalPeriod?
    public var label: String?

    public init(show: Column.Show, period: FiscalPeriod, base: FiscalPeriod? = nil, label: String? = nil) {
        self.show = show
        self.period = period
        self.base = base
        self.label = label
    }
}

/// One derived cell, before formatting.
public enum DerivedCell: Sendable, Hashable {
    /// A figure in units of 10^-places, optionally printed with a trailing %.
    case figure(units: Int128, places: Int, percentSign: Bool)
    /// No value in the data: printed as the layout's missing marker.
    case missing
    /// Change over a zero or missing base (or a sign flip, by convention): "n/m".
    case notMeaningful
    /// Nothing belongs in this cell (a per-share row has no % of revenue).
    case blank
}

public struct DerivedRow: Sendable {
    public var line: String?
    public var label: String
    public var indent: Int
    public var isHeader: Bool
    public var isTotal: Bool
    public var cells: [DerivedCell]
}

/// A layout's figures for a set of columns, rounded and footed.
public struct DerivedTable: Sendable {
    public var layout: Layout
    public var columns: [ResolvedColumn]
    public var rows: [DerivedRow]

    /// The cell of `line` in column `index`.
    public func cell(_ line: String, _ index: Int) -> DerivedCell? {
        rows.first { $0.line == line }?.cells[index]
    }
}

/// Derives a layout's table from the fact book: values converted to each
/// row's unit, translations at the period's rate, percentages of the base
/// row, changes, with the translation and percent columns footed.
public struct StatementDeriver: Sendable {
    public let book: FactBook
    public let conventions: FigureConventions

    public init(book: FactBook) {
        self.book = book
        conventions = book.site.settings.figures
    }

    static let percentPlaces = 1

    /// The layout's own columns, resolved for a release of `period`.
    public static func columns(of layout: Layout, for period: FiscalPeriod) -> [ResolvedColumn] {
        layout.columns.map { c in
            ResolvedColumn(show: c.show, period: c.period.resolve(period), base: c.base.map { $0.resolve(period) }, label: c.label)
        }
    }

    public func derive(_ layout: Layout, columns: [ResolvedColumn]) -> DerivedTable {
        var footed: [Int: [String: Int128]] = [:]
        for (i, column) in columns.enumerated() where column.show == .translation || column.show == .percent {
            footed[i] = foot(layout, column)
        }
        let rows = layout.rows.map { row -> DerivedRow in
            switch row.content {
            case .header(let text):
                return DerivedRow(line: nil, label: text, indent: row.indent, isHeader: true, isTotal: false, cells: [])
            case .line(let lineRow):
                let cells = columns.enumerated().map { i, column in cell(lineRow, layout, column, footed[i]) }
                return DerivedRow(line: lineRow.line, label: lineRow.label, indent: row.indent, isHeader: false,
                                  isTotal: isTotalRow(lineRow.line, in: layout), cells: cells)
            }
        }
        return DerivedTable(layout: layout, columns: columns, rows: rows)
    }

    /// A total as a reader sees it: a sum of two or more lines, at home in this statement.
    func isTotalRow(_ line: String, in layout: Layout) -> Bool {
        guard let def = book.site.lines[line], def.home == layout.id, let terms = def.formula?.signedTerms else { return false }
        return terms.count >= 2
    }

    func cell(_ row: LineRow, _ layout: Layout, _ column: ResolvedColumn, _ footed: [String: Int128]?) -> DerivedCell {
        switch column.show {
        case .value:
            guard book.hasPeriod(column.period) else { return .missing }
            guard let v = book.value(row.line, column.period, in: row.unit) else { return .missing }
            return .figure(units: v.scaled(to: row.decimals, conventions.rounding), places: row.decimals, percentSign: false)
        case .translation:
            guard row.inLayoutUnit else { return .blank }
            guard let units = footed?[row.line] else { return .missing }
            return .figure(units: units, places: row.decimals, percentSign: false)
        case .percent:
            guard row.inLayoutUnit else { return .blank }
            guard let units = footed?[row.line] else { return .missing }
            return .figure(units: units, places: Self.percentPlaces, percentSign: row.percentSign)
        case .change:
            guard row.inLayoutUnit else { return .blank }
            guard let current = book.value(row.line, column.period) else { return .missing }
            let base = column.base.flatMap { book.value(row.line, $0) }
            guard let change = FigureFormatter(conventions).change(from: base, to: current) else { return .notMeaningful }
            return .figure(units: change.scaled(to: Self.percentPlaces, conventions.rounding), places: Self.percentPlaces,
                           percentSign: row.percentSign)
        }
    }

    /// The exact (unrounded) value a translation or percent column shows for a line.
    func exactCell(_ line: String, _ layout: Layout, _ column: ResolvedColumn) -> Exact? {
        guard let v = book.value(line, column.period, in: layout.unit) else { return nil }
        switch column.show {
        case .translation:
            guard let rate = book.site.periods[column.period]?.translation?.rate else { return nil }
            return v / rate
        case .percent:
            guard let baseLine = layout.percentOf, let base = book.value(baseLine, column.period, in: layout.unit) else { return nil }
            return (v / base).map { $0 * Exact(100) }
        case .value, .change:
            return v
        }
    }

    /// The printed translation or percent column of `layout`, footed.
    public func foot(_ layout: Layout, _ column: ResolvedColumn) -> [String: Int128] {
        book.footing(FactBook.FootingKey(layout: layout.id, show: column.show, period: column.period)) { footUncached(layout, column) }
    }

    func footUncached(_ layout: Layout, _ column: ResolvedColumn) -> [String: Int128] {
        footReporting(layout, column).printed
    }

    /// The relations of a translation or percent column that no rounding explains (checks report them).
    public func implausibleFootings(_ layout: Layout, _ column: ResolvedColumn) -> [Footing.Implausible] {
        footReporting(layout, column).implausible
    }

    func footReporting(_ layout: Layout, _ column: ResolvedColumn) -> (printed: [String: Int128], implausible: [Footing.Implausible]) {
        let rows = layout.lineRows.filter(\.inLayoutUnit)
        let places = column.show == .percent ? Self.percentPlaces : layout.decimals
        let inLayout = Set(rows.map(\.line))
        let overrides = book.site.periods[column.period]?.overrides[layout.id] ?? [:]
        var entries: [Footing.Entry] = []
        for row in rows {
            let def = book.site.lines[row.line]
            var fixed: Int128?
            if let o = overrides[row.line], let literal = column.show == .percent ? o.percent : o.translation {
                fixed = literal.value.scaled(to: places, conventions.rounding)
            } else if column.show == .translation, let inherited = inheritedTranslation(row.line, in: layout, inLayout: inLayout, column: column) {
                fixed = inherited
            }
            entries.append(Footing.Entry(line: row.line, exact: exactCell(row.line, layout, column), fixed: fixed,
                                         isTotal: def?.isComputed ?? false || def?.home != layout.id))
        }
        let relations = Footing.relations(for: rows.map(\.line), in: book.site)
        return Footing.allocateReporting(entries, relations: relations, places: places, rounding: conventions.rounding) { line in
            exactCell(line, layout, column)
        }
    }

    /// A line shown outside its home statement prints the translation its home
    /// statement prints; a formula that only re-signs lines printed elsewhere
    /// (the cash flow's `-equity_in_net_loss…`) prints their re-signed figures.
    func inheritedTranslation(_ line: String, in layout: Layout, inLayout: Set<String>, column: ResolvedColumn) -> Int128? {
        guard let def = book.site.lines[line] else { return nil }
        if def.home != layout.id {
            return printedTranslation(line, homeOf: def, column: column)
        }
        guard let terms = def.formula?.signedTerms, !terms.isEmpty, terms.allSatisfy({ !inLayout.contains($0.line) }) else { return nil }
        var sum: Int128 = 0
        for term in terms {
            guard let other = book.site.lines[term.line], let p = printedTranslation(term.line, homeOf: other, column: column) else { return nil }
            sum += Int128(term.sign) * p
        }
        return sum
    }

    func printedTranslation(_ line: String, homeOf def: LineDefinition, column: ResolvedColumn) -> Int128? {
        guard let home = book.site.layout(def.home), home.showsTranslation, home.unit.factor(to: def.unit) == .one else { return nil }
        return foot(home, column)[line]
    }
}
