/// An entry of a layout's `groups`.
extension ColumnGroup: Decodable {
    enum CodingKeys: String, CodingKey { case label, columns }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        let columns = try c.decode(Located<Int>.self, forKey: .columns)
        self.columns = columns.value
        columnsLocation = columns.location
    }
}
