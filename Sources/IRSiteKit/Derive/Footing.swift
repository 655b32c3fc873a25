/// Makes printed figures foot: a rounded total equals the sum of its rounded
/// components.
///
/// The rule (the one the seed release follows in its USD and % columns):
/// every total or formula row is rounded on its own, half away from zero; a
/// cell fixed from elsewhere (an override, or the same line printed in its home
/// statement) keeps its value; then, relation by relation in row order, the
/// plain rows under the relation absorb the difference by largest remainder,
/// as if one unit at a time, the earlier row first on ties (done in one step). A plain row takes part
/// in the first relation that lists it.
public enum Footing {
    /// A relation `total = Σ sign · term`.
    public struct Relation: Sendable, Equatable {
        public var total: String
        public var terms: [(sign: Int, line: String)]

        public init(total: String, terms: [(sign: Int, line: String)]) {
            self.total = total
            self.terms = terms
        }

        public static func == (a: Relation, b: Relation) -> Bool {
            a.total == b.total && a.terms.map(\.sign) == b.terms.map(\.sign) && a.terms.map(\.line) == b.terms.map(\.line)
        }
    }

    /// One cell to print: its exact value and whether it is fixed or a plain row.
    public struct Entry: Sendable {
        public var line: String
        public var exact: Exact?
        /// A printed value set in advance (override or inherited), in units of 10^-places.
        public var fixed: Int128?
        /// Totals and formula rows are rounded on their own and never adjusted.
        public var isTotal: Bool

        public init(line: String, exact: Exact?, fixed: Int128? = nil, isTotal: Bool) {
            self.line = line
            self.exact = exact
            self.fixed = fixed
            self.isTotal = isTotal
        }
    }

    /// A relation without fixed cells whose rounded parts missed its rounded total by more
    /// than rounding can explain: one unit per term and one for the total. A figure typed in the
    /// wrong unit (yen in a thousands layout) does that.
    public struct Implausible: Sendable, Equatable {
        public var total: String
        /// Rounded total minus the signed sum of the rounded parts, in units of 10^-places
        /// (nil when it does not fit 128 bits).
        public var difference: Int128?
        public var terms: Int
    }

    /// Rounds `entries` to `places` decimals (as integer units) so that they foot along `relations`.
    /// Entries without a value stay absent. Relations listing lines not among the entries use
    /// `outside` for those lines' exact values (rounded on their own).
    public static func allocate(_ entries: [Entry], relations: [Relation], places: Int, rounding: RoundingRule,
                                outside: (String) -> Exact? = { _ in nil }) -> [String: Int128] {
        allocateReporting(entries, relations: relations, places: places, rounding: rounding, outside: outside).printed
    }

    /// ``allocate(_:relations:places:rounding:outside:)``, also naming the relations whose
    /// difference is implausible (those are still footed, in one step, but should not print).
    public static func allocateReporting(_ entries: [Entry], relations: [Relation], places: Int, rounding: RoundingRule,
                                         outside: (String) -> Exact? = { _ in nil }) -> (printed: [String: Int128], implausible: [Implausible]) {
        // One slot per line, in the order lines first appear (ties between candidates go to the earlier one).
        var slots: [String: Int] = [:]
        var lines: [String] = []
        for e in entries where slots[e.line] == nil {
            slots[e.line] = lines.count
            lines.append(e.line)
        }
        var cells = Cells(count: lines.count)
        for e in entries {
            guard let x = e.exact else { continue }
            cells.set(slots[e.line]!, exact: x, fixed: e.fixed, isTotal: e.isTotal, places: places, rounding: rounding)
        }
        let indexed = relations.map { r in
            SlotRelation(total: r.total, totalSlot: slots[r.total], terms: r.terms.map { SlotTerm(sign: $0.sign, slot: slots[$0.line], line: $0.line) })
        }
        let implausible = foot(&cells, relations: indexed, places: places, rounding: rounding, outside: outside)
        var printed: [String: Int128] = [:]
        for (slot, line) in lines.enumerated() { if let p = cells.printed[slot] { printed[line] = p } }
        return (printed, implausible)
    }

    /// A term of a ``SlotRelation``: its line's slot among the cells (nil when the line is not among them).
    struct SlotTerm: Sendable {
        var sign: Int
        var slot: Int?
        var line: String
    }

    /// A ``Relation`` with its lines resolved to slots, so that footing reads arrays, not dictionaries.
    struct SlotRelation: Sendable {
        var total: String
        var totalSlot: Int?
        var terms: [SlotTerm]
    }

