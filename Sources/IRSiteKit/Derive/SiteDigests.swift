import Foundation

/// Digests of a build's inputs, from which each output file's dependencies are
/// fingerprinted (DESIGN.md, Scale: a page depends on its release, the periods
/// it shows, the layouts, the templates and the site settings).
public struct SiteDigests: Sendable {
    /// What every page depends on: site.yaml, the layouts, the templates and theme
    /// assets, the build's options and what "now" decides for every page, IRSite's version.
    public var global: Fingerprint
    /// Each release's Markdown file and attachments.
    public var releases: [FiscalPeriod: Fingerprint]
    /// Each release's front matter and attachments: all its summary and charts show of it but the chart blocks.
    public var frontMatters: [FiscalPeriod: Fingerprint] = [:]
    /// Each period's facts file.
    public var periods: [FiscalPeriod: Fingerprint]

    public init(global: Fingerprint, releases: [FiscalPeriod: Fingerprint], periods: [FiscalPeriod: Fingerprint]) {
        self.global = global
        self.releases = releases
        self.periods = periods
    }

    /// Digests of the content as loaded: file texts, attachments by name, size and
    /// modification time (they are copied, not read), and the theme folder.
    public static func of(files: ContentFiles, site: Site, templates: String, settings extra: [String],
                          fileDigests: [String: Fingerprint]? = nil) throws -> SiteDigests {
        var digests = content(files: files, site: site, fileDigests: fileDigests ?? Self.fileDigests(files))
        digests.global.add(try themeDigest(templates))
        for value in extra { digests.global.add(value) }
        return digests
    }

    /// The content's digests alone, before the theme and options join `global`: what checks depend on.
    public static func content(files: ContentFiles, site: Site, fileDigests: [String: Fingerprint]) -> SiteDigests {
        var global = Fingerprint()
        global.add(IRSite.buildIdentity)
        global.add(files.site?.text ?? "")
        for layout in files.layouts {
            global.add(layout.path)
            global.add(layout.text)
        }
        let texts = Dictionary(files.releases.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        var periods: [FiscalPeriod: Fingerprint] = [:]
        for (period, data) in site.periods { periods[period] = fileDigests[data.file] ?? .of(data.file) }
        var releases: [FiscalPeriod: Fingerprint] = [:], frontMatters: [FiscalPeriod: Fingerprint] = [:]
        for release in site.releases {
            let text = texts[release.file] ?? ""
            var attachments = Fingerprint()
            for attachment in release.attachments {
                attachments.add(attachment.name)
                attachments.add(attachment.size)
                let modified = (try? FileManager.default.attributesOfItem(atPath: attachment.path)[.modificationDate] as? Date) ?? nil
                attachments.add(Int((modified?.timeIntervalSince1970 ?? 0) * 1000))
            }
            var whole = fileDigests[release.file] ?? .of(text)
            whole.add(attachments)
            releases[release.period] = whole
            // The body is the file's tail (FrontMatter.split): what precedes it is the front matter.
            let head = text.utf8.count - release.body.utf8.count
            var front = Fingerprint.of(head >= 0 ? String(decoding: text.utf8.prefix(head), as: UTF8.self) : text)
            front.add(attachments)
            frontMatters[release.period] = front
        }
        var digests = SiteDigests(global: global, releases: releases, periods: periods)
        digests.frontMatters = frontMatters
        return digests
    }

    /// Each period and release file's text digest, by path, on all cores; `digest`
    /// lets a long-lived process answer from what it remembers.
    public static func fileDigests(_ files: ContentFiles,
                                   digest: @Sendable (ContentFiles.File) -> Fingerprint = { $0.knownDigest ?? Fingerprint.of($0.text) }) -> [String: Fingerprint] {
        let all = files.periods + files.releases
        return Dictionary(zip(all.map(\.path), all.parallelMap(digest)), uniquingKeysWith: { a, _ in a })
    }

    /// Every file of the theme folder, by relative path and bytes.
    static func themeDigest(_ templates: String) throws -> Fingerprint {
        var f = Fingerprint()
        let fm = FileManager.default
        let names = (fm.enumerator(atPath: templates)?.allObjects as? [String] ?? []).sorted()
        for name in names where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = templates + "/" + name
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            f.add(name)
            f.add(Array(fm.contents(atPath: path) ?? Data()))
        }
        return f
    }

    /// A period's facts, or the fact that it has none.
    func period(_ p: FiscalPeriod) -> Fingerprint { periods[p] ?? .of("no period \(p.id)") }

    /// The periods `shown`, and all their figures are computed from.
    func periods(_ shown: some Sequence<FiscalPeriod>, book: FactBook) -> Fingerprint {
        var f = Fingerprint()
        for p in book.periodsReached(from: shown).sorted() {
            f.add(p.id)
            f.add(period(p))
        }
        return f
    }

    /// A release's page (or, with `wholeFile` false, its summary): the release, the
    /// periods they show, the release's publication status (preview banners).
    func release(_ release: Release, charts: [ReleaseChart], status: String, book: FactBook, wholeFile: Bool = true) -> Fingerprint {
        var f = global
        f.add((wholeFile ? releases[release.period] : frontMatters[release.period]) ?? .of(release.file))
        f.add(status)
        // The summary draws the charts the release's blocks describe.
        if !wholeFile { for chart in charts { f.add(chart.digest) } }
        let p = release.period
        f.add(periods([p, p.priorYear, p.priorQuarter] + charts.flatMap(\.periods), book: book))
        return f
    }

    /// A chart's standalone file: exactly what it draws.
    func chart(_ chart: ReleaseChart) -> Fingerprint {
        var f = global
        f.add(chart.digest)
        return f
    }

    /// A period's data downloads: its figures and the changes against its comparisons.
    func data(_ p: FiscalPeriod, book: FactBook) -> Fingerprint {
        var f = global
        f.add(periods([p, p.priorYear, p.priorQuarter], book: book))
        return f
    }

    /// A statements page: the periods it shows and the fiscal years it links.
    func statements(_ shown: [FiscalPeriod], linking years: [Int], book: FactBook) -> Fingerprint {
        var f = global
        f.add(periods(shown, book: book))
        for year in years { f.add("fy\(year)") }
        return f
    }

    /// Pages and files that list every release by what its front matter says (the
    /// archive, the sitemap, the calendar files): each release's front matter and
    /// attachments, whether it is published, and the periods' facts (their dates),
    /// so that editing a release's body leaves them alone.
    func releaseListing(_ releases: [Release], unpublished: Set<FiscalPeriod>) -> Fingerprint {
        var f = global
        for release in releases {
            f.add(release.period.id)
            f.add(frontMatters[release.period] ?? .of(release.file))
            f.add(unpublished.contains(release.period) ? "unpublished" : "published")
        }
        for (p, digest) in periods.sorted(by: { $0.key < $1.key }) {
            f.add(p.id)
            f.add(digest)
        }
        return f
    }

    /// Files built from every period (the combined CSV).
    func allPeriods() -> Fingerprint {
        var f = global
        for (p, digest) in periods.sorted(by: { $0.key < $1.key }) {
            f.add(p.id)
            f.add(digest)
        }
        return f
    }
}
