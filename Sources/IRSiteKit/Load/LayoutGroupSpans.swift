extension Layout {
    /// Each column group spans at least one column and no more than the layout has,
    /// and together they span exactly its columns. Spans are checked one by one first,
    /// so the total cannot overflow and a bad value is reported where it is written.
    static func groupSpanProblems(_ raw: LayoutFile, file: String) -> [Diagnostic] {
        guard !raw.groups.isEmpty else { return [] }
        let count = raw.columns.count
        var problems: [Diagnostic] = []
        for group in raw.groups where !(1...max(1, count)).contains(group.columns) {
            problems.append(Diagnostic(.error, "a group spans 1 to \(count) columns (the layout has \(count)), found \(group.columns)",
                                       at: group.columnsLocation ?? raw.groupsLocation ?? SourceLocation(file: file, line: 1, column: 1),
                                       stage: .load))
        }
        guard problems.isEmpty else { return problems }
        let spanned = raw.groups.reduce(0) { $0 + $1.columns }
        if spanned != count {
            problems.append(Diagnostic(.error, "groups span \(spanned) columns but the layout has \(count)",
                                       at: raw.groupsLocation ?? SourceLocation(file: file, line: 1, column: 1), stage: .load))
        }
        return problems
    }
}
