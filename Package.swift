// swift-tools-version:6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode (strict concurrency) plus the
/// upcoming features the swift-server family turns on.
let languageSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The release build of `tackle` links the Swift runtime and libraries statically on Linux (as
/// `swift build --static-swift-stdlib` does): a one-shot command then starts without resolving a
/// dozen shared libraries, and the binary runs where no Swift toolchain is installed. Modules that
/// go into it are compiled against the static libraries' module files, so they name the archives
/// those need; debug builds and the tests are unaffected.
let staticStdlib: [String] = ["-static-stdlib"]

/// The settings of every target that goes into `tackle`.
let swiftSettings: [SwiftSetting] =
    languageSettings + [.unsafeFlags(staticStdlib, .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "tackle",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tackle", targets: ["tackle"]),
        .library(name: "TackleStore", targets: ["TackleStore"]),
        .library(name: "TackleScheduler", targets: ["TackleScheduler"]),
        .library(name: "TackleReport", targets: ["TackleReport"]),
        .library(name: "TackleBoard", targets: ["TackleBoard"]),
        .library(name: "TackleDemo", targets: ["TackleDemo"]),
        .library(name: "TackleDomain", targets: ["TackleDomain"]),
        .library(name: "LibPQ", targets: ["LibPQ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libpq, the PostgreSQL client library, as Debian's libpq-dev ships it.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // A thin, safe Swift layer over libpq: connections, bound parameters, typed decoding,
        // transactions, COPY.
        .target(
            name: "LibPQ",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Pure domain: types, rules, statistics, report building. No database, no argument parsing.
        .target(
            name: "TackleDomain",
            swiftSettings: swiftSettings
        ),
        // The service library: schema migrations and everything tackle records in PostgreSQL.
        .target(
            name: "TackleStore",
            dependencies: [
                "LibPQ",
                "TackleDomain",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedMigrations"]
        ),
        // The reports as people and programs read them: the plant clock, text in Chinese and English,
        // JSON, checksums. No database.
        .target(
            name: "TackleReport",
            dependencies: ["TackleDomain"],
            swiftSettings: swiftSettings
        ),
        // The notice board: the reports and a project's page as self-contained HTML with inline SVG charts.
        // No database.
        .target(name: "TackleBoard", dependencies: ["TackleDomain", "TackleReport"], swiftSettings: swiftSettings),
        // The demo plant, written through the store's service calls.
        .target(
            name: "TackleDemo",
            dependencies: [
                "TackleStore",
                "TackleReport",
                "TackleDomain",
                "LibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The scheduled report job: publishes each month's status exactly once, as a service.
        .target(
            name: "TackleScheduler",
            dependencies: [
                "LibPQ",
                "TackleBoard",
                "TackleStore",
                "TackleReport",
                "TackleDomain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command line.
        .executableTarget(
            name: "tackle",
            dependencies: [
                "TackleScheduler",
                "TackleStore",
                "TackleReport",
                "TackleBoard",
                "TackleDemo",
                "TackleDomain",
                "LibPQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(staticStdlib, .when(platforms: [.linux], configuration: .release))]
        ),
        // Build-time tool and plugin that compile `sql/*.sql` into the binary, so `sql/` stays
        // the single source of truth and a deployed `tackle` needs no files beside it.
        .executableTarget(
            name: "embed-migrations",
            dependencies: ["TackleDomain"],
            swiftSettings: languageSettings
        ),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["embed-migrations"]
        ),

        // Test support: a fresh database per suite on the private test server.
        .target(
            name: "TestSupport",
            dependencies: ["LibPQ"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        // Test support: hand-made monthly report facts, shared by the domain and report tests.
        .target(
            name: "ReportFixtures",
            dependencies: ["TackleDomain"],
            path: "Tests/ReportFixtures",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LibPQTests",
            dependencies: ["LibPQ", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleDomainTests",
            dependencies: ["TackleDomain", "ReportFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleStoreTests",
            dependencies: [
                "TackleStore", "TackleDomain", "LibPQ", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleReportTests",
            dependencies: ["TackleReport", "TackleDomain", "ReportFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleBoardTests",
            dependencies: ["TackleBoard", "TackleReport", "TackleDomain", "ReportFixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleDemoTests",
            dependencies: [
                "TackleDemo", "TackleStore", "TackleReport", "TackleDomain", "LibPQ", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleSchedulerTests",
            dependencies: ["TackleScheduler", "TackleStore", "TackleReport", "TackleDomain", "LibPQ", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TackleCLITests",
            dependencies: ["tackle", "LibPQ", "TestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
