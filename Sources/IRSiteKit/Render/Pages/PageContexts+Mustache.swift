import Mustache

// Templates look values up by name: `CompiledTemplate` asks `value(named:)`, and
// swift-mustache (a theme beyond the compiler) `child(named:)`, made from it. Without these, swift-mustache finds each
// name by reflecting over every stored property (`Mirror`), which was half of
// a large site's build time. `TemplateContextTests` checks that every stored
// property of every context is reachable here under its own name.

extension LayoutContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "lang": self.lang.templateValue
        case "documentTitle": self.documentTitle.templateValue
        case "description": self.description.templateValue
        case "root": self.root.templateValue
        case "company": self.company.templateValue
        case "listing": self.listing.templateValue
        case "nav": self.nav.templateValue
        case "contentHTML": self.contentHTML.templateValue
        case "generator": self.generator.templateValue
        case "noindex": self.noindex.templateValue
        case "previewNotice": self.previewNotice.templateValue
        case "quietPeriodNotice": self.quietPeriodNotice.templateValue
        case "feedHref": self.feedHref.templateValue
        case "canonicalURL": self.canonicalURL.templateValue
        case "ogType": self.ogType.templateValue
        case "ogTitle": self.ogTitle.templateValue
        case "jsonLDHTML": self.jsonLDHTML.templateValue
        case "bodyClass": self.bodyClass.templateValue
        default: .missing
        }
    }
}

extension NavItem: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "href": self.href.templateValue
        case "isCurrent": self.isCurrent.templateValue
        default: .missing
        }
    }
}

extension HomeContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "company": self.company.templateValue
        case "hasRelease": self.hasRelease.templateValue
        case "release": self.release.templateValue
        case "headline": self.headline.templateValue
        case "currentLabel": self.currentLabel.templateValue
        case "yoyLabel": self.yoyLabel.templateValue
        case "qoqLabel": self.qoqLabel.templateValue
        case "headlineUnit": self.headlineUnit.templateValue
        case "summaryHTML": self.summaryHTML.templateValue
        case "hasGuidance": self.hasGuidance.templateValue
        case "guidance": self.guidance.templateValue
        case "nextEvent": self.nextEvent.templateValue
        case "hasNextEvent": self.hasNextEvent.templateValue
        case "chartsHTML": self.chartsHTML.templateValue
        case "archiveHref": self.archiveHref.templateValue
        case "statementsHref": self.statementsHref.templateValue
        default: .missing
        }
    }
}

extension ReleaseSummary: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "subtitle": self.subtitle.templateValue
        case "hasSubtitle": self.hasSubtitle.templateValue
        case "periodLabel": self.periodLabel.templateValue
        case "periodDates": self.periodDates.templateValue
        case "releasedDate": self.releasedDate.templateValue
        case "releasedISO": self.releasedISO.templateValue
        case "href": self.href.templateValue
        case "summaryHref": self.summaryHref.templateValue
        case "pdfHref": self.pdfHref.templateValue
        case "attachments": self.attachments.templateValue
        case "hasAttachments": self.hasAttachments.templateValue
        default: .missing
        }
    }
}

extension AttachmentContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "name": self.name.templateValue
        case "href": self.href.templateValue
        case "kind": self.kind.templateValue
        case "size": self.size.templateValue
        default: .missing
        }
    }
}

extension HeadlineFigure: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "value": self.value.templateValue
        case "yoy": self.yoy.templateValue
        case "qoq": self.qoq.templateValue
        case "isNegative": self.isNegative.templateValue
        default: .missing
        }
    }
}

extension GuidanceContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "caption": self.caption.templateValue
        case "periodLabel": self.periodLabel.templateValue
        case "unit": self.unit.templateValue
        case "rows": self.rows.templateValue
        default: .missing
        }
    }
}

extension GuidanceRow: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "low": self.low.templateValue
        case "high": self.high.templateValue
        default: .missing
        }
    }
}

extension EventContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "title": self.title.templateValue
        case "kind": self.kind.templateValue
        case "when": self.when.templateValue
        case "iso": self.iso.templateValue
        case "url": self.url.templateValue
        case "hasURL": self.hasURL.templateValue
        case "releaseTitle": self.releaseTitle.templateValue
        case "releaseHref": self.releaseHref.templateValue
        case "icsHref": self.icsHref.templateValue
        default: .missing
        }
    }
}

extension CalendarContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "upcoming": self.upcoming.templateValue
        case "past": self.past.templateValue
        case "hasUpcoming": self.hasUpcoming.templateValue
        case "hasPast": self.hasPast.templateValue
        case "quietPeriodNotice": self.quietPeriodNotice.templateValue
        default: .missing
        }
    }
}

extension CorrectionContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "date": self.date.templateValue
        case "iso": self.iso.templateValue
        case "note": self.note.templateValue
        default: .missing
        }
    }
}

extension ReleasePageContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "release": self.release.templateValue
        case "notForRelease": self.notForRelease.templateValue
        case "corrections": self.corrections.templateValue
        case "hasCorrections": self.hasCorrections.templateValue
        case "dateline": self.dateline.templateValue
        case "contacts": self.contacts.templateValue
        case "hasContacts": self.hasContacts.templateValue
        case "bodyHTML": self.bodyHTML.templateValue
        case "archiveHref": self.archiveHref.templateValue
        case "statementsHref": self.statementsHref.templateValue
        case "downloads": self.downloads.templateValue
        default: .missing
        }
    }
}