    /// The cells being footed, one slot per line.
    struct Cells {
        var printed: [Int128?]
        var exact: [Exact?]
        var fixed: [Bool]
        /// Plain rows that have not yet taken part in a relation.
        var open: [Bool]

        init(count: Int) {
            printed = Array(repeating: nil, count: count)
            exact = Array(repeating: nil, count: count)
            fixed = Array(repeating: false, count: count)
            open = Array(repeating: false, count: count)
        }

        /// Enters a line's value: fixed cells keep their printed value, the others round on their own.
        mutating func set(_ slot: Int, exact x: Exact, fixed f: Int128?, isTotal: Bool, places: Int, rounding: RoundingRule) {
            exact[slot] = x
            if let f {
                printed[slot] = f
                fixed[slot] = true
            } else {
                printed[slot] = x.scaled(to: places, rounding)
                if !isTotal { open[slot] = true }
            }
        }
    }

    /// Foots `cells` along `relations` in order (the rule above); returns the implausible relations.
    static func foot(_ cells: inout Cells, relations: [SlotRelation], places: Int, rounding: RoundingRule,
                     outside: (String) -> Exact?) -> [Implausible] {
        var implausible: [Implausible] = []
        let scale = Exact.power10(places)
        var candidates: [(sign: Int, slot: Int, residual: Exact)] = []
        for relation in relations {
            guard let totalSlot = relation.totalSlot, let total = cells.printed[totalSlot] else { continue }
            // Overflow-checked: a mistyped figure can be as large as 30 digits allow.
            var sum: Int128? = 0
            candidates.removeAll(keepingCapacity: true)
            for term in relation.terms {
                let value: Int128
                if let slot = term.slot, let p = cells.printed[slot] {
                    value = p
                    if cells.open[slot], let x = cells.exact[slot] {
                        // How far the signed contribution was rounded down, in units.
                        let residual = (x * scale - Exact(p, 1)) * Exact(term.sign)
                        candidates.append((term.sign, slot, residual))
                    }
                } else if let x = outside(term.line) {
                    value = x.scaled(to: places, rounding)
                } else {
                    continue
                }
                sum = sum.flatMap { s in
                    let (v, o) = (term.sign < 0 ? Int128.zero.subtractingReportingOverflow(value) : (value, false))
                    let (r, o2) = s.addingReportingOverflow(v)
                    return o || o2 ? nil : r
                }
            }
            for c in candidates { cells.open[c.slot] = false }
            let difference = sum.flatMap { s -> Int128? in
                let (d, o) = total.subtractingReportingOverflow(s)
                return o ? nil : d
            }
            // A fixed cell (an override, checked on its own) may move the difference any amount.
            let anyFixed = cells.fixed[totalSlot] || relation.terms.contains { $0.slot.map { cells.fixed[$0] } ?? false }
            if !anyFixed, difference.map({ $0.magnitude > UInt128(relation.terms.count + 1) }) ?? true {
                implausible.append(Implausible(total: relation.total, difference: difference, terms: relation.terms.count))
            }
            guard let difference, difference != 0, !candidates.isEmpty else { continue }
            let up = difference > 0
            // Slots are in the order lines first appear: the earlier row first on ties.
            let ranked = candidates.sorted { a, b in
                if a.residual != b.residual { return up ? a.residual > b.residual : a.residual < b.residual }
                return a.slot < b.slot
            }
            // In one step what handing out one unit at a time, round-robin in rank order, gives:
            // every candidate gets the quotient, the first `remainder` one more.
            let count = Int128(ranked.count)
            let (each, remainder) = (difference.magnitude / UInt128(count), difference.magnitude % UInt128(count))
            for (i, c) in ranked.enumerated() {
                guard let units = Int128(exactly: each + (UInt128(i) < remainder ? 1 : 0)) else { continue }
                let signed = (up ? 1 : -1) * Int128(c.sign) * units
                let (v, o) = (cells.printed[c.slot] ?? 0).addingReportingOverflow(signed)
                if !o { cells.printed[c.slot] = v }
            }
        }
        return implausible
    }

    /// The relations of `lines` whose formulas are signed sums, in the order given.
    public static func relations(for lineIDs: [String], in site: Site) -> [Relation] {
        lineIDs.compactMap { id in
            guard let terms = site.lines[id]?.formula?.signedTerms else { return nil }
            return Relation(total: id, terms: terms)
        }
    }
}
