import IRSiteKit
import Foundation

/// The live-reload side of the preview server: the script every served page
/// loads, and the markup added to a page on its way out (never to the files on
/// disk, which stay byte-identical to `irsite build`).
public enum LiveReload {
    /// Where the browser script is served.
    public static let scriptPath = "/__irsite/live.js"
    /// The server-sent event stream the script listens to.
    public static let eventsPath = "/__irsite/events"
    /// The `id` of the diagnostics panel, in served markup and in the script.
    public static let overlayID = "irsite-diagnostics"
    static let overlayTitle = "irsite: the last build failed. This page is from the last good build."

    /// Adds the panel of a failed build's diagnostics (escaped) and the script
    /// before the last `</body>`, or at the end when there is none.
    /// - Parameter generation: the build that wrote the page; the script reloads on any other.
    public static func inject(into html: String, generation: Int, failure: [String]?) -> String {
        var addition = ""
        if let failure { addition += overlay(failure) }
        addition += "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n"
        guard let body = html.range(of: "</body", options: [.backwards, .caseInsensitive]) else { return html + addition }
        var result = html
        result.insert(contentsOf: addition, at: body.lowerBound)
        return result
    }

    /// The diagnostics panel, the same the script builds when a failure arrives.
    static func overlay(_ diagnostics: [String]) -> String {
        """
        <section id="\(overlayID)" role="alert" aria-labelledby="\(overlayID)-title" style="\(Style.panel)">\
        <h2 id="\(overlayID)-title" style="\(Style.title)">\(PublishXML.text(overlayTitle))</h2>\
        <pre style="\(Style.lines)">\(PublishXML.text(diagnostics.joined(separator: "\n")))</pre></section>

        """
    }

    /// Inline styles, so the panel looks the same on any theme and needs no stylesheet.
    enum Style {
        static let panel = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;"
            + "padding:1rem 1.25rem;background:#fff5f5;color:#1a1a1a;border-top:4px solid #b00020;"
            + "box-shadow:0 -2px 12px rgba(0,0,0,.25);font:16px/1.5 system-ui,sans-serif;text-align:left"
        static let title = "margin:0 0 .5rem;font-size:1.1rem;color:#b00020"
        static let lines = "margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.5 ui-monospace,monospace;color:#1a1a1a"
    }

    /// The browser script. It reloads the page when a build of another generation
    /// succeeds (or any good build, once the stream was lost and came back), and shows a failed build's diagnostics in the panel (as text, never as markup).
    public static let script: String = {
        func literal(_ s: String) -> String { JSONWriter.render(.string(s), pretty: false) }
        return """
            // irsite serve: reloads this page after a rebuild; shows the diagnostics of a failed build.
            (function () {
              "use strict";
              var script = document.currentScript;
              var generation = Number(script && script.dataset.generation);
              var id = \(literal(overlayID));
              var source = new EventSource(\(literal(eventsPath)));
              // A lost stream is mostly a restarted server, whose builds count from 1 again:
              // after one, any good build reloads the page.
              var lost = false;
              source.addEventListener("error", function () { lost = true; });
              source.addEventListener("built", function (event) {
                if (lost || JSON.parse(event.data).generation !== generation) {
                  source.close();
                  location.reload();
                }
              });
              source.addEventListener("failed", function (event) {
                show(JSON.parse(event.data).diagnostics);
              });
              function show(lines) {
                var panel = document.getElementById(id);
                if (!panel) {
                  panel = document.createElement("section");
                  panel.id = id;
                  panel.setAttribute("role", "alert");
                  panel.setAttribute("aria-labelledby", id + "-title");
                  panel.setAttribute("style", \(literal(Style.panel)));
                  var title = document.createElement("h2");
                  title.id = id + "-title";
                  title.setAttribute("style", \(literal(Style.title)));
                  title.textContent = \(literal(overlayTitle));
                  var text = document.createElement("pre");
                  text.setAttribute("style", \(literal(Style.lines)));
                  panel.append(title, text);
                  document.body.append(panel);
                }
                panel.querySelector("pre").textContent = lines.join("\\n");
              }
            })();

            """
    }()
}
