import CCMarkGFM
import Foundation

/// Process-wide libcmark-gfm state: extension registration and the lock that serialises parsing.
///
/// libcmark-gfm 0.29 keeps two pieces of global mutable state:
/// - the extension registry, filled by `cmark_gfm_core_extensions_ensure_registered()`, which is not itself
///   thread-safe; a `static let` initialiser runs it exactly once (Swift guarantees `swift_once` semantics);
/// - the `SPECIAL_CHARS` table of the inline parser, which `cmark_parser_finish` *modifies* (adding the extensions'
///   trigger characters such as `~`, then removing them again). Two parsers finishing concurrently race on it, so one
///   document can lose its strikethrough or `www.` autolinks. Parsing therefore happens under ``parseLock``;
///   rendering and AST walks touch no global state and run in parallel.
enum CMarkRuntime {
    /// The GFM extensions attached to every parser, in this order.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions exactly once; read it before creating any parser.
    static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serialises `cmark_parser_feed`/`cmark_parser_finish` (see the type's documentation).
    static let parseLock = NSLock()

    /// The cmark option bits for the given options; used for both parsing and rendering.
    static func optionBits(_ options: MarkdownOptions) -> Int32 {
        var bits = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if options.allowRawHTML { bits |= CMARK_OPT_UNSAFE }
        return Int32(bits)
    }
}