extension DownloadLink: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "format": self.format.templateValue
        case "href": self.href.templateValue
        default: .missing
        }
    }
}

extension ContactContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "heading": self.heading.templateValue
        case "organization": self.organization.templateValue
        case "name": self.name.templateValue
        case "role": self.role.templateValue
        case "email": self.email.templateValue
        case "hasEmail": self.hasEmail.templateValue
        case "phone": self.phone.templateValue
        default: .missing
        }
    }
}

extension ArchiveContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "years": self.years.templateValue
        case "hasReleases": self.hasReleases.templateValue
        default: .missing
        }
    }
}

extension ArchiveYear: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "id": self.id.templateValue
        case "releases": self.releases.templateValue
        default: .missing
        }
    }
}

extension StatementsContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "periods": self.periods.templateValue
        case "count": self.count.templateValue
        case "isEmpty": self.isEmpty.templateValue
        case "fiscalYear": self.fiscalYear.templateValue
        case "isFiscalYear": self.isFiscalYear.templateValue
        case "latestHref": self.latestHref.templateValue
        case "years": self.years.templateValue
        case "hasYears": self.hasYears.templateValue
        case "tables": self.tables.templateValue
        case "downloads": self.downloads.templateValue
        case "hasDownloads": self.hasDownloads.templateValue
        default: .missing
        }
    }
}

extension RenderedTable: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "id": self.id.templateValue
        case "title": self.title.templateValue
        case "html": self.html.templateValue
        default: .missing
        }
    }
}

extension TableContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "id": self.id.templateValue
        case "caption": self.caption.templateValue
        case "heading": self.heading.templateValue
        case "subheading": self.subheading.templateValue
        case "unitNote": self.unitNote.templateValue
        case "hasGroups": self.hasGroups.templateValue
        case "groups": self.groups.templateValue
        case "periodHeaders": self.periodHeaders.templateValue
        case "hasColumnLabels": self.hasColumnLabels.templateValue
        case "columnLabels": self.columnLabels.templateValue
        case "rows": self.rows.templateValue
        case "rowsHTML": self.rowsHTML.templateValue
        case "colgroupsHTML": self.colgroupsHTML.templateValue
        case "groupsHTML": self.groupsHTML.templateValue
        case "periodHeadersHTML": self.periodHeadersHTML.templateValue
        case "columnLabelsHTML": self.columnLabelsHTML.templateValue
        case "notes": self.notes.templateValue
        case "hasNotes": self.hasNotes.templateValue
        default: .missing
        }
    }
}

extension HeaderCell: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "label": self.label.templateValue
        case "detail": self.detail.templateValue
        case "span": self.span.templateValue
        case "isNumeric": self.isNumeric.templateValue
        default: .missing
        }
    }
}

extension TableRow: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "isHeader": self.isHeader.templateValue
        case "label": self.label.templateValue
        case "indentClass": self.indentClass.templateValue
        case "kindClass": self.kindClass.templateValue
        case "cells": self.cells.templateValue
        case "span": self.span.templateValue
        default: .missing
        }
    }
}

extension TableCell: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "text": self.text.templateValue
        case "classes": self.classes.templateValue
        case "title": self.title.templateValue
        default: .missing
        }
    }
}

extension ChartContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "id": self.id.templateValue
        case "title": self.title.templateValue
        case "svgHTML": self.svgHTML.templateValue
        case "table": self.table.templateValue
        case "downloadHref": self.downloadHref.templateValue
        default: .missing
        }
    }
}

extension ChartTableContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "caption": self.caption.templateValue
        case "columnHeaders": self.columnHeaders.templateValue
        case "rows": self.rows.templateValue
        case "columnHeadersHTML": self.columnHeadersHTML.templateValue
        case "rowsHTML": self.rowsHTML.templateValue
        default: .missing
        }
    }
}

extension ChartTableRow: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "header": self.header.templateValue
        case "cells": self.cells.templateValue
        default: .missing
        }
    }
}

extension SummaryContext: TemplateObject, MustacheParent {
    public func value(named name: String) -> TemplateValue {
        switch name {
        case "company": self.company.templateValue
        case "listing": self.listing.templateValue
        case "release": self.release.templateValue
        case "currentLabel": self.currentLabel.templateValue
        case "yoyLabel": self.yoyLabel.templateValue
        case "qoqLabel": self.qoqLabel.templateValue
        case "figuresUnit": self.figuresUnit.templateValue
        case "figures": self.figures.templateValue
        case "segmentsUnit": self.segmentsUnit.templateValue
        case "segments": self.segments.templateValue
        case "hasSegments": self.hasSegments.templateValue
        case "chartsHTML": self.chartsHTML.templateValue
        case "guidance": self.guidance.templateValue
        case "contacts": self.contacts.templateValue
        case "safeHarbour": self.safeHarbour.templateValue
        case "releaseHref": self.releaseHref.templateValue
        default: .missing
        }
    }
}
