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
        /// Footed translation and percent columns: each is footed once per build, however
        /// many pages and checks print it.
        let footings: FootingCache
        /// Each layout's plan, by layout id.
        let plans: [String: LayoutPlan]

        /// The book of `site`, taking `other`'s computed values when both have the same
        /// periods with the same facts (a site without its overrides; the published site of a
        /// build that hides nothing), and its footed columns when they also print the same.
        init(site: Site, sharingValuesOf other: Storage, footings: Bool) {
            self.site = site
            computed = other.computed
            reads = other.reads
            self.footings = footings ? other.footings : FootingCache()
            plans = footings ? other.plans : Self.plans(site)
        }

        init(site: Site) {
            self.site = site
            var evaluator = Evaluator(site: site)
            for period in site.periods.keys.sorted() {
                for (id, def) in site.lines where def.formula != nil { _ = evaluator.formulaValue(id, period) }
            }
            computed = evaluator.computed.mapValues { $0.compactMapValues { $0 } }
            reads = evaluator.reads
            footings = FootingCache()
            plans = Self.plans(site)
        }

        static func plans(_ site: Site) -> [String: LayoutPlan] {
            Dictionary(site.layouts.map { ($0.id, LayoutPlan($0, site: site)) }, uniquingKeysWith: { a, _ in a })
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

    let storage: Storage

    /// The footed column for `key`, computed by `foot` on first use.
    func footing(_ key: FootingCache.Key, _ foot: () -> FootingCache.Report) -> FootingCache.Report {
        storage.footings.report(key, foot)
    }

    /// The plan of `layout` (made on the spot for a layout the site does not hold).
    func plan(_ layout: Layout) -> LayoutPlan {
        storage.plans[layout.id] ?? LayoutPlan(layout, site: storage.site)
    }

    public init(site: Site) { storage = Storage(site: site) }

    /// The book of `site`, reusing `other`'s formula values when `site` has exactly the
    /// same periods and facts (only overrides, layouts' presentation or releases differ).
    public init(site: Site, sharingValuesOf other: FactBook) {
        let same = site.periods.count == other.site.periods.count
            && site.periods.allSatisfy { p, data in other.site.periods[p].map { $0.facts == data.facts } ?? false }
        guard same else {
            storage = Storage(site: site)
            return
        }
        // Footed columns read, beyond the values, each period's rate and overrides, the layouts, the lines and the rounding.
        let sameFooting = site.settings.figures == other.site.settings.figures
            && site.layouts.map(\.id) == other.site.layouts.map(\.id) && site.lines.count == other.site.lines.count
            && site.periods.allSatisfy { p, data in other.site.periods[p].map { Self.printSame(data, $0) } ?? false }
        storage = Storage(site: site, sharingValuesOf: other.storage, footings: sameFooting)
    }

    /// Whether two periods with the same facts print the same translation and "% of" figures.
    static func printSame(_ a: PeriodData, _ b: PeriodData) -> Bool {
        guard a.translation == b.translation, a.overrides.count == b.overrides.count else { return false }
        return a.overrides.allSatisfy { layout, lines in
            guard let other = b.overrides[layout], other.count == lines.count else { return false }
            return lines.allSatisfy { line, o in
                other[line].map { $0.translation?.value == o.translation?.value && $0.percent?.value == o.percent?.value } ?? false
            }
        }
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

    /// Every formula line's computed value in `period`, by line id.
    func computedValues(_ period: FiscalPeriod) -> [String: Exact]? {
        storage.computed[period]
    }

    /// Evaluates a formula, each reference in its home unit, for `period`.
    public func evaluate(_ formula: Formula, _ period: FiscalPeriod) -> Exact? {
        formula.evaluate { id, role in value(id, (role ?? .current).resolve(period)) }
    }

    /// The value converted to `unit` (thousands → millions …), unrounded.
    public func value(_ line: String, _ period: FiscalPeriod, in unit: Unit) -> Exact? {
        guard let v = value(line, period), let def = storage.site.lines[line] else { return nil }
        let factor = def.unit.factor(to: unit)
        // Values are kept in lowest terms, so multiplying by one would give `v` back.
        return factor == .one ? v : v * factor
    }
}
