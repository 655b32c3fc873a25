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
        var printed: [String: Int128] = [:]
        var exact: [String: Exact] = [:]
        var adjustable: [String] = []
        var implausible: [Implausible] = []
        var fixed: Set<String> = []
        for e in entries {
            guard let x = e.exact else { continue }
            exact[e.line] = x
            if let f = e.fixed {
                printed[e.line] = f
                fixed.insert(e.line)
            } else {
                printed[e.line] = x.scaled(to: places, rounding)
                if !e.isTotal { adjustable.append(e.line) }
            }
        }
        var open = Set(adjustable)
        let order = Dictionary(entries.enumerated().map { ($1.line, $0) }, uniquingKeysWith: { a, _ in a })
        let scale = Exact.power10(places)
        for relation in relations {
            guard let total = printed[relation.total] else { continue }
            // Overflow-checked: a mistyped figure can be as large as 30 digits allow.
            var sum: Int128? = 0
            var candidates: [(sign: Int, line: String, residual: Exact)] = []
            for term in relation.terms {
                let value: Int128
                if let p = printed[term.line] {
                    value = p
                    if open.contains(term.line), let x = exact[term.line] {
                        // How far the signed contribution was rounded down, in units.
                        let residual = (x * scale - Exact(p, 1)) * Exact(term.sign)
                        candidates.append((term.sign, term.line, residual))
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
            for c in candidates { open.remove(c.line) }
            let difference = sum.flatMap { s -> Int128? in
                let (d, o) = total.subtractingReportingOverflow(s)
                return o ? nil : d
            }
            // A fixed cell (an override, checked on its own) may move the difference any amount.
            let anyFixed = fixed.contains(relation.total) || relation.terms.contains { fixed.contains($0.line) }
            if !anyFixed, difference.map({ $0.magnitude > UInt128(relation.terms.count + 1) }) ?? true {
                implausible.append(Implausible(total: relation.total, difference: difference, terms: relation.terms.count))
            }
            guard let difference, difference != 0, !candidates.isEmpty else { continue }
            let up = difference > 0
            let ranked = candidates.sorted { a, b in
                if a.residual != b.residual { return up ? a.residual > b.residual : a.residual < b.residual }
                return (order[a.line] ?? 0) < (order[b.line] ?? 0)
            }
            // In one step what handing out one unit at a time, round-robin in rank order, gives:
            // every candidate gets the quotient, the first `remainder` one more.
            let count = Int128(ranked.count)
            let (each, remainder) = (difference.magnitude / UInt128(count), difference.magnitude % UInt128(count))
            for (i, c) in ranked.enumerated() {
                guard let units = Int128(exactly: each + (UInt128(i) < remainder ? 1 : 0)) else { continue }
                let signed = (up ? 1 : -1) * Int128(c.sign) * units
                let (v, o) = printed[c.line, default: 0].addingReportingOverflow(signed)
                if !o { printed[c.line] = v }
            }
        }
        return (printed, implausible)
    }

    /// The relations of `lines` whose formulas are signed sums, in the order given.
    public static func relations(for lineIDs: [String], in site: Site) -> [Relation] {
        lineIDs.compactMap { id in
            guard let terms = site.lines[id]?.formula?.signedTerms else { return nil }
            return Relation(total: id, terms: terms)
        }
    }
}
