import Foundation
import IRSiteTestSupport
@testable import IRSiteKit

/// A larger test site made from the sample: a Content folder with `quarters`
/// consecutive fiscal quarters, each with a period file and a release (and
/// `history` quarters before them with facts only, for the first comparisons).
///
/// - `site.yaml` and `statements/` are the sample's, copied as they are.
/// - Each quarter's facts are the sample's 2Q FY2001 facts for every plain line
///   (a line at home in a layout, without a formula), scaled by a seeded
///   pseudo-random factor (a slow trend times a per-line jitter) and rounded to
///   the precision the sample types them in. Totals are never stated: the build
///   computes them.
/// - The sample's error-severity `checks` hold by construction (see `plug`):
///   the balance sheet balances (accumulated deficit is the plug), ending cash
///   equals balance-sheet cash and the next quarter's beginning cash (long-term
///   borrowing proceeds are the plug), and Table 2's breakdown adds up to
///   dedicated access services in millions. EBITDA (a warning) is made to hold too.
/// - Each release follows the sample release's structure: a dateline paragraph,
///   a summary list, guidance for the next quarter, the sample's chart blocks,
///   a short commentary and a statement block for every layout.
/// - After the published quarters come `unpublishedQuarters` more: the first
///   embargoed (released after `now`), the rest drafts. Nothing of them may
///   reach the site.
struct GeneratedContent {
    var quarters = 40
    var first = FiscalPeriod(year: 2001, quarter: 1)
    var seed: UInt64 = 20011113
    var unpublishedQuarters = 2
    /// Quarters before the first release with facts only, so every release has its comparisons.
    var history = 4

    struct Result {
        var content: String
        var published: [FiscalPeriod]
        var unpublished: [FiscalPeriod]
        /// The build's clock: a month after the last published release.
        var options: PublicationOptions
        var baseURL: String

        /// Output paths that must neither exist nor be linked in a normal build.
        var unpublishedPrefixes: [String] {
            unpublished.flatMap { ["releases/\($0.id)/", "data/\($0.id).", "charts/\($0.id)-"] }
        }
    }

