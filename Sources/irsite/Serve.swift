import ArgumentParser
import Foundation
import IRSiteKit
import IRSitePreview

/// `irsite serve`: builds, serves the output on 127.0.0.1, rebuilds on change, reloads open pages.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it when the content or templates change.",
        discussion: """
            Open pages reload after each build. When a build fails, the last good site stays served and \
            every page shows the diagnostics until a build succeeds. Ctrl-C stops the server.
            """
    )

    @OptionGroup var sources: SourceFolders

    @Option(name: .long, help: ArgumentHelp("Where the site is written and served from.", valueName: "dir"))
    var output = "Output"

    @Option(name: .long, help: ArgumentHelp("The port on 127.0.0.1 (0: any free port).", valueName: "port"))
    var port = 8080

    @OptionGroup var publication: PublicationFlags

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535; found \(port)") }
    }

    func run() async throws {
        let rebuild = Pipeline.rebuild(content: sources.content, templates: sources.templates, output: output,
                                       now: publication.instant, includeDrafts: publication.drafts, includeFuture: publication.future)
        let server = PreviewServer(configuration: .init(output: output, watched: [sources.content, sources.templates], port: port),
                                   rebuild: rebuild, log: { Self.say($0, to: .standardError) })
        let output = self.output
        do {
            try await server.run { port in
                Self.say("serving \(output)/ at http://127.0.0.1:\(port)/ (Ctrl-C stops)", to: .standardOutput)
            }
        } catch let error as EnvironmentError {
            Self.say("\(error)", to: .standardError)
            throw ExitCode(1)
        }
        Self.say("stopped", to: .standardError)
    }

    /// One unbuffered line, so a script reading the output sees the URL at once.
    static func say(_ line: String, to handle: FileHandle) {
        handle.write(Data("irsite serve: \(line)\n".utf8))
    }
}
