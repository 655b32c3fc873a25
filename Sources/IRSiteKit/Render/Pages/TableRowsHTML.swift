/// The body rows of a financial table as HTML, written in Swift rather than by
/// the template: a release page has thousands of cells, and placing each through
/// Mustache's dynamic lookups was the largest cost of a build. The markup is the
/// same the `table` template used to loop over (`rows` stays in the context for
/// themes that want their own).
enum TableRowsHTML {
    static func render(_ rows: [TableRow]) -> String {
        var html = ""
        html.reserveCapacity(rows.count * (80 + (rows.first?.cells.count ?? 0) * 40))
        for row in rows {
            if row.isHeader {
                html += "<tr class=\"section-row\">\n<th scope=\"rowgroup\" class=\""
                html += HTMLEscaping.escape(row.indentClass)
                html += "\">" + HTMLEscaping.escape(row.label) + "</th>\n<td colspan=\"\(row.span)\"></td>\n</tr>\n"
                continue
            }
            let kind = HTMLEscaping.escape(row.kindClass)
            html += kind.isEmpty ? "<tr>\n" : "<tr class=\"" + kind + "\">\n"
            html += "<th scope=\"row\" class=\"" + HTMLEscaping.escape(row.indentClass) + (kind.isEmpty ? "" : " " + kind) + "\">"
            html += HTMLEscaping.escape(row.label) + "</th>\n"
            for cell in row.cells {
                html += "<td class=\"" + HTMLEscaping.escape(cell.classes) + "\""
                if !cell.title.isEmpty { html += " title=\"" + HTMLEscaping.escape(cell.title) + "\"" }
                html += ">" + HTMLEscaping.escape(cell.text) + "</td>\n"
            }
            html += "</tr>\n"
        }
        return html
    }
}

/// HTML escaping as the templates do it (Mustache's `{{value}}`): `& < > " '`.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
