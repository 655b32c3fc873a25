extension CompiledTemplate {
    /// Renders `context` with this template, `partials` by name, as swift-mustache would.
    func render(_ context: TemplateValue, partials: [String: CompiledTemplate]) -> [UInt8] {
        var renderer = Renderer(partials: partials, stack: [context])
        renderer.out.reserveCapacity(16 * 1024)
        renderer.render(nodes)
        return renderer.out
    }

    private struct Renderer {
        let partials: [String: CompiledTemplate]
        var stack: [TemplateValue]
        var out: [UInt8] = []

        mutating func render(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    out.append(contentsOf: bytes)
                case .variable(let path, let escaped):
                    write(resolve(path), escaped: escaped)
                case .section(let path, let inverted, let body):
                    let value = resolve(path)
                    if inverted {
                        if Self.hides(value) { render(body) }
                    } else {
                        section(value, body)
                    }
                case .partial(let name):
                    // `Templates` refuses a theme whose partials are missing.
                    if let partial = partials[name] { render(partial.nodes) }
                }
            }
        }

        /// A list shows once per element, a flag keeps the context, anything else becomes it.
        mutating func section(_ value: TemplateValue, _ body: [Node]) {
            switch value {
            case .list(let list):
                for index in 0..<list.count {
                    stack.append(list.element(at: index))
                    render(body)
                    stack.removeLast()
                }
            case .flag(let shown):
                if shown { render(body) }
            case .missing:
                return
            case .text, .number, .object:
                stack.append(value)
                render(body)
                stack.removeLast()
            }
        }

        /// What an inverted section shows for: nothing, false, an empty list.
        static func hides(_ value: TemplateValue) -> Bool {
            switch value {
            case .missing: true
            case .flag(let shown): !shown
            case .list(let list): list.count == 0
            case .text, .number, .object: false
            }
        }

        /// The first name from the innermost context that has it, the rest from there, then the transforms.
        func resolve(_ path: Path) -> TemplateValue {
            var value: TemplateValue = .missing
            if let first = path.names.first {
                for context in stack.reversed() {
                    guard case .object(let object) = context else { continue }
                    let found = object.value(named: first)
                    if case .missing = found { continue }
                    value = found
                    break
                }
                for name in path.names.dropFirst() {
                    guard case .object(let object) = value else { return .missing }
                    value = object.value(named: name)
                }
            } else {
                value = stack[stack.count - 1]
            }
            for transform in path.transforms.reversed() {
                switch (transform, value) {
                case (.empty, .text(let text)): value = .flag(text.isEmpty)
                case (.empty, .list(let list)): value = .flag(list.count == 0)
                default: return .missing
                }
            }
            return value
        }

        mutating func write(_ value: TemplateValue, escaped: Bool) {
            switch value {
            case .text(let text): append(text, escaped: escaped)
            case .flag(let flag): append(flag ? "true" : "false", escaped: escaped)
            case .number(let number): append(String(number), escaped: escaped)
            case .object(let object): append(String(describing: object), escaped: escaped)
            case .list(let list): append(String(describing: list.elements), escaped: escaped)
            case .missing: return
            }
        }

        /// Appends `text`, escaping the five characters swift-mustache escapes in HTML.
        mutating func append(_ text: String, escaped: Bool) {
            guard escaped else {
                out.append(contentsOf: text.utf8)
                return
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "<"): out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])              // &lt;
                case UInt8(ascii: ">"): out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])              // &gt;
                case UInt8(ascii: "&"): out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])        // &amp;
                case UInt8(ascii: "\""): out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
                case UInt8(ascii: "'"): out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])        // &#39;
                default: out.append(byte)
                }
            }
        }
    }
}
