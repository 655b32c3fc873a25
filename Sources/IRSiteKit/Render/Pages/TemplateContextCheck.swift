import Mustache

/// Checks that a template context answers every one of its stored properties
/// by name, so the hand-written `child(named:)` lookups (PageContexts+Mustache)
/// can never fall behind the structs. Debug builds run it on every render.
enum TemplateContextCheck {
    /// Type and property names (`TableCell.title`) that `child(named:)` does not
    /// return, in `value` and every context nested in it.
    static func missingNames(in value: Any) -> [String] {
        var missing: [String] = []
        visit(value, &missing)
        return missing
    }

    private static func visit(_ value: Any, _ missing: inout [String]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection:
            for child in mirror.children { visit(child.value, &missing) }
        case .struct:
            guard let parent = value as? MustacheParent else { return }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let found = parent.child(named: label)
                let expected = unwrap(child.value)
                if (found == nil) != (expected == nil) || found.map({ String(describing: $0) }) != expected.map({ String(describing: $0) }) {
                    missing.append("\(type(of: value)).\(label)")
                }
                visit(child.value, &missing)
            }
        default:
            return
        }
    }

    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
