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
        let plan = book.plan(layout)
        var footed: [FootingCache.Report?] = Array(repeating: nil, count: columns.count)
        for (i, column) in columns.enumerated() where column.show == .translation || column.show == .percent {
            footed[i] = footReport(plan, column)
        }
        var lineIndex = 0
        let rows = layout.rows.map { row -> DerivedRow in
            switch row.content {
            case .header(let text):
                return DerivedRow(line: nil, label: text, indent: row.indent, isHeader: true, isTotal: false, cells: [])
            case .line(let lineRow):
                let cells = columns.indices.map { i in cell(lineRow, layout, columns[i], footed[i]) }
                defer { lineIndex += 1 }
                return DerivedRow(line: lineRow.line, label: lineRow.label, indent: row.indent, isHeader: false,
                                  isTotal: plan.isTotalRow[lineIndex], cells: cells)
            }
        }
        return DerivedTable(layout: layout, columns: columns, rows: rows)
    }

    func cell(_ row: LineRow, _ layout: Layout, _ column: ResolvedColumn, _ footed: FootingCache.Report?) -> DerivedCell {
        switch column.show {
        case .value:
            guard book.hasPeriod(column.period) else { return .missing }
            guard let v = book.value(row.line, column.period, in: row.unit) else { return .missing }
            return .figure(units: v.scaled(to: row.decimals, conventions.rounding), places: row.decimals, percentSign: false)
        case .translation:
            guard row.inLayoutUnit else { return .blank }
            guard let units = footed?.printed(row.line) else { return .missing }
            return .figure(units: units, places: row.decimals, percentSign: false)
        case .percent:
            guard row.inLayoutUnit else { return .blank }
            guard let units = footed?.printed(row.line) else { return .missing }
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
        footReport(book.plan(layout), column).byLine
    }

    /// The relations of a translation or percent column that no rounding explains (checks report them).
    public func implausibleFootings(_ layout: Layout, _ column: ResolvedColumn) -> [Footing.Implausible] {
        footReport(book.plan(layout), column).implausible
    }

    /// The footed column: what it prints and what the checks report of it, computed once per book.
    func footReport(_ plan: LayoutPlan, _ column: ResolvedColumn) -> FootingCache.Report {
        book.footing(FootingCache.Key(layout: plan.layout.id, show: column.show, period: column.period)) {
            footUncached(plan, column)
        }
    }

    /// Foots one column: every footed line's exact value (read from the period once), the cells
    /// fixed by an override or inherited from the line's home statement, then ``Footing``'s rule.
    func footUncached(_ plan: LayoutPlan, _ column: ResolvedColumn) -> FootingCache.Report {
        let layout = plan.layout
        let places = column.show == .percent ? Self.percentPlaces : layout.decimals
        let data = book.site.periods[column.period]
        let computed = book.computedValues(column.period)
        // The exact value of a slot's line in the layout's unit (`book.value(_:_:in:)`).
        func value(_ slot: Int) -> Exact? {
            guard let data, let factor = plan.factor[slot] else { return nil }
            let line = plan.footLines[slot]
            let v: Exact?
            if let fact = data.facts[line] { v = fact.value } else { v = computed?[line] }
            return factor == .one ? v : v.map { $0 * factor }
        }
        // What a translation or percent column shows before rounding (`exactCell`).
        let measure: (Exact) -> Exact?
        switch column.show {
        case .translation:
            let rate = data?.translation?.rate
            measure = { v in rate.flatMap { v / $0 } }
        case .percent:
            let base = plan.percentBase.flatMap { b in book.value(b.line, column.period).map { $0 * b.factor } }
            measure = { v in base.flatMap { v / $0 }.map { $0 * Exact(100) } }
        case .value, .change:
            measure = { $0 }
        }
        let overrides = data?.overrides[layout.id] ?? [:]
        var cells = Footing.Cells(count: plan.footLines.count)
        for slot in plan.footLines.indices {
            guard let v = value(slot), let exact = measure(v) else { continue }
            let line = plan.footLines[slot]
            var fixed: Int128?
            if let o = overrides[line], let literal = column.show == .percent ? o.percent : o.translation {
                fixed = literal.value.scaled(to: places, conventions.rounding)
            } else if column.show == .translation {
                fixed = inheritedTranslation(plan.inheritance[slot], line, column: column)
            }
            cells.set(slot, exact: exact, fixed: fixed, isTotal: plan.isTotal[slot], places: places, rounding: conventions.rounding)
        }
        let implausible = Footing.foot(&cells, relations: plan.relations, places: places, rounding: conventions.rounding) { line in
            exactCell(line, layout, column)
        }
        return FootingCache.Report(slots: plan.slots, printed: cells.printed, implausible: implausible)
    }

    /// A line shown outside its home statement prints the translation its home
    /// statement prints; a formula that only re-signs lines printed elsewhere
    /// (the cash flow's `-equity_in_net_loss…`) prints their re-signed figures.
    func inheritedTranslation(_ inheritance: LayoutPlan.Inheritance, _ line: String, column: ResolvedColumn) -> Int128? {
        switch inheritance {
        case .none:
            return nil
        case .home(let home):
            return printedTranslation(line, home: home, column: column)
        case .resigned(let terms):
            var sum: Int128 = 0
            for term in terms {
                guard let p = printedTranslation(term.line, home: term.home, column: column) else { return nil }
                sum += Int128(term.sign) * p
            }
            return sum
        }
    }

    func printedTranslation(_ line: String, home: String, column: ResolvedColumn) -> Int128? {
        guard let layout = book.site.layout(home) else { return nil }
        return footReport(book.plan(layout), column).printed(line)
    }
}
