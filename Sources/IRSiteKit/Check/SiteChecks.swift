/// Validation rules over a loaded site. Pure: a site in, diagnostics out.
public enum SiteChecks {
    /// - Parameter memo: per-release findings kept by a long-lived process, by the
    ///   digests of everything a release's checks read.
    public static func run(_ site: Site, memo: ReleaseCheckMemo? = nil) -> [Diagnostic] {
        run(FactBook(site: site), memo: memo)
    }

    /// The checks over a book already made (the build shares it with the pages).
    public static func run(_ book: FactBook, memo: ReleaseCheckMemo? = nil) -> [Diagnostic] {
        let site = book.site
        var out: [Diagnostic] = []
        out += relationUnits(site)
        out += periods(book, memo: memo)
        out += releases(book, memo: memo)
        out += headline(site)
        out += summaryCharts(site)
        return out
    }

    /// The checks over each period's figures (stated totals, the layouts' relations,
    /// overrides, divisions by zero, overflows), period by period on all cores. With
    /// `memo`, a period whose inputs (``ReleaseCheckMemo/key(period:book:)``) are
    /// unchanged answers from what an earlier build found.
    static func periods(_ book: FactBook, memo: ReleaseCheckMemo? = nil) -> [Diagnostic] {
        let context = PeriodCheckContext(book)
        return book.site.periods.keys.sorted().parallelMap { p in
            guard let memo else { return period(p, context) }
            return memo.cache.periodChecks.value(for: memo.key(period: p, book: book)) { _ in period(p, context) }
        }.flatMap { $0 }
    }

    /// What the per-period checks share, made once per build rather than once per period.
    struct PeriodCheckContext: Sendable {
        let book: FactBook
        /// The book's deriver (its footed columns are the ones the pages print).
        let deriver: StatementDeriver
        /// The book with every override removed: what the rules alone would print.
        let bare: StatementDeriver
        /// Lines in file order.
        let lines: [LineDefinition]
        /// Lines whose formula divides or multiplies: only they can lose their value to a zero.
        let dividing: [LineDefinition]

        init(_ book: FactBook) {
            self.book = book
            deriver = StatementDeriver(book: book)
            var bare = book.site
            for key in bare.periods.keys where !(bare.periods[key]?.overrides.isEmpty ?? true) { bare.periods[key]?.overrides = [:] }
            // Overrides change what prints, never the values: the book's formulas need not run again.
            self.bare = StatementDeriver(book: FactBook(site: bare, sharingValuesOf: book))
            lines = book.site.lines.values.sorted { $0.location < $1.location }
            dividing = lines.filter { $0.formula != nil && $0.formula?.signedTerms == nil }
        }
    }

    /// One period's findings: they read its facts, those of its prior year and
    /// prior quarter (relations such as cash continuity), all their figures are
    /// computed from, and the layouts and site.yaml.
    static func period(_ p: FiscalPeriod, _ context: PeriodCheckContext) -> [Diagnostic] {
        statedTotals(context.book, p) + relationChecks(context.book, p) + overrides(context, p)
            + divisionsByZero(context, p) + overflows(context, p)
    }

    /// A figure too large or too precise for exact arithmetic (128 bits) would print
    /// as nonsense: each is an error at the fact or formula it comes from.
    static func overflows(_ context: PeriodCheckContext, _ period: FiscalPeriod) -> [Diagnostic] {
        let book = context.book, site = book.site
        var out: [Diagnostic] = []
        for def in context.lines where book.computed(def.id, period)?.isOverflow == true {
            let at = def.formulaLocation ?? def.location
            out.append(Diagnostic(.error, "\(period.label) '\(def.id)' is too large or too precise to compute exactly (beyond 128-bit arithmetic); check its figures and constants", at: at))
        }
        guard let translation = site.periods[period]?.translation, let data = site.periods[period] else { return out }
        let deriver = context.deriver
        for layout in site.layouts where layout.showsTranslation {
            let column = ResolvedColumn(show: .translation, period: period)
            if book.plan(layout).lineRows.contains(where: { deriver.exactCell($0.line, layout, column)?.isOverflow == true }) {
                out.append(Diagnostic(.error, "\(period.label): translating '\(layout.id)' at the rate \(translation.rateText.excerpt) is too precise to compute exactly (beyond 128-bit arithmetic); give the rate with fewer decimals",
                                      at: translation.location ?? SourceLocation(file: data.file, line: 1, column: 1)))
                break
            }
        }
        return out
    }