    struct GeneratorError: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `Content/` under `directory` and returns where it is and how to build it.
    func write(to directory: String) throws -> Result {
        let (loaded, diagnostics) = Pipeline.check(content: Paths.content)
        guard let sample = loaded else {
            throw GeneratorError(description: "the sample content does not load: \(diagnostics.filter { $0.severity == .error })")
        }
        let base = FiscalPeriod(year: 2001, quarter: 2)
        guard let baseData = sample.periods[base] else { throw GeneratorError(description: "the sample has no \(base.id)") }
        guard let sampleRelease = sample.releases.first(where: { $0.period == base }) else {
            throw GeneratorError(description: "the sample has no release for \(base.id)")
        }

        let fm = FileManager.default
        let content = URL(fileURLWithPath: directory).appendingPathComponent("Content")
        try? fm.removeItem(at: content)
        for sub in ["periods", "releases"] {
            try fm.createDirectory(at: content.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let sampleRoot = URL(fileURLWithPath: Paths.content)
        try fm.copyItem(at: sampleRoot.appendingPathComponent("statements"), to: content.appendingPathComponent("statements"))
        try fm.copyItem(at: sampleRoot.appendingPathComponent("site.yaml"), to: content.appendingPathComponent("site.yaml"))

        // Plain lines, by home layout, in the layouts' row order.
        var plain: [(layout: String, lines: [String])] = []
        for layout in sample.layouts.sorted(by: { $0.order < $1.order }) {
            let lines = layout.lineRows.map(\.line).filter { sample.lines[$0]?.home == layout.id && sample.lines[$0]?.formula == nil }
            if !lines.isEmpty { plain.append((layout.id, lines)) }
        }
        let chartBlocks = Self.fencedBlocks(in: sampleRelease.body, info: "chart")

        var periods: [FiscalPeriod] = []
        var period = first
        for _ in 0..<(quarters + unpublishedQuarters) {
            periods.append(period)
            period = period.next
        }
        for _ in 0..<history { periods.insert(periods[0].priorQuarter, at: 0) }
        var previousCash: Exact?
        var releasedTimes: [String] = []
        for (position, period) in periods.enumerated() {
            let index = position - history  // the release's number; negative: a history quarter without release
            var rng = SplitMix64(seed: seed &+ UInt64(position) &* 0x9E37_79B9)
            let trend = 1.0 + 0.02 * Double(index)
            var facts: [String: Exact?] = [:]
            var places: [String: Int] = [:]
            for (_, lines) in plain {
                for line in lines {
                    let fact = baseData.facts[line]
                    places[line] = fact?.places ?? 0
                    guard let value = fact?.value else {
                        // Not reported in the sample stays not reported; a line the sample leaves out is zero.
                        facts.updateValue(fact == nil ? Exact.zero : nil, forKey: line)
                        continue
                    }
                    let factor = trend * (0.85 + 0.3 * rng.unit())
                    facts[line] = (value * Self.exact(factor)).rounded(to: places[line]!, .halfAwayFromZero)
                }
            }
            let cash = plug(&facts, places: places, lines: sample.lines, base: baseData, trend: trend,
                                previousCash: previousCash, rng: &rng)
            previousCash = cash
            let rate = (Self.exact(100 + 35 * rng.unit())).rounded(to: 2, .halfAwayFromZero)
            let end = sample.settings.calendar.end(of: period)
            try periodFile(period, facts: facts, places: places, plain: plain, rate: rate, rateDate: end)
                .write(to: content.appendingPathComponent("periods/\(period.id).yaml"), atomically: true, encoding: .utf8)

            guard index >= 0 else { continue }
            let released = Self.releaseDate(after: end)
            let releasedText = "\(released.iso)T15:00:00+09:00"
            releasedTimes.append(releasedText)
            let value: (String) -> Exact = { Self.evaluate($0, facts: facts, lines: sample.lines) }
            let markdown = releaseFile(period: period, index: index, released: released, releasedText: releasedText,
                                       draft: index > quarters, sample: sample, sampleRelease: sampleRelease,
                                       chartBlocks: chartBlocks, value: value, trend: trend)
            try markdown.write(to: content.appendingPathComponent("releases/\(period.id).md"), atomically: true, encoding: .utf8)
        }
        let lastPublished = Timestamp(releasedTimes[quarters - 1])!.epochSeconds()
        let releases = periods.dropFirst(history)
        return Result(content: content.path, published: Array(releases.prefix(quarters)),
                      unpublished: Array(releases.dropFirst(quarters)),
                      options: PublicationOptions(now: lastPublished + 30 * 86_400), baseURL: sample.settings.baseURL)
    }

    // MARK: - Making the checks hold

    /// Sets the plug lines so every error-severity check of the sample's layouts holds; returns the quarter's cash.
    func plug(_ facts: inout [String: Exact?], places: [String: Int], lines: [String: LineDefinition], base: PeriodData,
              trend: Double, previousCash: Exact?, rng: inout SplitMix64) -> Exact? {
        func has(_ ids: String...) -> Bool { ids.allSatisfy { lines[$0] != nil } }
        func value(_ id: String) -> Exact { Self.evaluate(id, facts: facts, lines: lines) }
        func baseValue(_ id: String) -> Exact { base.facts[id]?.value ?? .zero }
        func unit(_ id: String) -> IRSiteKit.Unit { lines[id]?.unit ?? .count }

        // Share counts: ADS equivalents keep the sample's ratio to shares.
        if has("weighted_average_shares", "weighted_average_ads"), let shares = facts["weighted_average_shares"] ?? nil,
           let ratio = baseValue("weighted_average_ads") / baseValue("weighted_average_shares") {
            facts["weighted_average_ads"] = (shares * ratio).rounded(to: 0, .halfAwayFromZero)
        }

        // cash_beginning_of_period = cash[prior_quarter]; cash_end_of_period = cash.
        var cash: Exact?
        if has("cash", "cash_beginning_of_period", "cash_end_of_period", "proceeds_from_long_term_borrowings") {
            if let previousCash { facts["cash_beginning_of_period"] = previousCash }
            facts["proceeds_from_long_term_borrowings"] = Exact.zero
            let target = (baseValue("cash") * Self.exact(trend * (0.9 + 0.2 * rng.unit()))).rounded(to: 0, .halfAwayFromZero)
            facts["proceeds_from_long_term_borrowings"] = target - value("cash_end_of_period")
            facts["cash"] = target
            cash = target
        }

        // dedicated_access_services (thousands) = total_ip_service_revenue + economy_dsl_revenue (millions).
        if has("dedicated_access_services", "total_ip_service_revenue", "economy_dsl_revenue") {
            let factor = unit("dedicated_access_services").factor(to: unit("total_ip_service_revenue"))
            let total = (value("dedicated_access_services") * factor).rounded(to: 0, .halfAwayFromZero)
            let share = (baseValue("total_ip_service_revenue") / (baseValue("total_ip_service_revenue") + baseValue("economy_dsl_revenue"))) ?? Exact(1, 2)
            let ip = (total * share * Self.exact(0.95 + 0.1 * rng.unit())).rounded(to: 0, .halfAwayFromZero)
            facts["total_ip_service_revenue"] = ip
            facts["economy_dsl_revenue"] = total - ip
        }

        // ebitda = operating_income + depreciation_and_amortization (a warning; kept true anyway).
        if has("ebitda", "operating_income", "depreciation_and_amortization") {
            let factor = unit("operating_income").factor(to: unit("ebitda"))
            facts["ebitda"] = ((value("operating_income") + value("depreciation_and_amortization")) * factor).rounded(to: 0, .halfAwayFromZero)
        }

        // total_assets = total_liabilities_and_shareholders_equity: the accumulated deficit takes the difference.
        if has("accumulated_deficit", "total_assets", "total_liabilities_and_shareholders_equity") {
            facts["accumulated_deficit"] = Exact.zero
            facts["accumulated_deficit"] = value("total_assets") - value("total_liabilities_and_shareholders_equity")
        }
        return cash
    }

    /// A line's value in one quarter: stated (not reported counts as zero) or computed from its formula.
    static func evaluate(_ id: String, facts: [String: Exact?], lines: [String: LineDefinition]) -> Exact {
        if let stated = facts[id] { return stated ?? .zero }
        guard let formula = lines[id]?.formula else { return .zero }
        return formula.evaluate { name, _ in evaluate(name, facts: facts, lines: lines) } ?? .zero
    }

    // MARK: - Files

    func periodFile(_ period: FiscalPeriod, facts: [String: Exact?], places: [String: Int],
                    plain: [(layout: String, lines: [String])], rate: Exact, rateDate: CalendarDate) -> String {
        var text = """
        # Generated test data (GeneratedContent.swift): the sample's 2Q FY2001 facts, scaled.
        fiscal_year: \(period.year)
        quarter: \(period.quarter)
        translation:
          rate: \(rate.plain(places: 2))
          date: \(rateDate.iso)
        facts:

        """
        for (layout, lines) in plain {
            text += "  \(layout):\n"
            for line in lines {
                let value = facts[line] ?? nil
                text += "    \(line): \(value.map { $0.plain(places: places[line] ?? 0) } ?? "null")\n"
            }
        }
        return text
    }

    func releaseFile(period: FiscalPeriod, index: Int, released: CalendarDate, releasedText: String, draft: Bool,
                     sample: Site, sampleRelease: Release, chartBlocks: [String], value: (String) -> Exact,
                     trend: Double) -> String {
        let s = sample.settings
        let millions = IRSiteKit.Unit.money(currency: s.currency, exponent: 6)
        func inMillions(_ id: String) -> String {
            let v = (value(id) * (sample.lines[id]?.unit.factor(to: millions) ?? .one)).rounded(to: 0, .halfAwayFromZero)
            let digits = Self.grouped(v.plain(places: 0))
            return v.isNegative ? "(\(digits.dropFirst()))" : digits
        }
        let end = s.calendar.end(of: period)
        var front = """
        ---
        title: \(s.shortName) Announces Results for \(period.longLabel)
        subtitle: "Generated test release \(index + 1): total revenues of \(s.currency) \(inMillions("total_revenues")) million"
        period: \(period.year)-Q\(period.quarter)
        released: \(releasedText)
        dateline: \(sampleRelease.dateline ?? s.company)

        """
        if let guidance = sampleRelease.guidance {
            front += "guidance:\n  period: \(period.next.year)-Q\(period.next.quarter)\n  unit: \(Self.unitName(guidance.unit))\n  items:\n"
            for item in guidance.items {
                let low = (item.low.value.value * Self.exact(trend)).rounded(to: 0, .halfAwayFromZero)
                let high = (item.high.value.value * Self.exact(trend)).rounded(to: 0, .halfAwayFromZero)
                front += "    - { line: \(item.line.value), label: \"\(item.label)\", low: \(low.plain(places: 0)), high: \(max(low, high).plain(places: 0)) }\n"
            }
        }
        let call = Self.adding(days: 1, to: released)
        front += "events:\n  - { title: \(period.label) conference call, start: \(call.iso)T09:00:00-05:00, kind: call }\n"
        if draft { front += "draft: true\n" }
        front += "---\n"

        var body = """

        \(sampleRelease.dateline ?? s.company), \(released.long) – \(s.company)\(s.listing.map { " (\($0))" } ?? "") today announced its financial results for the quarter ended \(end.long) (\(period.longLabel)).

        ## The \(period.longLabel) Results Summary

        - Total revenues for \(period.label) were \(s.currency) \(inMillions("total_revenues")) million.
        - Operating income (loss) was \(s.currency) \(inMillions("operating_income")) million, and net loss \(s.currency) \(inMillions("net_loss")) million.
        - EBITDA(\\*) was \(s.currency) \(inMillions("ebitda")) million.

        (\\*) EBITDA represents operating income (loss) plus depreciation and amortization.

        ## Overview and Business Outlook

        This release is generated test content: its figures are the sample release's, scaled. The tables below are computed from the quarter's facts.

        ### Anticipated Financial Performance for \(period.next.longLabel) (\(s.currency) in millions)

        """
        if sampleRelease.guidance != nil { body += "\n```guidance\n```\n" }
        for block in chartBlocks { body += "\n```chart\n\(Self.relabel(block, from: sampleRelease.period, to: period))```\n" }
        body += """

        ## The \(period.longLabel) Financial Results

        Revenues in \(period.label) totaled \(s.currency) \(inMillions("total_revenues")) million. Costs and expenses came to \(s.currency) \(inMillions("total_costs_and_expenses")) million.

        """
        for layout in sample.layouts.sorted(by: { $0.order < $1.order }) {
            body += "\n```statement\nlayout: \(layout.id)\n```\n"
        }
        return front + body
    }

    // MARK: - Helpers

    /// The contents of every fenced code block with the given info string (without the fences).
    static func fencedBlocks(in markdown: String, info: String) -> [String] {
        var blocks: [String] = []
        var open: (fence: String, keep: Bool, text: String)?
        for line in markdown.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var block = open {
                if trimmed.hasPrefix(block.fence), trimmed.allSatisfy({ $0 == block.fence.first }) {
                    if block.keep { blocks.append(block.text) }
                    open = nil
                } else {
                    block.text += line + "\n"
                    open = block
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let marker = String(trimmed.prefix { $0 == trimmed.first })
                let word = trimmed.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
                open = (marker, word == info, "")
            }
        }
        return blocks
    }

    /// A chart spec of the sample release, its period labels ("2Q01", "3Q01") moved to another release's.
    static func relabel(_ text: String, from old: FiscalPeriod, to new: FiscalPeriod) -> String {
        let pairs = [(old.next.label, new.next.label), (old.label, new.label), (old.priorQuarter.label, new.priorQuarter.label),
                     (old.priorYear.label, new.priorYear.label)]
        var result = text
        for (i, pair) in pairs.enumerated() { result = result.replacingOccurrences(of: pair.0, with: "\u{1}\(i)\u{1}") }
        for (i, pair) in pairs.enumerated() { result = result.replacingOccurrences(of: "\u{1}\(i)\u{1}", with: pair.1) }
        return result
    }

    /// A Double as an exact fraction (to a millionth): the factors are random anyway.
    static func exact(_ x: Double) -> Exact { Exact(Int128(Int((x * 1_000_000).rounded())), 1_000_000) }

    /// The 13th of the second month after the period ends (the sample: Sept 30 → Nov 13).
    static func releaseDate(after end: CalendarDate) -> CalendarDate {
        let month = end.month + 2
        return CalendarDate(year: end.year + (month > 12 ? 1 : 0), month: (month - 1) % 12 + 1, day: 13)
    }

    static func adding(days: Int, to date: CalendarDate) -> CalendarDate {
        var (y, m, d) = (date.year, date.month, date.day + days)
        while d > CalendarDate.daysIn(month: m, year: y) {
            d -= CalendarDate.daysIn(month: m, year: y)
            m += 1
            if m > 12 { (y, m) = (y + 1, 1) }
        }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// "1234567" → "1,234,567" (a leading minus sign is kept).
    static func grouped(_ digits: String) -> String {
        let negative = digits.hasPrefix("-")
        var rest = Array(negative ? digits.dropFirst() : Substring(digits))
        var out = ""
        while rest.count > 3 {
            out = "," + String(rest.suffix(3)) + out
            rest.removeLast(3)
        }
        return (negative ? "-" : "") + String(rest) + out
    }

    /// The content spelling of a unit (`jpy_millions`).
    static func unitName(_ unit: IRSiteKit.Unit) -> String {
        switch unit {
        case let .money(code, exponent):
            let scale = [0: "", 3: "_thousands", 6: "_millions", 9: "_billions"][exponent] ?? ""
            return code.lowercased() + scale
        case .count: return "count"
        case .shares: return "shares"
        case .gbps: return "gbps"
        }
    }
}

