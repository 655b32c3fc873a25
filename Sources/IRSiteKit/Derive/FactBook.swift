import Synchronization

/// Every line's value in every period: the stated fact, or else the line's
/// formula evaluated on other values. Exact; nothing rounded here.
///
/// Formulas are evaluated once, when the book is made, oldest period first (a
/// formula may only reach back to a prior quarter or year, so those are ready):
/// lookups are then two dictionary reads, however deep the formula, and a copy
/// of the book is one reference.
public struct FactBook: Sendable {
    final class Storage: Sendable {
        let site: Site
        /// Each formula line's formula evaluated by period (also for stated lines, which checks
        /// compare); absent when its operands are all missing.
        let computed: [FiscalPeriod: [String: Exact]]
        /// Footed translation and percent columns, by layout, measure and period: each is
        /// footed once per build, however many pages and checks print it.
        let footings = Mutex<[FootingKey: [String: Int128]]>([:])

        /// The book of `site`, taking `other`'s computed values when both have the same
        /// periods with the same facts (a site without its overrides; the published site of a
        /// build that hides nothing).
        init(site: Site, sharingValuesOf other: Storage) {
            self.site = site
            computed = other.computed
            reads = other.reads
        }

        init(site: Site) {
            self.site = site
            var evaluator = Evaluator(site: site)
            for period in site.periods.keys.sorted() {
                for (id, def) in site.lines where def.formula != nil { _ = evaluator.formulaValue(id, period) }
            }
            computed = evaluator.computed.mapValues { $0.compactMapValues { $0 } }
            reads = evaluator.reads
        }

        /// The other periods each period's formulas read (a prior quarter's ending cash).
        let reads: [FiscalPeriod: Set<FiscalPeriod>]
    }

    /// Memoised recursive evaluation; used only while the book is made.
    struct Evaluator {
        let site: Site
        var computed: [FiscalPeriod: [String: Exact?]] = [:]
        var reads: [FiscalPeriod: Set<FiscalPeriod>] = [:]

        mutating func value(_ line: String, _ period: FiscalPeriod) -> Exact? {
            guard let data = site.periods[period] else { return nil }
            if let fact = data.facts[line] { return fact.value }
            return formulaValue(line, period)
        }

        mutating func formulaValue(_ line: String, _ period: FiscalPeriod) -> Exact? {
            guard site.periods[period] != nil else { return nil }
            if let known = computed[period]?[line] { return known }
            guard let formula = site.lines[line]?.formula else { return nil }
            let result = formula.evaluate { id, role in
                let other = (role ?? .current).resolve(period)
                if other != period { reads[period, default: []].insert(other) }
                return value(id, other)
            }
            computed[period, default: [:]][line] = .some(result)
            return result
        }
    }

    struct FootingKey: Hashable {
        var layout: String
        var show: Column.Show
        var period: FiscalPeriod
    }

    let storage: Storage

    /// The footed column for `key`, computed by `foot` on first use.
    func footing(_ key: FootingKey, _ foot: () -> [String: Int128]) -> [String: Int128] {
        if let known = storage.footings.withLock({ $0[key] }) { return known }
        let result = foot()
        storage.footings.withLock { $0[key] = result }
        return result
    }

    public init(site: Site) { storage = Storage(site: site) }

    /// The book of `site`, reusing `other`'s formula values when `site` has exactly the
    /// same periods and facts (only overrides, layouts' presentation or releases differ).
    public init(site: Site, sharingValuesOf other: FactBook) {
        let same = site.periods.count == other.site.periods.count
            && site.periods.allSatisfy { p, data in other.site.periods[p].map { $0.facts == data.facts } ?? false }
        storage = same ? Storage(site: site, sharingValuesOf: other.storage) : Storage(site: site)
    }

    public var site: Site { storage.site }

    public func hasPeriod(_ period: FiscalPeriod) -> Bool { storage.site.periods[period] != nil }

    /// `periods` and every period their figures are computed from, however
    /// indirectly: what a page showing `periods` depends on.
    public func periodsReached(from periods: some Sequence<FiscalPeriod>) -> Set<FiscalPeriod> {
        var reached: Set<FiscalPeriod> = []
        var pending = Array(periods)
        while let p = pending.popLast() {
            guard reached.insert(p).inserted else { continue }
            pending += storage.reads[p] ?? []
        }
        return reached
    }

    /// The fact typed for `line` in `period`, if any (its value may be nil: "not reported").
    public func stated(_ line: String, _ period: FiscalPeriod) -> Fact? {
        storage.site.periods[period]?.facts[line]
    }

    /// The value of `line` in `period`, in the line's own unit: stated, or computed.
    public func value(_ line: String, _ period: FiscalPeriod) -> Exact? {
        guard let data = storage.site.periods[period] else { return nil }
        if let fact = data.facts[line] { return fact.value }
        return storage.computed[period]?[line]
    }

    /// The line's formula evaluated for `period` (nil without a formula or operands).
    public func computed(_ line: String, _ period: FiscalPeriod) -> Exact? {
        storage.computed[period]?[line]
    }

    /// Evaluates a formula, each reference in its home unit, for `period`.
    public func evaluate(_ formula: Formula, _ period: FiscalPeriod) -> Exact? {
        formula.evaluate { id, role in value(id, (role ?? .current).resolve(period)) }
    }

    /// The value converted to `unit` (thousands → millions …), unrounded.
    public func value(_ line: String, _ period: FiscalPeriod, in unit: Unit) -> Exact? {
        guard let v = value(line, period), let def = storage.site.lines[line] else { return nil }
        return v * def.unit.factor(to: unit)
    }
}
