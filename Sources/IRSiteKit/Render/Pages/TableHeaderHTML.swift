/// The header cells of a financial table and of a chart's data table as HTML,
/// written in Swift as the body rows are (``TableRowsHTML``): the `table` and
/// `chart` templates keep the rows around them and every word of their own, and
/// place these with `{{{…HTML}}}`. The markup is what the templates' loops over
/// `groups`, `periodHeaders`, `columnLabels`, `columnHeaders` and `rows` wrote;
/// the arrays stay in the contexts for themes that want their own.
enum TableHeaderHTML {
    /// One `<colgroup>` per column group.
    static func colgroups(_ groups: [HeaderCell]) -> String {
        var html = ""
        for group in groups { html += "<colgroup span=\"\(group.span)\"></colgroup>\n" }
        return html
    }

    /// The column groups' `<th scope="colgroup">` cells.
    static func groups(_ groups: [HeaderCell]) -> String {
        var html = ""
        for group in groups { html += "<th scope=\"colgroup\" colspan=\"\(group.span)\">" + HTMLEscaping.escape(group.label) + "</th>\n" }
        return html
    }

    /// A header row's cells: an empty `<td>` where a cell has no label, else a `<th scope="col">`
    /// with its detail (the period's end date under "2Q01").
    static func cells(_ cells: [HeaderCell]) -> String {
        var html = ""
        html.reserveCapacity(cells.count * 64)
        for cell in cells {
            if cell.label.isEmpty {
                html += "<td colspan=\"\(cell.span)\"></td>\n"
                continue
            }
            html += "<th scope=\"col\" colspan=\"\(cell.span)\"" + (cell.isNumeric ? " class=\"num\">" : ">") + HTMLEscaping.escape(cell.label)
            if !cell.detail.isEmpty { html += "<span class=\"detail\">" + HTMLEscaping.escape(cell.detail) + "</span>" }
            html += "</th>\n"
        }
        return html
    }

    /// A chart data table's column headers.
    static func chartHeaders(_ headers: [String]) -> String {
        var html = ""
        for header in headers { html += "<th scope=\"col\">" + HTMLEscaping.escape(header) + "</th>\n" }
        return html
    }

    /// A chart data table's rows: the category, then its figures.
    static func chartRows(_ rows: [ChartTableRow]) -> String {
        var html = ""
        for row in rows {
            html += "<tr>\n<th scope=\"row\">" + HTMLEscaping.escape(row.header) + "</th>\n"
            for cell in row.cells { html += "<td class=\"num\">" + HTMLEscaping.escape(cell) + "</td>\n" }
            html += "</tr>\n"
        }
        return html
    }
}
