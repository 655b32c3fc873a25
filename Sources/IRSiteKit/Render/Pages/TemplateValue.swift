/// A value as a template reads it: what `{{name}}` prints and whether
/// `{{#name}}` shows, with no dynamic casts. ``CompiledTemplate`` renders from
/// these; the page contexts answer each name with one (PageContexts+Mustache).
public enum TemplateValue {
    /// Printed escaped by `{{ }}`, as is by `{{{ }}}`; a section over it shows once.
    case text(String)
    /// Shows or hides a section; printed as `true` or `false`.
    case flag(Bool)
    case number(Int)
    /// A context: a section over it makes its names visible.
    case object(any TemplateObject)
    /// A section over it shows once per element, in order.
    case list(any TemplateList)
    /// No value: prints nothing, hides a section, shows an inverted one.
    case missing

    /// The value as swift-mustache receives it (the fallback renderer and the context check).
    var any: Any? {
        switch self {
        case .text(let s): s
        case .flag(let b): b
        case .number(let n): n
        case .object(let o): o
        case .list(let l): l.elements
        case .missing: nil
        }
    }
}

/// A value a template context holds.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// A template context: answers each name its templates use.
public protocol TemplateObject: TemplateValueConvertible {
    /// The value named `name`, or `.missing`.
    func value(named name: String) -> TemplateValue
}

extension TemplateObject {
    public var templateValue: TemplateValue { .object(self) }

    /// swift-mustache's lookup (templates it renders itself), from the same table.
    public func child(named name: String) -> Any? { value(named: name).any }
}

/// A list a section iterates.
public protocol TemplateList {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
    /// The array itself, for swift-mustache.
    var elements: Any { get }
}

extension Array: TemplateList where Element: TemplateValueConvertible {
    public func element(at index: Int) -> TemplateValue { self[index].templateValue }
    public var elements: Any { self }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    public var templateValue: TemplateValue { .list(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    public var templateValue: TemplateValue { self?.templateValue ?? .missing }
}

extension String: TemplateValueConvertible {
    public var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .flag(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .number(self) }
}
