/// A closed set of words content may use (`rounding: truncate`); decoding an
/// unknown word names the allowed ones.
public protocol ContentChoice: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension ContentChoice {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let choices = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown value '\(text.excerpt)'; expected one of: \(choices)"))
        }
        self = value
    }
}

extension RoundingRule: ContentChoice {}
extension FigureConventions.SignFlip: ContentChoice {}
extension FigureConventions.Negative: ContentChoice {}
extension FiscalCalendar.Naming: ContentChoice {}
extension Layout.Basis: ContentChoice {}
extension PeriodRole: ContentChoice {}
extension Column.Show: ContentChoice {}
extension Event.Kind: ContentChoice {}
extension Diagnostic.Severity: ContentChoice {}
