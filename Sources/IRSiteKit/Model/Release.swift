/// An earnings release: front matter resolved, commentary as Markdown.
public struct Release: Sendable {
    public var file: String
    public var title: String
    public var subtitle: String?
    public var period: FiscalPeriod
    public var released: Timestamp
    public var releasedLocation: SourceLocation
    public var dateline: String?
    public var draft: Bool
    public var guidance: Guidance?
    public var events: [Event]
    /// The commentary, parsed and its blocks decoded once, at load time.
    public var document: ReleaseDocument
    /// Files published next to the release page, in name order.
    public var attachments: [Attachment]
    /// Dated corrections, oldest first.
    public var corrections: [Correction]

    /// The Markdown body (``ReleaseDocument/body``).
    public var body: String { document.body }
    /// How many file lines precede the body.
    public var bodyLineOffset: Int { document.bodyLineOffset }

    /// When the release last changed: its latest correction, or its release instant.
    public var updated: Timestamp { corrections.last?.date ?? released }
}

public struct Correction: Sendable {
    public var date: Timestamp
    public var note: String
}
