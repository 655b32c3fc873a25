import IRSiteKit
/// The page for a path with nothing behind it, when the site has no `404.html` of its own.
enum NotFoundPage {
    static func html(for target: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Not found</title>
        </head>
        <body>
        <main>
        <h1>Not found</h1>
        <p>The site has no page at <code>\(PublishXML.text(target))</code>.</p>
        <p><a href="/">Home page</a></p>
        </main>
        </body>
        </html>

        """
    }
}
