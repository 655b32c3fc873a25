/// How a release file's decoded form (``BuildCache/ReleaseDecoding``: the resolved
/// ``Release`` with its ``ReleaseDocument``, or why it does not resolve, and the
/// findings of loading it) is written to the persistent build cache and read back.
/// Errors keep exactly what a diagnostic prints of them: a ``LocatedError`` its
/// place and message, any other its description.
extension BinaryWriter {
    mutating func error(_ e: any Error) {
        if let e = e as? LocatedError {
            int(1)
            location(e.location)
            raw(e.message)
        } else {
            int(2)
            raw("\(e)")
        }
    }

    mutating func timestamp(_ t: Timestamp) {
        int(t.date.year)
        int(t.date.month)
        int(t.date.day)
        optionalInt(t.secondsOfDay)
        optionalInt(t.utcOffset)
    }

    mutating func optionalInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    mutating func located(_ s: Located<String>) {
        string(s.value)
        location(s.location)
    }

    mutating func unit(_ u: Unit) {
        switch u {
        case .money(let currency, let exponent):
            int(0)
            string(currency)
            int(exponent)
        case .count: int(1)
        case .shares: int(2)
        case .gbps: int(3)
        }
    }

    /// `bodyBytes`: the body is the release file's last `bodyBytes` UTF-8 bytes and is
    /// not written (the reader takes it from the file, whose digest keys the entry); nil writes it.
    mutating func releaseDecoding(_ d: BuildCache.ReleaseDecoding, bodyBytes: Int?) {
        diagnostics(d.diagnostics)
        switch d.release {
        case .failure(let e):
            int(0)
            error(e)
        case .success(nil):
            int(1)
        case .success(let r?):
            int(2)
            release(r, bodyBytes: bodyBytes)
        }
    }

    mutating func release(_ r: Release, bodyBytes: Int?) {
        string(r.file)
        raw(r.title)
        optionalString(r.subtitle)
        period(r.period)
        timestamp(r.released)
        location(r.releasedLocation)
        optionalString(r.dateline)
        bool(r.draft)
        bool(r.guidance != nil)
        if let g = r.guidance {
            period(g.period)
            unit(g.unit)
            location(g.location)
            int(g.items.count)
            for item in g.items {
                located(item.line)
                raw(item.label)
                decimal(item.low.value)
                location(item.low.location)
                decimal(item.high.value)
                location(item.high.location)
            }
        }
        int(r.events.count)
        for e in r.events {
            raw(e.title)
            string(e.kind.rawValue)
            timestamp(e.start)
            bool(e.end != nil)
            if let end = e.end { timestamp(end) }
            optionalString(e.url)
            location(e.location)
        }
        int(r.corrections.count)
        for c in r.corrections {
            timestamp(c.date)
            raw(c.note)
        }
        document(r.document, bodyBytes: bodyBytes)
    }

    mutating func document(_ d: ReleaseDocument, bodyBytes: Int?) {
        if let bodyBytes {
            int(bodyBytes)
        } else {
            int(-1)
            raw(d.body)
        }
        int(d.bodyLineOffset)
        int(d.outline.embeds.count)
        for e in d.outline.embeds { embed(e) }
        int(d.outline.findings.count)
        for f in d.outline.findings {
            switch f.kind {
            case .topLevelHeading: int(0)
            case .rawHTML: int(1)
            case .dangerousURL(let url):
                int(2)
                raw(url)
            }
            int(f.line)
            int(f.column)
        }
        bool(d.outline.firstParagraphText != nil)
        if let text = d.outline.firstParagraphText { raw(text) }
        // Blocks are the outline's embeds of their kind, in order: only their places and specs are written.
        blocks(d.statements) { w, s in w.located(s.layout) }
        blocks(d.charts) { w, s in w.chartSpec(s) }
    }

    mutating func embed(_ e: MarkdownEmbed) {
        string(e.kind)
        raw(e.body)
        int(e.line)
        int(e.column)
        int(e.bodyLine)
    }

    mutating func blocks<Spec>(_ list: [ReleaseDocument.Block<Spec>], _ spec: (inout BinaryWriter, Spec) -> Void) {
        int(list.count)
        for block in list {
            embed(block.embed)
            location(block.location)
            switch block.spec {
            case .success(let s):
                bool(true)
                spec(&self, s)
            case .failure(let e):
                bool(false)
                error(e)
            }
        }
    }

    mutating func chartSpec(_ s: ChartEmbedSpec) {
        string(s.kind.rawValue)
        raw(s.title)
        int(s.series.count)
        for x in s.series { located(x) }
        int(s.labels.count)
        for (key, label) in s.labels.sorted(by: { $0.key < $1.key }) {
            string(key)
            raw(label)
        }
        bool(s.periods != nil)
        if let periods = s.periods {
            int(periods.count)
            for p in periods { located(p) }
        }
        bool(s.unit != nil)
        if let u = s.unit { unit(u) }
        optionalInt(s.decimals)
        bool(s.guidance != nil)
        if let g = s.guidance { located(g) }
        bool(s.id != nil)
        if let id = s.id { located(id) }
        bool(s.home)
    }
}

/// An error read back from the cache that is not a ``LocatedError``: it prints as the original did.
struct StoredError: Error, CustomStringConvertible {
    var description: String
}

extension BinaryReader {
    mutating func error() throws -> any Error {
        switch try int() {
        case 1:
            let at = try location()
            return LocatedError(try raw(), at: at)
        case 2: return StoredError(description: try raw())
        default: throw Malformed()
        }
    }

