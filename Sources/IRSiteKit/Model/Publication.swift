import Foundation

/// What a build may publish, and when: the build's "now" and whether this is a
/// preview that includes drafts or embargoed releases.
public struct PublicationOptions: Sendable, Hashable {
    /// The build's clock, in seconds since 1970 (UTC); `--now` overrides the real clock.
    public var now: Int
    public var includeDrafts: Bool
    public var includeFuture: Bool

    public init(now: Int, includeDrafts: Bool = false, includeFuture: Bool = false) {
        self.now = now
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
    }

    /// A preview build shows unpublished material, marked and kept out of search engines.
    public var isPreview: Bool { includeDrafts || includeFuture }
}

/// Why a release is not public yet.
public enum ReleaseStatus: Sendable, Hashable {
    case published
    case draft
    case embargoed(until: Timestamp)
}

/// Decides what is public. Everything downstream (pages, statements, feed,
/// sitemap, data files, charts) reads only the site this returns, so nothing
/// of an unpublished release can leak through a side door.
public enum Publication {
    public static func status(of release: Release, settings: SiteSettings, now: Int) -> ReleaseStatus {
        if release.draft { return .draft }
        if instant(release.released, settings) > now { return .embargoed(until: release.released) }
        return .published
    }

    /// Seconds since 1970 of a timestamp; a date alone is midnight in the site's time zone on that date.
    public static func instant(_ t: Timestamp, _ settings: SiteSettings) -> Int {
        settings.zone.instant(t)
    }

    /// The site as this build may show it: releases that are out (plus, in a
    /// preview, drafts or embargoed ones), and only the periods those releases
    /// disclose. A period disclosed only by an unpublished release is unpublished too.
    public static func visibleSite(_ site: Site, _ options: PublicationOptions) -> (site: Site, unpublished: [FiscalPeriod: ReleaseStatus]) {
        var visible = site
        var unpublished: [FiscalPeriod: ReleaseStatus] = [:]
        visible.releases = site.releases.filter { release in
            let status = status(of: release, settings: site.settings, now: options.now)
            switch status {
            case .published: return true
            case .draft:
                guard options.includeDrafts else { return false }
            case .embargoed:
                guard options.includeFuture else { return false }
            }
            unpublished[release.period] = status
            return true
        }
        // A period is shown when a release in this build discloses it (its own period or a
        // comparison), unless its own release is held back: then even a later release's
        // comparative column must not show it.
        let withheld = Set(site.releases.map(\.period)).subtracting(visible.releases.map(\.period))
        let disclosed = Set(visible.releases.flatMap { [$0.period, $0.period.priorYear, $0.period.priorQuarter] }).subtracting(withheld)
        visible.periods = site.periods.filter { disclosed.contains($0.key) }
        return (visible, unpublished)
    }
}
