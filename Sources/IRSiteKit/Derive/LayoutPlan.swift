/// What deriving and footing a layout needs of the site, worked out once per fact
/// book rather than once per column: its line rows, which of them are totals, the
/// lines its translation and "% of" columns foot (each in a slot of its own), the
/// relations between those slots, and where each line's printed translation comes
/// from when it is not its own.
struct LayoutPlan: Sendable {
    /// Where a footed line's translation is fixed from (see `StatementDeriver.inheritedTranslation`).
    enum Inheritance: Sendable {
        /// Rounded and footed here.
        case none
        /// A line at home in another statement prints that statement's translation.
        case home(layout: String)
        /// A formula that only re-signs lines printed elsewhere prints their re-signed translations.
        case resigned([(sign: Int, line: String, home: String)])
    }

    let layout: Layout
    /// The rows that show a line, in order.
    let lineRows: [LineRow]
    /// For each of `lineRows`: a total as a reader sees it (a sum of two or more lines, at home here).
    let isTotalRow: [Bool]
    /// The lines the translation and "% of" columns foot (rows in the layout's unit), each once, in row order.
    let footLines: [String]
    /// The slot of each of `footLines`.
    let slots: [String: Int]
    /// For each slot: rounded on its own (a total, a formula row or a line at home elsewhere).
    let isTotal: [Bool]
    /// For each slot: the factor from the line's unit to the layout's (nil: no such line).
    let factor: [Exact?]
    /// For each slot: where its printed translation comes from.
    let inheritance: [Inheritance]
    /// The signed-sum relations of the footed rows, in row order, over slots.
    let relations: [Footing.SlotRelation]
    /// The signed-sum relations of all line rows whose terms are all footed (checked to foot in print).
    let printedRelations: [Footing.SlotRelation]
    /// Plain lines at home here: each needs a fact in every period a release prints.
    let plainHomeRows: [LineRow]
    /// The "% of" base line and its factor to the layout's unit.
    let percentBase: (line: String, factor: Exact)?

    init(_ layout: Layout, site: Site) {
        self.layout = layout
        let lineRows = layout.lineRows
        self.lineRows = lineRows
        isTotalRow = lineRows.map { row in
            guard let def = site.lines[row.line], def.home == layout.id, let terms = def.formula?.signedTerms else { return false }
            return terms.count >= 2
        }
        let footRows = lineRows.filter(\.inLayoutUnit)
        var slots: [String: Int] = [:]
        var footLines: [String] = []
        for row in footRows where slots[row.line] == nil {
            slots[row.line] = footLines.count
            footLines.append(row.line)
        }
        self.footLines = footLines
        self.slots = slots
        let defs = footLines.map { site.lines[$0] }
        isTotal = defs.map { def in def?.isComputed ?? false || def?.home != layout.id }
        factor = defs.map { $0?.unit.factor(to: layout.unit) }
        // A line's printed translation in its home statement, when that statement prints one in the line's unit.
        func printsTranslation(_ def: LineDefinition) -> Bool {
            guard let home = site.layout(def.home) else { return false }
            return home.showsTranslation && home.unit.factor(to: def.unit) == .one
        }
        inheritance = defs.map { def -> Inheritance in
            guard let def else { return .none }
            if def.home != layout.id { return printsTranslation(def) ? .home(layout: def.home) : .none }
            guard let terms = def.formula?.signedTerms, !terms.isEmpty, terms.allSatisfy({ slots[$0.line] == nil }) else { return .none }
            var resigned: [(sign: Int, line: String, home: String)] = []
            for term in terms {
                guard let other = site.lines[term.line], printsTranslation(other) else { return .none }
                resigned.append((term.sign, term.line, other.home))
            }
            return .resigned(resigned)
        }
        func slotRelations(_ relations: [Footing.Relation]) -> [Footing.SlotRelation] {
            relations.map { r in
                Footing.SlotRelation(total: r.total, totalSlot: slots[r.total],
                                     terms: r.terms.map { Footing.SlotTerm(sign: $0.sign, slot: slots[$0.line], line: $0.line) })
            }
        }
        relations = slotRelations(Footing.relations(for: footRows.map(\.line), in: site))
        printedRelations = slotRelations(Footing.relations(for: lineRows.map(\.line), in: site).filter { r in
            r.terms.allSatisfy { slots[$0.line] != nil }
        })
        plainHomeRows = lineRows.filter { site.lines[$0.line]?.formula == nil && site.lines[$0.line]?.home == layout.id }
        percentBase = layout.percentOf.flatMap { line in site.lines[line].map { (line, $0.unit.factor(to: layout.unit)) } }
    }
}
