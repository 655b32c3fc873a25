import Foundation

/// Formats a ``DerivedTable`` into the strings the `table` template places.
public struct TableBuilder: Sendable {
    public let site: Site
    public let formatter: FigureFormatter
    /// The interface words (headings, column labels, cell titles).
    public let strings: Translations
    /// The titles of terse cells, looked up once: tables have many cells.
    let missingTitle: String, notMeaningfulTitle: String

    public init(site: Site, strings: Translations) {
        self.site = site
        self.strings = strings
        formatter = FigureFormatter(site.settings.figures)
        missingTitle = strings.text("table_cell_missing_title")
        notMeaningfulTitle = strings.text("table_cell_not_meaningful_title")
    }

    /// - Parameter ownColumns: whether the table uses the layout's own columns (a release page);
    ///   only then do the layout's column groups apply.
    public func context(_ table: DerivedTable, ownColumns: Bool = true) -> TableContext {
        let layout = table.layout
        let missing = layout.missing ?? site.settings.figures.missing
        let rows = table.rows.map { row -> TableRow in
            let cells = row.cells.map { cell -> TableCell in
                switch cell {
                case let .figure(units, places, percentSign):
                    return TableCell(text: formatter.format(units: units, places: places, suffix: percentSign ? "%" : ""),
                                     classes: units < 0 ? "num neg" : "num", title: "")
                case .missing:
                    return TableCell(text: missing, classes: "num nm", title: missingTitle)
                case .notMeaningful:
                    return TableCell(text: site.settings.figures.notMeaningful, classes: "num nm", title: notMeaningfulTitle)
                case .blank:
                    return TableCell(text: "", classes: "num", title: "")
                }
            }
            return TableRow(isHeader: row.isHeader, label: row.label, indentClass: "indent-\(min(row.indent, 4))",
                            kindClass: row.isTotal ? "total" : "", cells: cells, span: table.columns.count)
        }
        let periods = uniquePeriods(table.columns)
        let dates = periods.map { dateText(of: $0, layout) }
        let subheading: String
        switch layout.basis {
        case .duration: subheading = strings.text("table_subheading_duration", ["dates": strings.list(dates)])
        case .instant: subheading = strings.text("table_subheading_instant", ["dates": strings.list(dates)])
        }
        var notes: [String] = []
        if let note = layout.translationNote, let current = table.columns.first(where: { $0.show == .translation })?.period,
           let t = site.periods[current]?.translation {
            let date = dateText(of: current, layout)
            let phrase = layout.basis == .duration ? strings.text("table_translation_period_duration", ["date": date]) : date
            notes.append(note.replacingOccurrences(of: "{period}", with: phrase)
                .replacingOccurrences(of: "{rate}", with: t.rateText)
                .replacingOccurrences(of: "{rate_date}", with: t.date.short))
        }
        notes += layout.notes
        let labels = table.columns.map { columnLabel($0, layout) }
        let groups = ownColumns ? layout.groups : []
        return TableContext(
            id: layout.id, caption: layout.title, heading: layout.heading ?? "", subheading: subheading,
            // The layout's note names the translation too; tables across periods have none.
            unitNote: ownColumns ? layout.unitNote ?? unitNote(layout) : unitNote(layout),
            hasGroups: !groups.isEmpty,
            groups: groups.map { HeaderCell(label: $0.label, detail: "", span: $0.columns, isNumeric: true) },
            periodHeaders: periodHeaders(table.columns, layout), hasColumnLabels: labels.contains { !$0.label.isEmpty },
            columnLabels: labels,
            rows: rows, notes: notes, hasNotes: !notes.isEmpty)
    }

    func unitNote(_ layout: Layout) -> String { strings.text("table_unit_note", ["unit": layout.unit.caption]) }

    func dateText(of period: FiscalPeriod, _ layout: Layout) -> String {
        site.periods[period]?.end.short ?? site.settings.calendar.end(of: period).short
    }

    func uniquePeriods(_ columns: [ResolvedColumn]) -> [FiscalPeriod] {
        var seen: [FiscalPeriod] = []
        for c in columns where c.show != .change && !seen.contains(c.period) { seen.append(c.period) }
        return seen
    }

    /// Consecutive columns of one period share a header: "Sept 30, 2001" over "2Q01".
    func periodHeaders(_ columns: [ResolvedColumn], _ layout: Layout) -> [HeaderCell] {
        var cells: [HeaderCell] = []
        var previous: FiscalPeriod?
        for c in columns {
            if c.show == .change {
                cells.append(HeaderCell(label: "", detail: "", span: 1, isNumeric: true))
                previous = nil
            } else if c.period == previous, let last = cells.indices.last {
                cells[last].span += 1
            } else {
                cells.append(HeaderCell(label: c.period.label, detail: dateText(of: c.period, layout), span: 1, isNumeric: true))
                previous = c.period
            }
        }
        return cells
    }

    func columnLabel(_ c: ResolvedColumn, _ layout: Layout) -> HeaderCell {
        let label: String
        if let l = c.label {
            label = l
        } else {
            switch c.show {
            case .value:
                if case let .money(code, _) = layout.unit { label = code } else { label = layout.unit == .gbps ? strings.text("table_column_gbps") : "" }
            case .translation: label = site.settings.translationCurrency ?? ""
            case .percent: label = strings.text("table_column_percent")
            case .change: label = strings.text("table_column_change")
            }
        }
        return HeaderCell(label: label, detail: "", span: 1, isNumeric: true)
    }
}