    /// A stated total or derived value must equal its formula.
    static func statedTotals(_ book: FactBook, _ period: FiscalPeriod) -> [Diagnostic] {
        let site = book.site
        let formatter = FigureFormatter(site.settings.figures)
        var out: [Diagnostic] = []
        do {
            guard let data = site.periods[period] else { return [] }
            for (line, fact) in data.facts.sorted(by: { $0.value.location < $1.value.location }) {
                guard let stated = fact.value, let def = site.lines[line], let formula = def.formula,
                      let computed = book.computed(line, period), !computed.isOverflow else { continue }
                // Sums are exact; anything with * or / is checked to the stated precision.
                let expected = formula.signedTerms == nil ? computed.rounded(to: fact.places, site.settings.figures.rounding) : computed
                guard expected != stated else {
                    if let ack = data.discrepancies[line] {
                        out.append(Diagnostic(.warning, "'\(line)' is acknowledged as not footing, but it foots in \(period.label); remove the entry", at: ack.location))
                    }
                    continue
                }
                // Printed to as many decimals as the values have: a tiny difference must not print as 0.
                let places = [fact.places, expected.decimalPlaces ?? fact.places, stated.decimalPlaces ?? fact.places].max() ?? fact.places
                let message = "\(period.label) '\(line)' is stated as \(formatter.format(stated, places: places)) but \(formula.signedTerms == nil ? "its formula gives" : "its components sum to") \(formatter.format(expected, places: places)) (difference \(formatter.format(stated - expected, places: places)))"
                if let ack = data.discrepancies[line] {
                    out.append(Diagnostic(.warning, message + "; printed as released: \(ack.value)", at: fact.location))
                } else {
                    out.append(Diagnostic(.error, message, at: fact.location))
                }
            }
            for (line, ack) in data.discrepancies where data.facts[line]?.value == nil || site.lines[line]?.formula == nil {
                out.append(Diagnostic(.error, "'\(line)' has no stated total in \(period.label) to acknowledge", at: ack.location))
            }
        }
        return out
    }

    /// The layouts' `checks`, for every period whose operands exist, in a common
    /// unit, within the rounding of the coarser figures.
    static func relationChecks(_ book: FactBook, _ period: FiscalPeriod) -> [Diagnostic] {
        let site = book.site
        var out: [Diagnostic] = []
        for layout in site.layouts {
            for check in layout.checks {
                let refs = check.left.references + check.right.references
                let units = refs.compactMap { site.lines[$0.line]?.unit }
                // Mixed units are reported once, by relationUnits.
                guard let common = units.min(by: { exponent($0) < exponent($1) }),
                      units.allSatisfy({ $0.isCommensurable(with: common) }) else { continue }
                // Each operand typed in a coarser unit was rounded to it: allow half a unit each.
                var tolerance = Exact.zero
                for u in units where exponent(u) > exponent(common) { tolerance += Exact(1, 2) * u.factor(to: common) }
                do {
                    let value: (String, PeriodRole?) -> Exact? = { id, role in
                        book.value(id, (role ?? .current).resolve(period), in: common)
                    }
                    let periodsPresent = refs.allSatisfy { book.hasPeriod(($0.period ?? .current).resolve(period)) }
                    guard periodsPresent, let left = check.left.evaluate(value), let right = check.right.evaluate(value) else { continue }
                    let difference = left - right
                    if difference.magnitude > tolerance {
                        let f = FigureFormatter(site.settings.figures)
                        let places = difference.magnitude < Exact(1) ? 1 : 0
                        var message = "\(period.label): \(check.text) does not hold: \(f.format(left, places: places)) vs \(f.format(right, places: places)) \(common.caption) (difference \(f.format(difference, places: places)))"
                        if let why = check.message { message += "; \(why)" }
                        out.append(Diagnostic(check.severity, message, at: check.location))
                    }
                }
            }
        }
        return out
    }

