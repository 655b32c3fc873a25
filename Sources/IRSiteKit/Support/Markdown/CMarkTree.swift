import CCMarkGFM

/// Walks a cmark AST without `cmark_iter`, so nodes can be collected first and edited afterwards.
enum CMarkTree {
    /// What to do after visiting a node.
    enum Step {
        case descend, skipChildren, stop
    }

    /// Visits `root` and its descendants in document (pre-)order.
    static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Step) {
        var current: OpaquePointer? = root
        while let node = current {
            let step = visit(node)
            if step == .stop { return }
            if step == .descend, let child = cmark_node_first_child(node) {
                current = child
                continue
            }
            current = nil
            var ancestor: OpaquePointer? = node
            while let up = ancestor, up != root {
                if let next = cmark_node_next(up) {
                    current = next
                    break
                }
                ancestor = cmark_node_parent(up)
            }
        }
    }

    /// The first node under `root` (inclusive), in document order, of the given type.
    static func first(_ type: cmark_node_type, under root: OpaquePointer) -> OpaquePointer? {
        var found: OpaquePointer?
        walk(root) { node in
            if cmark_node_get_type(node) == type {
                found = node
                return .stop
            }
            return .descend
        }
        return found
    }

    /// The node's literal (text, code, code block content), or `""`.
    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
