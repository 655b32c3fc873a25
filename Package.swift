// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "IRSite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "irsite", targets: ["irsite"]),
        .library(name: "IRSiteKit", targets: ["IRSiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "IRSiteKit",
            dependencies: [
                "CCMarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server (`irsite serve`): its packages stay out of the core library.
        .target(
            name: "IRSitePreview",
            dependencies: [
                "IRSiteKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "_NIOFileSystem", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "irsite",
            dependencies: [
                "IRSiteKit", "IRSitePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks, not shipped: `swift run -c release irsite-bench charts|rebuild …`.
        .executableTarget(
            name: "irsite-bench",
            dependencies: [
                "IRSiteKit", "IRSiteSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Sample charts: the chart tests render them, irsite-bench cycles through them.
        .target(name: "IRSiteSamples", dependencies: ["IRSiteKit"], path: "Tests/IRSiteSamples"),
        // Fixture helpers both test targets use: the repository's paths, temporary folders,
        // external programs and the built irsite executable.
        .target(name: "IRSiteTestSupport", dependencies: ["IRSiteKit"], path: "Tests/IRSiteTestSupport"),
        .testTarget(
            name: "IRSiteKitTests",
            dependencies: [
                "IRSiteKit", "IRSiteTestSupport", "IRSiteSamples", "irsite",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "IRSitePreviewTests",
            dependencies: [
                "IRSiteKit", "IRSitePreview", "IRSiteTestSupport", "irsite",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
