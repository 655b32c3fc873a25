import Mustache

// Templates look values up by name. Without these, swift-mustache finds each
// name by reflecting over every stored property (`Mirror`), which was half of
// a large site's build time. `TemplateContextTests` checks that every stored
// property of every context is reachable here under its own name.

extension LayoutContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "documentTitle": self.documentTitle
        case "description": self.description
        case "root": self.root
        case "company": self.company
        case "listing": self.listing
        case "nav": self.nav
        case "contentHTML": self.contentHTML
        case "generator": self.generator
        case "noindex": self.noindex
        case "previewNotice": self.previewNotice
        case "quietPeriodNotice": self.quietPeriodNotice
        case "feedHref": self.feedHref
        case "canonicalURL": self.canonicalURL
        case "ogType": self.ogType
        case "ogTitle": self.ogTitle
        case "jsonLDHTML": self.jsonLDHTML
        case "bodyClass": self.bodyClass
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "href": self.href
        case "isCurrent": self.isCurrent
        default: nil
        }
    }
}

extension HomeContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "company": self.company
        case "hasRelease": self.hasRelease
        case "release": self.release
        case "headline": self.headline
        case "currentLabel": self.currentLabel
        case "yoyLabel": self.yoyLabel
        case "qoqLabel": self.qoqLabel
        case "headlineUnit": self.headlineUnit
        case "summaryHTML": self.summaryHTML
        case "hasGuidance": self.hasGuidance
        case "guidance": self.guidance
        case "nextEvent": self.nextEvent
        case "hasNextEvent": self.hasNextEvent
        case "chartsHTML": self.chartsHTML
        case "archiveHref": self.archiveHref
        case "statementsHref": self.statementsHref
        default: nil
        }
    }
}

extension ReleaseSummary: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "subtitle": self.subtitle
        case "hasSubtitle": self.hasSubtitle
        case "periodLabel": self.periodLabel
        case "periodDates": self.periodDates
        case "releasedDate": self.releasedDate
        case "releasedISO": self.releasedISO
        case "href": self.href
        case "summaryHref": self.summaryHref
        case "pdfHref": self.pdfHref
        case "attachments": self.attachments
        case "hasAttachments": self.hasAttachments
        default: nil
        }
    }
}

extension AttachmentContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": self.href
        case "kind": self.kind
        case "size": self.size
        default: nil
        }
    }
}

extension HeadlineFigure: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "value": self.value
        case "yoy": self.yoy
        case "qoq": self.qoq
        case "isNegative": self.isNegative
        default: nil
        }
    }
}

extension GuidanceContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caption": self.caption
        case "periodLabel": self.periodLabel
        case "unit": self.unit
        case "rows": self.rows
        default: nil
        }
    }
}

extension GuidanceRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "low": self.low
        case "high": self.high
        default: nil
        }
    }
}

extension EventContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "kind": self.kind
        case "when": self.when
        case "iso": self.iso
        case "url": self.url
        case "hasURL": self.hasURL
        case "releaseTitle": self.releaseTitle
        case "releaseHref": self.releaseHref
        case "icsHref": self.icsHref
        default: nil
        }
    }
}

extension CalendarContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "upcoming": self.upcoming
        case "past": self.past
        case "hasUpcoming": self.hasUpcoming
        case "hasPast": self.hasPast
        case "quietPeriodNotice": self.quietPeriodNotice
        default: nil
        }
    }
}

extension CorrectionContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "iso": self.iso
        case "note": self.note
        default: nil
        }
    }
}

extension ReleasePageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "release": self.release
        case "notForRelease": self.notForRelease
        case "corrections": self.corrections
        case "hasCorrections": self.hasCorrections
        case "dateline": self.dateline
        case "contacts": self.contacts
        case "hasContacts": self.hasContacts
        case "bodyHTML": self.bodyHTML
        case "archiveHref": self.archiveHref
        case "statementsHref": self.statementsHref
        case "downloads": self.downloads
        default: nil
        }
    }
}

extension DownloadLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "format": self.format
        case "href": self.href
        default: nil
        }
    }
}

extension ContactContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "heading": self.heading
        case "organization": self.organization
        case "name": self.name
        case "role": self.role
        case "email": self.email
        case "hasEmail": self.hasEmail
        case "phone": self.phone
        default: nil
        }
    }
}

extension ArchiveContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "years": self.years
        case "hasReleases": self.hasReleases
        default: nil
        }
    }
}

extension ArchiveYear: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "id": self.id
        case "releases": self.releases
        default: nil
        }
    }
}

extension StatementsContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "periods": self.periods
        case "count": self.count
        case "isEmpty": self.isEmpty
        case "fiscalYear": self.fiscalYear
        case "isFiscalYear": self.isFiscalYear
        case "latestHref": self.latestHref
        case "years": self.years
        case "hasYears": self.hasYears
        case "tables": self.tables
        case "downloads": self.downloads
        case "hasDownloads": self.hasDownloads
        default: nil
        }
    }
}

extension RenderedTable: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "html": self.html
        default: nil
        }
    }
}

extension TableContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "caption": self.caption
        case "heading": self.heading
        case "subheading": self.subheading
        case "unitNote": self.unitNote
        case "hasGroups": self.hasGroups
        case "groups": self.groups
        case "periodHeaders": self.periodHeaders
        case "hasColumnLabels": self.hasColumnLabels
        case "columnLabels": self.columnLabels
        case "rows": self.rows
        case "rowsHTML": self.rowsHTML
        case "colgroupsHTML": self.colgroupsHTML
        case "groupsHTML": self.groupsHTML
        case "periodHeadersHTML": self.periodHeadersHTML
        case "columnLabelsHTML": self.columnLabelsHTML
        case "notes": self.notes
        case "hasNotes": self.hasNotes
        default: nil
        }
    }
}

extension HeaderCell: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "detail": self.detail
        case "span": self.span
        case "isNumeric": self.isNumeric
        default: nil
        }
    }
}

extension TableRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "isHeader": self.isHeader
        case "label": self.label
        case "indentClass": self.indentClass
        case "kindClass": self.kindClass
        case "cells": self.cells
        case "span": self.span
        default: nil
        }
    }
}

extension TableCell: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "classes": self.classes
        case "title": self.title
        default: nil
        }
    }
}

extension ChartContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "svgHTML": self.svgHTML
        case "table": self.table
        case "downloadHref": self.downloadHref
        default: nil
        }
    }
}

extension ChartTableContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caption": self.caption
        case "columnHeaders": self.columnHeaders
        case "rows": self.rows
        case "columnHeadersHTML": self.columnHeadersHTML
        case "rowsHTML": self.rowsHTML
        default: nil
        }
    }
}

extension ChartTableRow: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "header": self.header
        case "cells": self.cells
        default: nil
        }
    }
}

extension SummaryContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "company": self.company
        case "listing": self.listing
        case "release": self.release
        case "currentLabel": self.currentLabel
        case "yoyLabel": self.yoyLabel
        case "qoqLabel": self.qoqLabel
        case "figuresUnit": self.figuresUnit
        case "figures": self.figures
        case "segmentsUnit": self.segmentsUnit
        case "segments": self.segments
        case "hasSegments": self.hasSegments
        case "chartsHTML": self.chartsHTML
        case "guidance": self.guidance
        case "contacts": self.contacts
        case "safeHarbour": self.safeHarbour
        case "releaseHref": self.releaseHref
        default: nil
        }
    }
}
