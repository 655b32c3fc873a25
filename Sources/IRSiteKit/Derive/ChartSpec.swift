/// One series of values, one value per category (nil: no value, nothing drawn,
/// the table prints the site's "missing" mark).
public struct ChartSeries: Sendable, Hashable {
    /// A stable identifier (not printed).
    public var id: String
    /// The legend, table and description name of the series.
    public var label: String
    /// One value per category of the chart, in the chart's unit.
    public var values: [Exact?]

    public init(id: String, label: String, values: [Exact?]) {
        self.id = id
        self.label = label
        self.values = values
    }
}

/// A low–high range for one category, such as revenue guidance, drawn as a
/// hatched, outlined band with its range labelled.
public struct ChartRange: Sendable, Hashable {
    /// The category it belongs to; a category not among the chart's categories
    /// is added after them (guidance for the coming quarter).
    public var category: String
    public var low: Exact
    public var high: Exact
    /// What the range is ("Guidance"): the legend and table name.
    public var label: String

    public init(category: String, low: Exact, high: Exact, label: String = "Guidance") {
        self.category = category
        self.low = low
        self.high = high
        self.label = label
    }
}

/// Everything a chart shows, as values: the renderer is a pure function of it.
public struct ChartSpec: Sendable, Hashable {
    public var kind: ChartKind
    /// Printed above the chart and used as the SVG `<title>`.
    public var title: String
    public var subtitle: String?
    /// The category axis, in order (periods: oldest first).
    public var categories: [String]
    public var series: [ChartSeries]
    /// Guidance or other ranges, drawn as hatched bands.
    public var ranges: [ChartRange]
    /// The value axis title, e.g. "JPY in millions".
    public var unit: String
    /// Decimals printed in value labels, the table and the description (0…9).
    public var valueDecimals: Int
    /// Rounding and negative style (parentheses or minus sign), as for the
    /// site's figures.
    public var conventions: FigureConventions
    /// Prefix of every `id` inside the SVG, so that several charts can be
    /// inlined in one page. Characters other than ASCII letters, digits, `-`
    /// and `_` are replaced by `-`.
    public var idPrefix: String
    /// Written before a value in sentences and tooltips ("¥").
    public var valuePrefix: String
    /// Written after a value in sentences and tooltips (" million").
    public var valueSuffix: String
    /// The heading of the data table's first column ("Period").
    public var categoryTitle: String
    /// Whether to label bars with their values (where the labels fit).
    public var valueLabels: Bool

    public init(kind: ChartKind = .bar, title: String, subtitle: String? = nil, categories: [String],
                series: [ChartSeries], ranges: [ChartRange] = [], unit: String = "", valueDecimals: Int = 0,
                conventions: FigureConventions = FigureConventions(), idPrefix: String = "chart",
                valuePrefix: String = "", valueSuffix: String = "", categoryTitle: String = "Period",
                valueLabels: Bool = true) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.categories = categories
        self.series = series
        self.ranges = ranges
        self.unit = unit
        self.valueDecimals = valueDecimals
        self.conventions = conventions
        self.idPrefix = idPrefix
        self.valuePrefix = valuePrefix
        self.valueSuffix = valueSuffix
        self.categoryTitle = categoryTitle
        self.valueLabels = valueLabels
    }
}

/// A chart's data as a table, to print beside (or instead of) the chart:
/// one row per category, one column per series (then "Total" for stacked bars
/// and one column per range label), every cell already formatted.
public struct ChartTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// The category (a row header).
        public var header: String
        public var cells: [String]

        public init(header: String, cells: [String]) {
            self.header = header
            self.cells = cells
        }
    }

    /// The chart title and, in parentheses, its unit.
    public var caption: String
    /// Column headings; the first heads the row-header column.
    public var columnHeaders: [String]
    public var rows: [Row]

    public init(caption: String, columnHeaders: [String], rows: [Row]) {
        self.caption = caption
        self.columnHeaders = columnHeaders
        self.rows = rows
    }
}
