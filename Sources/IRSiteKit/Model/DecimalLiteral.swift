/// A number as typed in content: its exact value and how many decimals it was
/// written with (a stated `-68.61` is checked to two decimals).
public struct DecimalLiteral: Sendable, Hashable, CustomStringConvertible {
    public var value: Exact
    public var places: Int

    public init(_ value: Exact, places: Int = 0) {
        self.value = value
        self.places = places
    }

    public var description: String { value.plain(places: places) }
}
