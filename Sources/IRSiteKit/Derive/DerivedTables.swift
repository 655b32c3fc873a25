import Synchronization

/// The build's derived tables: for each (period, layout), one ``DerivedTable``
/// holding every cell any output prints for that layout in that period (its
/// value, translation and "% of" columns, and its change against the prior
/// year and the prior quarter). The release page's table, the statements pages,
/// the period's CSV and its JSON all read their cells from here, so each
/// (period, layout) is derived once per build.
///
/// A table is derived on first use and dropped after its last planned use:
/// a job that will read tables announces them with ``plan(_:)`` when it is
/// made and hands them back with ``done(_:)`` when it has run, so only the
/// tables of the periods being written are in memory. A table read without a
/// plan is kept until the store goes away with the build.
public final class DerivedTables: Sendable {
    /// A (period, layout) pair.
    public struct Key: Hashable, Sendable {
        public var period: FiscalPeriod
        public var layout: String

        public init(_ period: FiscalPeriod, _ layout: String) {
            self.period = period
            self.layout = layout
        }
    }

    /// One table, derived under its own lock so that two jobs wanting it at once derive it once.
    final class Slot: Sendable {
        let table = Mutex<DerivedTable?>(nil)
    }

    struct Entry {
        var slot: Slot?
        /// Planned uses still to come; nil when the table was read without a plan (kept).
        var left: Int?
    }

    public let deriver: StatementDeriver
    private let entries = Mutex<[Key: Entry]>([:])
    /// Called each time a table is derived (tests count derivations).
    private let onDerive: (@Sendable (Key) -> Void)?

    public init(deriver: StatementDeriver, onDerive: (@Sendable (Key) -> Void)? = nil) {
        self.deriver = deriver
        self.onDerive = onDerive
    }

    public var book: FactBook { deriver.book }

    /// The columns a period's table holds for `layout`: value; the translation when the
    /// layout prints one; "% of" when it has a base row or a percent column; the changes
    /// against the prior year and the prior quarter.
    public static func columns(of layout: Layout, in period: FiscalPeriod) -> [ResolvedColumn] {
        var columns = [ResolvedColumn(show: .value, period: period)]
        if layout.showsTranslation { columns.append(ResolvedColumn(show: .translation, period: period)) }
        if layout.percentOf != nil || layout.columns.contains(where: { $0.show == .percent }) {
            columns.append(ResolvedColumn(show: .percent, period: period))
        }
        columns.append(ResolvedColumn(show: .change, period: period, base: period.priorYear))
        columns.append(ResolvedColumn(show: .change, period: period, base: period.priorQuarter))
        return columns
    }

    /// The table of `layout` in `period`, derived on first use.
    public func table(_ layout: Layout, _ period: FiscalPeriod) -> DerivedTable {
        let key = Key(period, layout.id)
        let slot = entries.withLock { entries in
            if let slot = entries[key]?.slot { return slot }
            let slot = Slot()
            if entries[key] == nil { entries[key] = Entry(slot: slot, left: nil) } else { entries[key]!.slot = slot }
            return slot
        }
        return slot.table.withLock { table in
            if let table { return table }
            onDerive?(key)
            let derived = deriver.derive(layout, columns: Self.columns(of: layout, in: period))
            table = derived
            return derived
        }
    }

    /// `layout` with `columns` (of any periods), its cells taken from the periods' tables.
    /// A column no period's table holds (a change against a base other than its period's
    /// prior year or quarter) is derived on its own.
    public func table(_ layout: Layout, columns: [ResolvedColumn]) -> DerivedTable {
        var sources: [FiscalPeriod: DerivedTable] = [:]
        var picks: [(table: DerivedTable, index: Int)] = []
        for column in columns {
            if sources[column.period] == nil { sources[column.period] = table(layout, column.period) }
            let source = sources[column.period]!
            if let index = source.columns.firstIndex(where: { $0.show == column.show && $0.base == column.base }) {
                picks.append((source, index))
            } else {
                picks.append((deriver.derive(layout, columns: [column]), 0))
            }
        }
        let skeleton = picks.first?.table ?? deriver.derive(layout, columns: [])
        let rows = skeleton.rows.indices.map { r -> DerivedRow in
            var row = skeleton.rows[r]
            row.cells = row.isHeader ? [] : picks.map { $0.table.rows[r].cells[$0.index] }
            return row
        }
        return DerivedTable(layout: layout, columns: columns, rows: rows)
    }

    /// Announces one more use of each of `keys` (once per job that will read them).
    public func plan(_ keys: some Sequence<Key>) {
        entries.withLock { entries in
            for key in keys {
                var entry = entries[key] ?? Entry(slot: nil, left: 0)
                entry.left = (entry.left ?? 0) + 1
                entries[key] = entry
            }
        }
    }

    /// One planned use of each of `keys` is over; a table with no use left is dropped.
    public func done(_ keys: some Sequence<Key>) {
        entries.withLock { entries in
            for key in keys {
                guard let left = entries[key]?.left else { continue }
                if left <= 1 { entries[key] = nil } else { entries[key]!.left = left - 1 }
            }
        }
    }

    /// How many tables are held now (tests check that they are dropped).
    public var held: Int { entries.withLock { $0.values.count { $0.slot != nil } } }
}