    /// A layout check whose operands have units that cannot be compared: once per check, not per period.
    static func relationUnits(_ site: Site) -> [Diagnostic] {
        site.layouts.flatMap(\.checks).compactMap { check in
            let units = (check.left.references + check.right.references).compactMap { site.lines[$0.line]?.unit }
            guard let common = units.min(by: { exponent($0) < exponent($1) }), units.allSatisfy({ $0.isCommensurable(with: common) }) else {
                return Diagnostic(.error, "check mixes units that cannot be compared", at: check.location)
            }
            return nil
        }
    }

    static func exponent(_ unit: Unit) -> Int { if case let .money(_, e) = unit { return e } else { return 0 } }

    /// Every override is listed, with the value the rule would print.
    static func overrides(_ context: PeriodCheckContext, _ period: FiscalPeriod) -> [Diagnostic] {
        let site = context.book.site
        let deriver = context.bare
        let formatter = FigureFormatter(site.settings.figures)
        var out: [Diagnostic] = []
        do {
            for (layoutID, lines) in site.periods[period]?.overrides ?? [:] {
                guard let layout = site.layout(layoutID) else { continue }
                for (line, o) in lines {
                    for (show, literal) in [(Column.Show.translation, o.translation), (.percent, o.percent)] {
                        guard let literal else { continue }
                        let places = show == .percent ? StatementDeriver.percentPlaces : layout.decimals
                        let computed = deriver.foot(layout, ResolvedColumn(show: show, period: period))[line]
                        let computedText = computed.map { formatter.format(units: $0, places: places) } ?? "nothing"
                        let printed = formatter.format(literal.value, places: places)
                        let what = show == .percent ? "% of \(layout.percentOf ?? "base")" : "translation"
                        let plugged = literal.value.scaled(to: places, site.settings.figures.rounding)
                        if let computed, abs(plugged - computed) > 1 {
                            // A plug moves a figure by one unit in its last digit; anything more is a typo
                            // that footing would spread over the other rows.
                            out.append(Diagnostic(.error, "override of \(period.label) \(layoutID) '\(line)' \(what) prints \(printed) but the computed figure is \(computedText): an override may differ by one unit in the last digit", at: o.location))
                        } else if computed == plugged {
                            out.append(Diagnostic(.warning, "override of \(period.label) \(layoutID) '\(line)' \(what) repeats the computed \(computedText); remove it", at: o.location))
                        } else {
                            out.append(Diagnostic(.note, "override: \(period.label) \(layoutID) '\(line)' \(what) prints \(printed) (computed \(computedText))\(o.reason.map { "; \($0)" } ?? "")", at: o.location))
                        }
                    }
                }
            }
        }
        return out
    }

    /// Each release: its period and comparisons exist, its embeds resolve, its
    /// translation rate is there, its guidance lines exist, its announced dates make sense.
    static func releases(_ book: FactBook, memo: ReleaseCheckMemo? = nil) -> [Diagnostic] {
        let site = book.site
        // Each release is checked on its own, on all cores; then, in release order,
        // each period is attributed to the first release that prints it.
        let presence = memo.map { _ in Fingerprint.of(site.periods.keys.sorted().map(\.id).joined(separator: ",")) }
        let deriver = StatementDeriver(book: book)
        let checked = site.releases.parallelMap { r in
            guard let memo, let presence else { return release(r, deriver) }
            return memo.cache.releaseChecks.value(for: memo.key(r, book: book, presence: presence)) { _ in
                let (diagnostics, printed) = release(r, deriver)
                return ReleaseCheckMemo.Result(diagnostics: diagnostics, printed: printed.map { ReleaseCheckMemo.Printed(period: $0.0, layout: $0.1) })
            }.unpacked
        }
        var out: [Diagnostic] = []
        var printed: [FiscalPeriod: [String: FiscalPeriod]] = [:]
        for (release, result) in zip(site.releases, checked) {
            out += result.diagnostics
            for (p, layoutID) in result.printed where printed[p, default: [:]][layoutID] == nil {
                printed[p, default: [:]][layoutID] = release.period
            }
        }
        for (period, layouts) in printed.sorted(by: { $0.key < $1.key }) {
            for (layoutID, releasePeriod) in layouts.sorted(by: { $0.key < $1.key }) {
                if let layout = site.layout(layoutID) { out += missingFacts(layout, period: period, printedBy: releasePeriod, book) }
            }
        }
        return out
    }

