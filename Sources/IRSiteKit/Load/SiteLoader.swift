import Foundation

/// Turns the raw content files into a ``Site``: decodes each file with source
/// positions and resolves every cross-reference (lines, layouts, periods).
/// Pure: it reads only the ``ContentFiles`` value. Reports every problem it
/// can find in one pass rather than stopping at the first.
public enum SiteLoader {
    /// - Parameter cache: decoded files from earlier builds of a long-lived process.
    public static func load(_ files: ContentFiles, cache: BuildCache? = nil) -> (site: Site?, diagnostics: [Diagnostic]) {
        load(files, cache: cache.map { ($0, $0.fileDigests(files)) })
    }

    /// - Parameter cache: decoded files from earlier builds, and each file's digest (``BuildCache/fileDigests(_:)``).
    static func load(_ files: ContentFiles, cache: (cache: BuildCache, digests: [String: Fingerprint])?) -> (site: Site?, diagnostics: [Diagnostic]) {
        guard let siteFile = files.site else {
            let path = files.root.hasSuffix("/") ? files.root + "site.yaml" : files.root + "/site.yaml"
            return (nil, [Diagnostic(.error, "missing file: every site needs a site.yaml (company, fiscal year, currency)",
                                     at: SourceLocation(file: path, line: 1, column: 1), stage: .load)])
        }
        var diagnostics: [Diagnostic] = []
        let settings = loadSettings(siteFile, diagnostics: &diagnostics)
        let (layouts, lines, references, failedLayouts) = loadLayouts(files.layouts, diagnostics: &diagnostics)
        // References into a layout that failed to load would each be reported as unknown:
        // one error is enough, the rest are checked once it loads.
        var referenceDiagnostics: [Diagnostic] = []
        resolveReferences(layouts: layouts, lines: lines, references: references, diagnostics: &referenceDiagnostics)
        let periods = resolvedPeriods(files, calendar: settings?.calendar, layouts: layouts, lines: lines, cache: cache,
                                      diagnostics: &diagnostics, referenceDiagnostics: &referenceDiagnostics)
        let releases = loadReleases(files, allowActive: settings?.rawHTML ?? false, cache: cache, diagnostics: &diagnostics)
        diagnostics += reportable(referenceDiagnostics, failedLayouts: failedLayouts)
        guard let settings, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Site(settings: settings, layouts: layouts, lines: lines, periods: periods, releases: releases), diagnostics)
    }

    /// An error decoding `file`, as a diagnostic at its place (or the file's start).
    static func diagnostic(_ error: any Error, file: String) -> Diagnostic {
        if let e = error as? LocatedError { return e.diagnostic }
        return Diagnostic(.error, "\(error)", at: SourceLocation(file: file, line: 1, column: 1), stage: .load)
    }

    // MARK: Settings

    /// site.yaml, resolved; nil when it does not decode.
    static func loadSettings(_ siteFile: ContentFiles.File, diagnostics: inout [Diagnostic]) -> SiteSettings? {
        do {
            let (raw, unknown) = try NodeDecoder.decodeReportingUnknownKeys(SiteFile.self, yaml: siteFile.text, file: siteFile.path)
            diagnostics += unknown.map(\.diagnostic)
            let start = raw.fiscalYear.startMonth
            if let zone = raw.timeZone, TimeZone(identifier: zone.value) == nil {
                diagnostics.append(Diagnostic(.error, "unknown time zone '\(zone.value.excerpt)'; use an IANA name such as Asia/Tokyo or America/New_York",
                                              at: zone.location, stage: .load))
            }
            if !AbsoluteURL.isValidBase(raw.baseURL.value) {
                // Feeds, the sitemap and canonical links are built on it: only a web address will do.
                diagnostics.append(Diagnostic(.error, "base_url must be an absolute http:// or https:// URL with a host, such as https://ir.example.com/, found '\(raw.baseURL.value.excerpt)'",
                                              at: raw.baseURL.location, stage: .load))
            }
            if !(1...12).contains(start.value) {
                diagnostics.append(Diagnostic(.error, "fiscal year start_month must be 1 to 12, found \(start.value)", at: start.location, stage: .load))
            }
            return SiteSettings(
                company: raw.company, shortName: raw.shortName, listing: raw.listing, language: raw.language,
                baseURL: raw.baseURL.value, zone: ZoneRules(identifier: raw.timeZone?.value ?? "UTC"),
                calendar: FiscalCalendar(startMonth: min(max(start.value, 1), 12), namedFor: raw.fiscalYear.namedFor),
                currency: raw.currency, translationCurrency: raw.translationCurrency, figures: raw.figures,
                headline: raw.headline, contacts: raw.contacts, rawHTML: raw.rawHTML, summary: raw.summary,
                file: siteFile.path, strings: raw.strings)
        } catch {
            diagnostics.append(diagnostic(error, file: siteFile.path))
            return nil
        }
    }

    /// Lines and layouts cite each other: a reference into a layout that did not load.
    typealias LayoutReference = (layout: String, row: LineRow, from: Located<String>)

    /// The layouts in their order, the lines they define, the rows shown `from` another
    /// layout (resolved once all are read), and the layouts that failed to decode.
    static func loadLayouts(_ files: [ContentFiles.File], diagnostics: inout [Diagnostic])
        -> (layouts: [Layout], lines: [String: LineDefinition], references: [LayoutReference], failed: Set<String>) {
        var layouts: [Layout] = []
        var lines: [String: LineDefinition] = [:]
        var references: [LayoutReference] = []
        var failed: Set<String> = []
        for file in files {
            do {
                let (raw, unknown) = try NodeDecoder.decodeReportingUnknownKeys(LayoutFile.self, yaml: file.text, file: file.path)
                diagnostics += unknown.map(\.diagnostic)
                layouts.append(resolveLayout(raw, file: file, lines: &lines, references: &references, diagnostics: &diagnostics))
            } catch {
                diagnostics.append(diagnostic(error, file: file.path))
                failed.insert(file.stem)
            }
        }
        layouts.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        return (layouts, lines, references, failed)
    }

    /// Reference findings, less the dangling ones a failed layout explains (one note says so).
    static func reportable(_ referenceDiagnostics: [Diagnostic], failedLayouts: Set<String>) -> [Diagnostic] {
        guard !failedLayouts.isEmpty else { return referenceDiagnostics }
        let dangling = referenceDiagnostics.filter { $0.message.hasPrefix("unknown line") || $0.message.hasPrefix("unknown layout") }
        var out = referenceDiagnostics.filter { d in !dangling.contains(d) }
        if let first = dangling.first {
            out.append(Diagnostic(.note, "\(dangling.count) reference\(dangling.count == 1 ? "" : "s") to lines or layouts not checked until \(failedLayouts.sorted().map { "statements/\($0).yaml" }.joined(separator: ", ")) load\(failedLayouts.count == 1 ? "s" : "")",
                                  at: first.location, stage: .load))
        }
        return out
    }

    // MARK: Periods and releases

    /// ``loadPeriods(_:calendar:layouts:lines:cache:diagnostics:referenceDiagnostics:)``, or, when
    /// site.yaml, the layouts and the period files are those of the cache's previous build, what
    /// it resolved (a release edit in `irsite serve` resolves no period again).
    static func resolvedPeriods(_ files: ContentFiles, calendar: FiscalCalendar?, layouts: [Layout], lines: [String: LineDefinition],
                                cache: (cache: BuildCache, digests: [String: Fingerprint])?, diagnostics: inout [Diagnostic],
                                referenceDiagnostics: inout [Diagnostic]) -> [FiscalPeriod: PeriodData] {
        let key = cache.flatMap { BuildCache.ResolvedPeriods.key(files, digests: $0.digests) }
        if let key, let known = cache?.cache.resolvedPeriods(for: key) {
            diagnostics += known.diagnostics
            referenceDiagnostics += known.referenceDiagnostics
            return known.periods
        }
        var found: [Diagnostic] = [], references: [Diagnostic] = []
        let periods = loadPeriods(files.periods, calendar: calendar, layouts: layouts, lines: lines, cache: cache,
                                  diagnostics: &found, referenceDiagnostics: &references)
        if let key {
            cache?.cache.remember(BuildCache.ResolvedPeriods(key: key, periods: periods, diagnostics: found, referenceDiagnostics: references))
        }
        diagnostics += found
        referenceDiagnostics += references
        return periods
    }

    /// Every period file, decoded on all cores (decoding is most of loading), then resolved
    /// against the layouts. Findings about lines and layouts go to `referenceDiagnostics`.
    static func loadPeriods(_ files: [ContentFiles.File], calendar: FiscalCalendar?, layouts: [Layout], lines: [String: LineDefinition],
                            cache: (cache: BuildCache, digests: [String: Fingerprint])?, diagnostics: inout [Diagnostic],
                            referenceDiagnostics: inout [Diagnostic]) -> [FiscalPeriod: PeriodData] {
        var periods: [FiscalPeriod: PeriodData] = [:]
        let decodedPeriods = files.parallelMap { file in
            let decode = { Result { try NodeDecoder.decodeReportingUnknownKeys(PeriodFile.self, yaml: file.text, file: file.path) } }
            guard let cache, let digest = cache.digests[file.path] else { return decode() }
            return cache.cache.period(path: file.path, digest: digest, decode)
        }
        for (file, decoded) in zip(files, decodedPeriods) {
            do {
                let (raw, unknown) = try decoded.get()
                diagnostics += unknown.map(\.diagnostic)
                if let data = resolvePeriod(raw, file: file, calendar: calendar, layouts: layouts, lines: lines,
                                            diagnostics: &referenceDiagnostics) {
                    if let other = periods[data.period] {
                        diagnostics.append(Diagnostic(.error, "period \(data.period.label) is already defined in \(other.file)", at: raw.fiscalYear.location, stage: .load))
                    } else {
                        periods[data.period] = data
                    }
                }
            } catch {
                diagnostics.append(diagnostic(error, file: file.path))
            }
        }
        return periods
    }

    /// Every release file, decoded and its commentary parsed on all cores (one
    /// ``ReleaseDocument`` each), newest first; one release per period.
    /// An unchanged release file comes from `cache` (loading it depends on its text alone).
    static func loadReleases(_ files: ContentFiles, allowActive: Bool, cache: (cache: BuildCache, digests: [String: Fingerprint])?,
                             diagnostics: inout [Diagnostic]) -> [Release] {
        var releases: [Release] = []
        var seen: [FiscalPeriod: String] = [:]
        let resolved = files.releases.parallelMap { file in
            let decode = {
                var found: [Diagnostic] = []
                let release = Result { try resolveRelease(file, diagnostics: &found) }
                return BuildCache.ReleaseDecoding(release: release, diagnostics: found)
            }
            guard let cache, let digest = cache.digests[file.path] else { return decode() }
            return cache.cache.release(path: file.path, digest: digest, text: file.text, decode)
        }
        for (file, decoded) in zip(files.releases, resolved) {
            diagnostics += decoded.diagnostics
            do {
                if var release = try decoded.release.get() {
                    release.attachments = checkedAttachments(files.attachments[file.path] ?? [], allowActive: allowActive,
                                                             diagnostics: &diagnostics)
                    if let other = seen[release.period] {
                        diagnostics.append(Diagnostic(.error, "two releases claim period \(release.period.label): this one and \(other)",
                                                      at: SourceLocation(file: file.path, line: 1, column: 1), stage: .load))
                    } else {
                        seen[release.period] = release.file
                        releases.append(release)
                    }
                }
            } catch {
                diagnostics.append(diagnostic(error, file: file.path))
            }
        }
        releases.sort { $0.period > $1.period }
        return releases
    }

    // MARK: Layouts

    static func resolveLayout(_ raw: LayoutFile, file: ContentFiles.File, lines: inout [String: LineDefinition],
                              references: inout [(layout: String, row: LineRow, from: Located<String>)],
                              diagnostics: inout [Diagnostic]) -> Layout {
        var rows: [Row] = []
        for located in raw.rows {
            let spec = located.value
            if let header = spec.header {
                rows.append(Row(content: .header(header), indent: spec.indent, location: located.location))
                continue
            }
            guard let line = spec.line, let label = spec.label else { continue }
            let unit = spec.unit ?? raw.unit
            let decimals = spec.decimals ?? raw.decimals
            let row = LineRow(line: line.value, label: label, unit: unit, decimals: decimals, percentSign: spec.percentSign,
                              inLayoutUnit: unit == raw.unit, location: line.location)
            rows.append(Row(content: .line(row), indent: spec.indent, location: located.location))
            if let from = spec.from {
                references.append((file.stem, row, from))
                continue
            }
            var formula: Formula?
            if let text = spec.formula {
                do { formula = try Formula.parse(text.value) } catch {
                    diagnostics.append(Diagnostic(.error, "formula: \(error.message)", at: text.location.shifted(by: error.offset), stage: .load))
                }
            }
            if let existing = lines[line.value] {
                diagnostics.append(Diagnostic(.error, "line '\(line.value.excerpt)' is already at home in layout '\(existing.home)' (\(existing.location)); to show it here, add 'from: \(existing.home)'",
                                              at: line.location, stage: .load))
                continue
            }
            lines[line.value] = LineDefinition(id: line.value, label: label, home: file.stem, unit: unit, decimals: decimals,
                                               formula: formula, formulaLocation: spec.formula?.location, location: line.location)
        }
        var checks: [Check] = []
        for spec in raw.checks {
            do {
                let (left, right) = try Formula.parseEquation(spec.formula.value)
                checks.append(Check(left: left, right: right, text: spec.formula.value, severity: spec.severity,
                                    message: spec.message, location: spec.formula.location))
            } catch {
                diagnostics.append(Diagnostic(.error, "check: \(error.message)", at: spec.formula.location.shifted(by: error.offset), stage: .load))
            }
        }
        return Layout(id: file.stem, file: file.path, order: raw.order, title: raw.title, heading: raw.heading, basis: raw.basis,
                      unit: raw.unit, unitNote: raw.unitNote, percentOf: raw.percentOf?.value, translationNote: raw.translationNote?.value,
                      missing: raw.missing, decimals: raw.decimals, groups: raw.groups, columns: raw.columns.map(\.value),
                      rows: rows, checks: checks, notes: raw.notes)
            .validated(raw, diagnostics: &diagnostics)
    }

    static func resolveReferences(layouts: [Layout], lines: [String: LineDefinition],
                                  references: [(layout: String, row: LineRow, from: Located<String>)],
                                  diagnostics: inout [Diagnostic]) {
        let layoutIDs = Set(layouts.map(\.id))
        for ref in references {
            guard layoutIDs.contains(ref.from.value) else {
                diagnostics.append(Diagnostic(.error, "unknown layout '\(ref.from.value.excerpt)'\(Suggestion.didYouMean(ref.from.value, layoutIDs))", at: ref.from.location, stage: .load))
                continue
            }
            guard let def = lines[ref.row.line] else {
                diagnostics.append(Diagnostic(.error, "unknown line '\(ref.row.line.excerpt)'\(Suggestion.didYouMean(ref.row.line, Set(lines.keys)))", at: ref.row.location, stage: .load))
                continue
            }
            if def.home != ref.from.value {
                diagnostics.append(Diagnostic(.error, "line '\(ref.row.line.excerpt)' is at home in '\(def.home)', not '\(ref.from.value.excerpt)'", at: ref.from.location, stage: .load))
            } else if !def.unit.isCommensurable(with: ref.row.unit) {
                diagnostics.append(Diagnostic(.error, "line '\(ref.row.line.excerpt)' is in \(def.unit) and cannot be shown in \(ref.row.unit)", at: ref.row.location, stage: .load))
            }
        }
        // Formula references, and cycles among formulas.
        for def in lines.values.sorted(by: { $0.location < $1.location }) {
            guard let formula = def.formula, let at = def.formulaLocation else { continue }
            for r in formula.references where lines[r.line] == nil {
                diagnostics.append(Diagnostic(.error, "unknown line '\(r.line.excerpt)' in formula\(Suggestion.didYouMean(r.line, Set(lines.keys)))", at: at.shifted(by: r.offset), stage: .load))
            }
            if let terms = formula.signedTerms {
                for t in terms {
                    if let other = lines[t.line], other.unit != def.unit {
                        diagnostics.append(Diagnostic(.error, "'\(def.id)' (\(def.unit)) adds '\(t.line)' (\(other.unit)); a sum needs one unit", at: at, stage: .load))
                    }
                }
            }
        }
        for def in lines.values.sorted(by: { $0.location < $1.location }) where def.formula != nil {
            if let cycle = findCycle(from: def.id, lines: lines) {
                diagnostics.append(Diagnostic(.error, "formula cycle: \(cycle.joined(separator: " → "))", at: def.formulaLocation ?? def.location, stage: .load))
            }
        }
        for layout in layouts {
            for check in layout.checks {
                for r in check.left.references + check.right.references where lines[r.line] == nil {
                    diagnostics.append(Diagnostic(.error, "unknown line '\(r.line.excerpt)' in check\(Suggestion.didYouMean(r.line, Set(lines.keys)))", at: check.location.shifted(by: r.offset), stage: .load))
                }
            }
        }
    }

    /// A cycle through `start` in the same-period formula graph, if any.
    static func findCycle(from start: String, lines: [String: LineDefinition]) -> [String]? {
        var path: [String] = [start]
        var visited: Set<String> = []
        func visit(_ id: String) -> Bool {
            guard let f = lines[id]?.formula else { return false }
            for r in f.references where r.period == nil || r.period == .current {
                if r.line == start { path.append(r.line); return true }
                if visited.insert(r.line).inserted {
                    path.append(r.line)
                    if visit(r.line) { return true }
                    path.removeLast()
                }
            }
            return false
        }
        return visit(start) ? path : nil
    }

    // MARK: Periods

    static func resolvePeriod(_ raw: PeriodFile, file: ContentFiles.File, calendar: FiscalCalendar?, layouts: [Layout],
                              lines: [String: LineDefinition], diagnostics: inout [Diagnostic]) -> PeriodData? {
        guard (1...4).contains(raw.quarter.value) else {
            diagnostics.append(Diagnostic(.error, "quarter must be 1 to 4, found \(raw.quarter.value)", at: raw.quarter.location, stage: .load))
            return nil
        }
        // Page names, labels (2Q01) and dates assume a four-digit year.
        guard FiscalPeriod.years.contains(raw.fiscalYear.value) else {
            diagnostics.append(Diagnostic(.error, "fiscal_year must be \(FiscalPeriod.years.lowerBound) to \(FiscalPeriod.years.upperBound), found \(raw.fiscalYear.value)",
                                          at: raw.fiscalYear.location, stage: .load))
            return nil
        }
        let period = FiscalPeriod(year: raw.fiscalYear.value, quarter: raw.quarter.value)
        guard file.stem == period.id else {
            diagnostics.append(Diagnostic(.error, "this file declares \(period.label) (fiscal_year \(period.year), quarter \(period.quarter)); name it \(period.id).yaml so the period is found by its name",
                                          at: raw.fiscalYear.location, stage: .load))
            return nil
        }
        let calendar = calendar ?? FiscalCalendar(startMonth: 1, namedFor: .start)
        var translation: Translation?
        if let t = raw.translation {
            if let date = CalendarDate(iso: t.date.value) {
                if t.rate.value.value.signum <= 0 {
                    diagnostics.append(Diagnostic(.error, "a translation rate must be positive", at: t.rate.location, stage: .load))
                } else {
                    translation = Translation(rate: t.rate.value.value, rateText: t.rate.value.description, date: date, location: t.rate.location)
                }
            } else {
                diagnostics.append(Diagnostic(.error, "expected a date as YYYY-MM-DD, found '\(t.date.value.excerpt)'", at: t.date.location, stage: .load))
            }
        }
        let layoutIDs = Set(layouts.map(\.id))
        var facts: [String: Fact] = [:]
        for (layoutID, group) in raw.facts.sorted(by: { $0.key < $1.key }) {
            guard layoutIDs.contains(layoutID) else {
                diagnostics.append(Diagnostic(.error, "unknown layout '\(layoutID.excerpt)' in facts\(Suggestion.didYouMean(layoutID, layoutIDs))", at: group.location.shifted(lines: -1), stage: .load))
                continue
            }
            for (lineID, fact) in group.value.sorted(by: { $0.value.location < $1.value.location }) {
                guard let def = lines[lineID] else {
                    diagnostics.append(Diagnostic(.error, "unknown line '\(lineID.excerpt)'\(Suggestion.didYouMean(lineID, Set(lines.filter { $0.value.home == layoutID }.keys)))", at: fact.location, stage: .load))
                    continue
                }
                guard def.home == layoutID else {
                    diagnostics.append(Diagnostic(.error, "line '\(lineID.excerpt)' is at home in '\(def.home)'; type its facts there, once", at: fact.location, stage: .load))
                    continue
                }
                facts[lineID] = Fact(value: fact.value?.value, places: fact.value?.places ?? 0, location: fact.location)
            }
        }
        var overrides: [String: [String: Override]] = [:]
        for (layoutID, group) in raw.overrides.sorted(by: { $0.key < $1.key }) {
            guard let layout = layouts.first(where: { $0.id == layoutID }) else {
                diagnostics.append(Diagnostic(.error, "unknown layout '\(layoutID.excerpt)' in overrides\(Suggestion.didYouMean(layoutID, layoutIDs))", at: group.location.shifted(lines: -1), stage: .load))
                continue
            }
            for (lineID, spec) in group.value {
                guard let row = layout.lineRows.first(where: { $0.line == lineID }) else {
                    diagnostics.append(Diagnostic(.error, "layout '\(layoutID.excerpt)' has no row for line '\(lineID.excerpt)'", at: spec.location, stage: .load))
                    continue
                }
                let o = spec.value
                if o.translation == nil, o.percent == nil {
                    diagnostics.append(Diagnostic(.error, "an override sets 'translation' or 'percent'", at: spec.location, stage: .load))
                }
                if o.translation != nil, !layout.showsTranslation || !row.inLayoutUnit {
                    diagnostics.append(Diagnostic(.error, "layout '\(layoutID.excerpt)' prints no translation for '\(lineID.excerpt)'", at: spec.location, stage: .load))
                }
                if o.percent != nil, layout.percentOf == nil || !row.inLayoutUnit {
                    diagnostics.append(Diagnostic(.error, "layout '\(layoutID.excerpt)' prints no percentage for '\(lineID.excerpt)'", at: spec.location, stage: .load))
                }
                overrides[layoutID, default: [:]][lineID] = Override(translation: o.translation, percent: o.percent, reason: o.reason, location: spec.location)
            }
        }
        return PeriodData(period: period, file: file.path, start: calendar.start(of: period), end: calendar.end(of: period),
                          translation: translation, facts: facts, overrides: overrides, discrepancies: raw.discrepancies)
    }

    // MARK: Releases

    static func resolveRelease(_ file: ContentFiles.File, diagnostics: inout [Diagnostic]) throws -> Release? {
        let (frontMatter, body, bodyLineOffset) = try FrontMatter.split(file.text, file: file.path)
        let (raw, unknown) = try NodeDecoder.decodeReportingUnknownKeys(ReleaseFrontMatter.self, yaml: frontMatter, file: file.path, lineOffset: 1)
        diagnostics += unknown.map(\.diagnostic)
        var ok = true
        func fail(_ message: String, _ at: SourceLocation) {
            diagnostics.append(Diagnostic(.error, message, at: at, stage: .load))
            ok = false
        }
        let period = FiscalPeriod(raw.period.value)
        if period == nil { fail("expected a fiscal period such as 2001-Q2, found '\(raw.period.value.excerpt)'", raw.period.location) }
        let released = Timestamp(raw.released.value)
        if released == nil { fail("expected a date-time with a zone such as 2001-11-13T15:00:00+09:00, found '\(raw.released.value.excerpt)'", raw.released.location) }
        var guidance: Guidance?
        if let g = raw.guidance {
            if let p = FiscalPeriod(g.period.value) {
                guidance = Guidance(period: p, unit: g.unit, items: g.items, location: g.period.location)
                for item in g.items where item.high.value.value < item.low.value.value {
                    fail("guidance range is inverted: high \(item.high.value) is below low \(item.low.value)", item.high.location)
                }
            } else {
                fail("expected a fiscal period such as 2001-Q3, found '\(g.period.value.excerpt)'", g.period.location)
            }
        }
        var events: [Event] = []
        for e in raw.events {
            guard let start = Timestamp(e.start.value) else {
                fail("expected a date (2001-11-14) or a date-time with a zone, found '\(e.start.value.excerpt)'", e.start.location)
                continue
            }
            var end: Timestamp?
            if let endText = e.end {
                end = Timestamp(endText.value)
                if end == nil { fail("expected a date or a date-time with a zone, found '\(endText.value.excerpt)'", endText.location) }
                if let end, let problem = Event.orderProblem(start: start, end: end) { fail(problem, endText.location) }
            }
            if let url = e.url, !AbsoluteURL.isValidBase(url.value) {
                // Pages link it: a javascript: or relative address must not become a link.
                fail("an event url must be an absolute http:// or https:// URL with a host, found '\(url.value.excerpt)'", url.location)
                continue
            }
            events.append(Event(title: e.title, kind: e.kind, start: start, end: end, url: e.url?.value, location: e.start.location))
        }
        var corrections: [Correction] = []
        for c in raw.corrections {
            guard let date = Timestamp(c.date.value) else {
                fail("expected a date (2001-11-20) or a date-time with a zone, found '\(c.date.value.excerpt)'", c.date.location)
                continue
            }
            if let released, date.epochSeconds() < released.epochSeconds() {
                fail("a correction cannot predate its release (\(released.date.long))", c.date.location)
            }
            corrections.append(Correction(date: date, note: c.note))
        }
        corrections.sort { $0.date.epochSeconds() < $1.date.epochSeconds() }
        guard ok, let period, let released else { return nil }
        return Release(file: file.path, title: raw.title, subtitle: raw.subtitle, period: period, released: released,
                       releasedLocation: raw.released.location, dateline: raw.dateline, draft: raw.draft,
                       guidance: guidance, events: events, document: ReleaseDocument(file: file.path, body: body, in: file.text, bodyLineOffset: bodyLineOffset),
                       attachments: [],
                       corrections: corrections)
    }

    /// Names pages reserve in a release's folder.
    static let reservedNames: Set<String> = ["index.html", "summary.html", "summary.pdf"]
    /// Files a browser runs scripts in when opened from the site's own origin: an
    /// attached page or SVG could read and rewrite the IR site, so they need the
    /// same opt-in as raw HTML in commentary.
    static let activeExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs", "swf"]

    /// An attachment keeps its file name in the URL, so the name must be a plain,
    /// portable file name: no path, no leading dot, nothing a page already uses.
    static func checkedAttachments(_ attachments: [ContentFiles.Attachment], allowActive: Bool = false,
                                   diagnostics: inout [Diagnostic]) -> [ContentFiles.Attachment] {
        attachments.filter { a in
            let at = SourceLocation(file: a.path, line: 1, column: 1)
            let allowed = a.name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
            if !allowed || a.name.hasPrefix(".") || a.name.utf8.count > 128 {
                diagnostics.append(Diagnostic(.error, "attachment name '\(a.name.excerpt)' must be letters, digits, '-', '_' and '.', at most 128 bytes, not starting with '.'", at: at, stage: .load))
                return false
            }
            if reservedNames.contains(a.name.lowercased()) {
                diagnostics.append(Diagnostic(.error, "attachment name '\(a.name.excerpt)' is taken by a page of the release", at: at, stage: .load))
                return false
            }
            let ext = (a.name as NSString).pathExtension.lowercased()
            if !allowActive, activeExtensions.contains(ext) {
                diagnostics.append(Diagnostic(.error, "attachment '\(a.name.excerpt)' is a .\(ext) file, which runs scripts in the site's name when opened; attach it as a PDF or an image, or set raw_html: true in site.yaml to publish such files", at: at, stage: .load))
                return false
            }
            return true
        }
    }
}

extension Layout {
    /// Checks that need the whole layout: a percent base that is one of its rows, column roles.
    func validated(_ raw: LayoutFile, diagnostics: inout [Diagnostic]) -> Layout {
        if let base = raw.percentOf, !lineRows.contains(where: { $0.line == base.value }) {
            diagnostics.append(Diagnostic(.error, "percent_of '\(base.value.excerpt)' is not a row of this layout", at: base.location, stage: .load))
        }
        for column in raw.columns {
            if column.value.show == .percent, raw.percentOf == nil {
                diagnostics.append(Diagnostic(.error, "a percent column needs 'percent_of' (the base row)", at: column.location, stage: .load))
            }
            if column.value.show == .translation, !unit.isMoney {
                diagnostics.append(Diagnostic(.error, "a translation column needs a money unit, not \(unit)", at: column.location, stage: .load))
            }
        }
        diagnostics += Self.groupSpanProblems(raw, file: file)
        diagnostics += Self.translationNoteProblems(raw)
        return self
    }
}

extension SourceLocation {
    /// The same line, `columns` further right (a position inside a scalar).
    func shifted(by columns: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column + columns) }
    func shifted(lines: Int) -> SourceLocation { SourceLocation(file: file, line: max(1, line + lines), column: column) }
}
