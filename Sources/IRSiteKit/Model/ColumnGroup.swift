/// A heading over consecutive columns of a layout.
public struct ColumnGroup: Sendable {
    public var label: String
    public var columns: Int
    /// Where `columns` is written, for a span out of range.
    public var columnsLocation: SourceLocation?
}