    /// One release's findings, and the (period, layout) pairs it prints, in order.
    static func release(_ release: Release, _ deriver: StatementDeriver) -> (diagnostics: [Diagnostic], printed: [(FiscalPeriod, String)]) {
        let book = deriver.book, site = book.site
        var out: [Diagnostic] = []
        var printed: [(FiscalPeriod, String)] = []
        let at = release.releasedLocation
        guard book.hasPeriod(release.period) else {
            return ([Diagnostic(.error, "release for \(release.period.label) has no facts: add periods/\(release.period.id).yaml", at: at)], [])
        }
        let (embedded, diagnostics) = ReleaseEmbeds.statements(in: release, site: site)
        out += diagnostics
        out += ReleaseCharts.resolve(release, book: book).diagnostics
        for finding in release.document.outline.findings {
            let at = release.document.location(line: finding.line, column: finding.column)
            switch finding.kind {
            case .topLevelHeading:
                out.append(Diagnostic(.warning, "a '#' heading makes a second <h1>: the release title is the page's heading; use '##'", at: at))
            case .rawHTML where !site.settings.rawHTML:
                out.append(Diagnostic(.warning, "raw HTML is left out of the page; write Markdown, or set raw_html: true in site.yaml", at: at))
            case .rawHTML:
                break
            case .dangerousURL(let url):
                out.append(Diagnostic(.error, "a link to '\(url.prefix(60))' could run script in the reader's browser; it is left out of the page (javascript:, vbscript:, file: and data: other than images are not allowed)", at: at))
            }
        }
        var warnedMissing: Set<FiscalPeriod> = []
        for layout in Set(embedded.values.map(\.id)).sorted().compactMap(site.layout) {
            for column in StatementDeriver.columns(of: layout, for: release.period) {
                for p in [column.period, column.base].compactMap({ $0 }) where !book.hasPeriod(p) && warnedMissing.insert(p).inserted {
                    out.append(Diagnostic(.warning, "the \(release.period.label) release compares with \(p.label), which has no period file; its columns print as missing", at: at))
                }
                if column.show == .translation, book.hasPeriod(column.period), site.periods[column.period]?.translation == nil {
                    out.append(Diagnostic(.error, "'\(layout.id)' prints a translation for \(column.period.label) but periods/\(column.period.id).yaml has no translation rate", at: at))
                }
            }
            out += footingWarnings(layout, release.period, deriver)
            for column in StatementDeriver.columns(of: layout, for: release.period) {
                for p in [column.period, column.base].compactMap({ $0 }) { printed.append((p, layout.id)) }
            }
        }
        if let guidance = release.guidance {
            for item in guidance.items where site.lines[item.line.value] == nil {
                out.append(Diagnostic(.error, "unknown line '\(item.line.value)' in guidance\(Suggestion.didYouMean(item.line.value, Set(site.lines.keys)))", at: item.line.location))
            }
            if guidance.period <= release.period {
                out.append(Diagnostic(.warning, "guidance is for \(guidance.period.label), not after the release's own period \(release.period.label)", at: guidance.location))
            }
        }
        let releasedDay = release.released.date
        for event in release.events where event.kind == .results || event.kind == .quietPeriod {
            if event.start.date < releasedDay {
                let what = event.kind == .results ? "the next results date" : "the quiet period"
                out.append(Diagnostic(.warning, "\(what) '\(event.title)' is dated \(event.start.date.long), before the release itself (\(releasedDay.long)); a typo for \(event.start.date.year + 1)?", at: event.location))
            }
        }
        return (out, printed)
    }

