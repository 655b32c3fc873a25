extension ReleaseChart {
    /// The chart drawn: the inline `<svg>` element and its data table. Each call draws
    /// afresh; a build shares one drawing between pages through ``ChartDrawings``.
    public func draw() -> Drawn {
        Drawn(svg: ChartRenderer.svg(spec, standalone: false), table: ChartRenderer.table(spec))
    }

    /// A drawn chart: the inline `<svg>` element and the data table beside it.
    public struct Drawn: Sendable {
        public var svg: String
        public var table: ChartTable

        /// The standalone `.svg` file: the same element behind an XML declaration.
        public var standaloneSVG: String { ChartRenderer.xmlDeclaration + svg }
    }
}