    mutating func timestamp() throws -> Timestamp {
        let date = CalendarDate(year: try int(), month: try int(), day: try int())
        return Timestamp(date: date, secondsOfDay: try optionalInt(), utcOffset: try optionalInt())
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func located() throws -> Located<String> {
        let value = try string()
        return Located(value, at: try location())
    }

    mutating func unit() throws -> Unit {
        switch try int() {
        case 0: return .money(currency: try string(), exponent: try int())
        case 1: return .count
        case 2: return .shares
        case 3: return .gbps
        default: throw Malformed()
        }
    }

    mutating func releaseDecoding() throws -> BuildCache.StoredRelease {
        let diagnostics = try diagnostics()
        switch try int() {
        case 0: return BuildCache.StoredRelease(decoding: .init(release: .failure(try error()), diagnostics: diagnostics), bodyBytes: nil)
        case 1: return BuildCache.StoredRelease(decoding: .init(release: .success(nil), diagnostics: diagnostics), bodyBytes: nil)
        case 2:
            let (release, bodyBytes) = try release()
            return BuildCache.StoredRelease(decoding: .init(release: .success(release), diagnostics: diagnostics), bodyBytes: bodyBytes)
        default: throw Malformed()
        }
    }

    mutating func release() throws -> (Release, bodyBytes: Int?) {
        let file = try string()
        let title = try raw()
        let subtitle = try optionalString()
        let fiscalPeriod = try period()
        let released = try timestamp()
        let releasedLocation = try location()
        let dateline = try optionalString()
        let draft = try bool()
        var guidance: Guidance?
        if try bool() {
            let p = try period(), guidanceUnit = try unit(), at = try location()
            let items = try (0..<count()).map { _ in
                let line = try located(), label = try raw()
                let low = Located(try decimal(), at: try location())
                let high = Located(try decimal(), at: try location())
                return GuidanceItem(line: line, label: label, low: low, high: high)
            }
            guidance = Guidance(period: p, unit: guidanceUnit, items: items, location: at)
        }
        let events = try (0..<count()).map { _ in
            let title = try raw()
            guard let kind = Event.Kind(rawValue: try string()) else { throw Malformed() }
            let start = try timestamp()
            let end = try bool() ? try timestamp() : nil
            return Event(title: title, kind: kind, start: start, end: end, url: try optionalString(), location: try location())
        }
        let corrections = try (0..<count()).map { _ in Correction(date: try timestamp(), note: try raw()) }
        let (doc, bodyBytes) = try document(file: file)
        return (Release(file: file, title: title, subtitle: subtitle, period: fiscalPeriod, released: released, releasedLocation: releasedLocation,
                        dateline: dateline, draft: draft, guidance: guidance, events: events, document: doc, attachments: [],
                        corrections: corrections), bodyBytes)
    }

    mutating func document(file: String) throws -> (ReleaseDocument, bodyBytes: Int?) {
        let bodyBytes = try int()
        guard bodyBytes >= -1 else { throw Malformed() }
        let body = bodyBytes == -1 ? try raw() : ""
        let bodyLineOffset = try int()
        let embeds = try (0..<count()).map { _ in try embed() }
        let findings = try (0..<count()).map { _ in
            let kind: MarkdownFinding.Kind
            switch try int() {
            case 0: kind = .topLevelHeading
            case 1: kind = .rawHTML
            case 2: kind = .dangerousURL(try raw())
            default: throw Malformed()
            }
            return MarkdownFinding(kind: kind, line: try int(), column: try int())
        }
        let firstParagraph = try bool() ? try raw() : nil
        let statements = try blocks { r in StatementEmbed(layout: try r.located()) }
        let charts = try blocks { r in try r.chartSpec() }
        let outline = MarkdownOutline(embeds: embeds, findings: findings, firstParagraphText: firstParagraph)
        return (ReleaseDocument(file: file, body: body, bodyLineOffset: bodyLineOffset, outline: outline, statements: statements, charts: charts),
                bodyBytes == -1 ? nil : bodyBytes)
    }

    mutating func embed() throws -> MarkdownEmbed {
        MarkdownEmbed(kind: try string(), body: try raw(), line: try int(), column: try int(), bodyLine: try int())
    }

    mutating func blocks<Spec>(_ spec: (inout BinaryReader) throws -> Spec) throws -> [ReleaseDocument.Block<Spec>] {
        try (0..<count()).map { _ in
            let fence = try embed(), at = try location()
            let result: Result<Spec, any Error> = try bool() ? .success(try spec(&self)) : .failure(try error())
            return ReleaseDocument.Block(embed: fence, location: at, spec: result)
        }
    }

    mutating func chartSpec() throws -> ChartEmbedSpec {
        guard let kind = ChartKind(rawValue: try string()) else { throw Malformed() }
        let title = try raw()
        let series = try (0..<count()).map { _ in try located() }
        var labels: [String: String] = [:]
        for _ in 0..<(try count()) { labels[try string()] = try raw() }
        let periods = try bool() ? try (0..<count()).map { _ in try located() } : nil
        let chartUnit = try bool() ? try unit() : nil
        let decimals = try optionalInt()
        let guidance = try bool() ? try located() : nil
        let id = try bool() ? try located() : nil
        return ChartEmbedSpec(kind: kind, title: title, series: series, labels: labels, periods: periods, unit: chartUnit,
                              decimals: decimals, guidance: guidance, id: id, home: try bool())
    }
}