    /// A plain line that a release prints must have a fact in each period it shows:
    /// a value, or `null` for "not reported". A forgotten line would print as missing
    /// and silently shrink the totals computed from it.
    static func missingFacts(_ layout: Layout, period: FiscalPeriod, printedBy releasePeriod: FiscalPeriod, _ book: FactBook) -> [Diagnostic] {
        let site = book.site
        var out: [Diagnostic] = []
        do {
            guard let data = site.periods[period] else { return [] }
            let plain = book.plan(layout).plainHomeRows
            let absent = plain.filter { data.facts[$0.line] == nil }
            guard !absent.isEmpty else { return [] }
            let at = SourceLocation(file: data.file, line: 1, column: 1)
            if absent.count == plain.count {
                out.append(Diagnostic(.error, "\(period.label) has no facts for '\(layout.id)', which the \(releasePeriod.label) release prints; add them under facts: \(layout.id): (null for a line not reported)", at: at))
            } else {
                for row in absent {
                    out.append(Diagnostic(.error, "\(period.label) has no fact for '\(row.line)' (\(layout.id)), which the \(releasePeriod.label) release prints; write '\(row.line): null' if it was not reported", at: at))
                }
            }
        }
        return out
    }

    /// A derived line whose formula divides by zero prints as missing; say so.
    static func divisionsByZero(_ context: PeriodCheckContext, _ period: FiscalPeriod) -> [Diagnostic] {
        let book = context.book
        var out: [Diagnostic] = []
        do {
            for def in context.dividing {
                guard let formula = def.formula, book.computed(def.id, period) == nil,
                      formula.references.allSatisfy({ book.value($0.line, ($0.period ?? .current).resolve(period)) != nil }) else { continue }
                if book.stated(def.id, period) != nil {
                    // The stated figure prints, but nothing checks it against its formula.
                    out.append(Diagnostic(.error, "\(period.label): division by zero in the formula of '\(def.id)', so its stated figure cannot be checked; check its operands", at: def.formulaLocation ?? def.location))
                } else {
                    out.append(Diagnostic(.error, "\(period.label): '\(def.id)' divides by zero, so it would print as missing; check its operands", at: def.formulaLocation ?? def.location))
                }
            }
        }
        return out
    }

    /// Printed translation and percent columns must foot; overrides can break that.
    /// Reads the footed columns the pages print (footed once per build, see ``FootingCache``).
    static func footingWarnings(_ layout: Layout, _ period: FiscalPeriod, _ deriver: StatementDeriver) -> [Diagnostic] {
        let book = deriver.book
        let plan = book.plan(layout)
        var out: [Diagnostic] = []
        for column in StatementDeriver.columns(of: layout, for: period) where column.show == .translation || column.show == .percent {
            guard book.hasPeriod(column.period) else { continue }
            let report = deriver.footReport(plan, column)
            for finding in report.implausible {
                guard let def = book.site.lines[finding.total] else { continue }
                let what = column.show == .percent ? "%" : "translation"
                let by = finding.difference.map { "\($0.magnitude)" } ?? "more than 10^38"
                let at = book.stated(finding.total, column.period)?.location ?? def.formulaLocation ?? def.location
                out.append(Diagnostic(.error, "printed \(what) column of \(column.period.label): the parts of '\(finding.total)' miss its total by \(by) last-digit units, more than rounding \(finding.terms) terms explains; is a figure in the wrong unit?", at: at))
            }
            for relation in plan.printedRelations {
                guard let totalSlot = relation.totalSlot, let total = report.printed[totalSlot] else { continue }
                let sum = relation.terms.reduce(Int128(0)) { $0 + Int128($1.sign) * ($1.slot.flatMap { report.printed[$0] } ?? 0) }
                if sum != total, let def = book.site.lines[relation.total] {
                    out.append(Diagnostic(.warning, "printed \(column.show == .percent ? "%" : "translation") column of \(column.period.label) does not foot for '\(relation.total)': parts sum to \(sum), total prints \(total) (in last-digit units)", at: def.formulaLocation ?? def.location))
                }
            }
        }
        return out
    }

    static func headline(_ site: Site) -> [Diagnostic] {
        (site.settings.headline + (site.settings.summary.figures ?? []) + site.settings.summary.segments).compactMap { h in
            site.lines[h.line.value] == nil
                ? Diagnostic(.error, "unknown line '\(h.line.value)' in headline\(Suggestion.didYouMean(h.line.value, Set(site.lines.keys)))", at: h.line.location)
                : nil
        }
    }
}
