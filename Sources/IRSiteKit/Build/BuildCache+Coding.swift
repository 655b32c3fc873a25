/// How the values the persistent build cache holds are written and read back
/// (``BinaryWriter``, ``BinaryReader``).
extension BinaryWriter {
    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.severity.rawValue)
        string(d.stage.rawValue)
        location(d.location)
        string(d.message)
    }

    mutating func diagnostics(_ list: [Diagnostic]) {
        int(list.count)
        for d in list { diagnostic(d) }
    }

    mutating func period(_ p: FiscalPeriod) {
        int(p.year)
        int(p.quarter)
    }

    mutating func decimal(_ d: DecimalLiteral) {
        int128(d.value.numerator)
        int128(d.value.denominator)
        int(d.places)
    }

    mutating func optionalDecimal(_ d: DecimalLiteral?) {
        bool(d != nil)
        if let d { decimal(d) }
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    /// Entries in key order, so the same cache always writes the same bytes.
    mutating func map<V>(_ m: [String: Located<V>], _ value: (inout BinaryWriter, V) -> Void) {
        int(m.count)
        for (key, entry) in m.sorted(by: { $0.key < $1.key }) {
            string(key)
            location(entry.location)
            value(&self, entry.value)
        }
    }

    mutating func periodFile(_ f: PeriodFile, unknownKeys: [LocatedError]) {
        int(f.fiscalYear.value)
        location(f.fiscalYear.location)
        int(f.quarter.value)
        location(f.quarter.location)
        bool(f.translation != nil)
        if let t = f.translation {
            decimal(t.rate.value)
            location(t.rate.location)
            string(t.date.value)
            location(t.date.location)
        }
        map(f.facts) { w, lines in w.map(lines) { w, value in w.optionalDecimal(value) } }
        map(f.overrides) { w, lines in
            w.map(lines) { w, o in
                w.optionalDecimal(o.translation)
                w.optionalDecimal(o.percent)
                w.optionalString(o.reason)
            }
        }
        map(f.discrepancies) { w, text in w.string(text) }
        int(unknownKeys.count)
        for e in unknownKeys {
            location(e.location)
            string(e.message)
        }
    }

    mutating func releaseCheck(_ r: ReleaseCheckMemo.Result) {
        diagnostics(r.diagnostics)
        int(r.printed.count)
        for p in r.printed {
            period(p.period)
            string(p.layout)
        }
    }
}

extension BinaryReader {
    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()), let stage = Diagnostic.Stage(rawValue: try string()) else { throw Malformed() }
        let at = try location()
        return Diagnostic(severity, try string(), at: at, stage: stage)
    }

    mutating func diagnostics() throws -> [Diagnostic] {
        try (0..<count()).map { _ in try diagnostic() }
    }

    mutating func period() throws -> FiscalPeriod {
        FiscalPeriod(year: try int(), quarter: try int())
    }

    mutating func decimal() throws -> DecimalLiteral {
        let n = try int128(), d = try int128()
        guard d >= 0 else { throw Malformed() }
        return DecimalLiteral(d == 0 ? .overflow : Exact(n, d), places: try int())
    }

    mutating func optionalDecimal() throws -> DecimalLiteral? { try bool() ? try decimal() : nil }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func map<V>(_ value: (inout BinaryReader) throws -> V) throws -> [String: Located<V>] {
        let n = try count()
        var m: [String: Located<V>] = Dictionary(minimumCapacity: n)
        for _ in 0..<n {
            let key = try string()
            let at = try location()
            m[key] = Located(try value(&self), at: at)
        }
        return m
    }

    mutating func periodFile() throws -> (PeriodFile, [LocatedError]) {
        let year = Located(try int(), at: try location())
        let quarter = Located(try int(), at: try location())
        var translation: TranslationSpec?
        if try bool() {
            let rate = Located(try decimal(), at: try location())
            translation = TranslationSpec(rate: rate, date: Located(try string(), at: try location()))
        }
        let facts = try map { r in try r.map { r in try r.optionalDecimal() } }
        let overrides = try map { r in
            try r.map { r in OverrideSpec(translation: try r.optionalDecimal(), percent: try r.optionalDecimal(), reason: try r.optionalString()) }
        }
        let discrepancies = try map { r in try r.string() }
        let unknown = try (0..<count()).map { _ in
            let at = try location()
            return LocatedError(try string(), at: at)
        }
        return (PeriodFile(fiscalYear: year, quarter: quarter, translation: translation, facts: facts, overrides: overrides,
                           discrepancies: discrepancies), unknown)
    }

    mutating func releaseCheck() throws -> ReleaseCheckMemo.Result {
        let diagnostics = try diagnostics()
        let printed = try (0..<count()).map { _ in ReleaseCheckMemo.Printed(period: try period(), layout: try string()) }
        return ReleaseCheckMemo.Result(diagnostics: diagnostics, printed: printed)
    }
}

extension PeriodFile {
    /// A period file as the cache stored it.
    init(fiscalYear: Located<Int>, quarter: Located<Int>, translation: TranslationSpec?,
         facts: [String: Located<[String: Located<DecimalLiteral?>]>], overrides: [String: Located<[String: Located<OverrideSpec>]>],
         discrepancies: [String: Located<String>]) {
        self.fiscalYear = fiscalYear
        self.quarter = quarter
        self.translation = translation
        self.facts = facts
        self.overrides = overrides
        self.discrepancies = discrepancies
    }
}
