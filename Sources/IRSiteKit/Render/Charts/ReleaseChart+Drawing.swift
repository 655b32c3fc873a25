extension ReleaseChart {
    /// The chart drawn: the inline `<svg>` element and its data table. Each call draws
    /// afresh; a build shares one drawing between pages through ``ChartDrawings``.
    /// - Parameter strings: the interface words (the description's sentences, "No data", "Total").
    public func draw(strings: Translations) -> Drawn {
        let data = ChartData(spec, strings: strings)
        return Drawn(svg: ChartRenderer.document(data, ChartLayout.scene(data), standalone: false), table: ChartNarrative.table(data))
    }

    /// A drawn chart: the inline `<svg>` element and the data table beside it.
    public struct Drawn: Sendable {
        public var svg: String
        public var table: ChartTable

        /// The standalone `.svg` file: the same element behind an XML declaration.
        public var standaloneSVG: String { ChartRenderer.xmlDeclaration + svg }
    }
}
