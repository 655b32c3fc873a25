/// The YAML front matter of a release's Markdown file.
public struct ReleaseFrontMatter: Decodable, Sendable {
    public var title: String
    public var subtitle: String?
    public var period: Located<String>
    public var released: Located<String>
    public var dateline: String?
    public var draft: Bool
    public var guidance: GuidanceSpec?
    public var events: [EventSpec]
    public var corrections: [CorrectionSpec]

    enum CodingKeys: String, CodingKey { case title, subtitle, period, released, dateline, draft, guidance, events, corrections }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        period = try c.decode(Located<String>.self, forKey: .period)
        released = try c.decode(Located<String>.self, forKey: .released)
        dateline = try c.decodeIfPresent(String.self, forKey: .dateline)
        draft = try c.decodeIfPresent(Bool.self, forKey: .draft) ?? false
        guidance = try c.decodeIfPresent(GuidanceSpec.self, forKey: .guidance)
        events = try c.decodeIfPresent([EventSpec].self, forKey: .events) ?? []
        corrections = try c.decodeIfPresent([CorrectionSpec].self, forKey: .corrections) ?? []
    }
}

/// A dated correction published with a release; the original text and figures stay as issued.
public struct CorrectionSpec: Decodable, Sendable {
    public var date: Located<String>
    public var note: String
}

/// The outlook a release gives for a later period, as ranges.
public struct GuidanceSpec: Decodable, Sendable {
    public var period: Located<String>
    public var unit: Unit
    public var items: [GuidanceItem]
}

/// A dated event announced by a release: a call, the next results date, a quiet period.
public struct EventSpec: Decodable, Sendable {
    public var title: String
    public var start: Located<String>
    public var end: Located<String>?
    public var kind: Event.Kind
    public var url: Located<String>?

    enum CodingKeys: String, CodingKey { case title, start, end, kind, url }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        start = try c.decode(Located<String>.self, forKey: .start)
        end = try c.decodeIfPresent(Located<String>.self, forKey: .end)
        kind = try c.decodeIfPresent(Event.Kind.self, forKey: .kind) ?? .event
        url = try c.decodeIfPresent(Located<String>.self, forKey: .url)
    }
}
