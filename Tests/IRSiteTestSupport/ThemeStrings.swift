import IRSiteKit

extension Translations {
    /// The default theme's English table, as a build without `strings:` uses it.
    public static let theme: Translations = {
        do { return try Translations.load(directory: Paths.templates, language: "en") } catch { fatalError("\(error)") }
    }()
}
