// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "postwacht",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "postwacht", targets: ["postwacht"]),
        .library(name: "PostwachtCore", targets: ["PostwachtCore"]),
        // For the libFuzzer package in Fuzz/ (docs/fuzzing.md).
        .library(name: "PostwachtAudit", targets: ["PostwachtAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        // Already resolved through Hummingbird; named so the server can read NIO's bind errors.
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Debian's libicu-dev, found through pkg-config. Only the C shim below includes its headers:
        // a Swift module that imports Foundation must never see them (see ../shared/ICU-NOTES.md).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Plain C functions with an ICU-free header: word breaks, NFKC casefold, confusable skeletons.
        .target(name: "CPostwachtICU", dependencies: ["CICU"]),
        .target(name: "PostwachtCore", dependencies: ["CPostwachtICU", .product(name: "Yams", package: "Yams")]),
        .target(name: "PostwachtReporting", dependencies: ["PostwachtCore"], resources: [.copy("Assets")]),
        // Reading platform exports for `postwacht audit`: importers, discovery, zip, streaming runs.
        .target(name: "PostwachtAudit", dependencies: ["PostwachtCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The session layer both front ends share: loading, validation, options, exit policy, baseline,
        // the streaming reporter contract; no terminal, no HTTP (Sources/PostwachtSession/Session.swift).
        .target(name: "PostwachtSession", dependencies: ["PostwachtCore", "PostwachtReporting"]),
        // The pre-publish HTTP service: built by a function tests call; the CLI's `serve` runs it.
        .target(
            name: "PostwachtServer",
            dependencies: [
                "PostwachtCore", "PostwachtReporting", "PostwachtSession",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Assets")]
        ),
        .executableTarget(
            name: "postwacht",
            dependencies: [
                "PostwachtCore", "PostwachtReporting", "PostwachtSession", "PostwachtServer", "PostwachtAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A plain-socket HTTP/1.1 client for loopback: the load test and the server tests use it, so no
        // build needs an HTTP client library and, with it, a TLS stack.
        .target(name: "LoopbackHTTP"),
        .executableTarget(name: "postwacht-bench", dependencies: ["PostwachtCore", "LoopbackHTTP"]),
        .testTarget(
            name: "PostwachtCoreTests",
            dependencies: ["PostwachtCore", "PostwachtReporting", "PostwachtSession", "PostwachtAudit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "PostwachtServerTests",
            dependencies: ["PostwachtServer", "PostwachtCore", "LoopbackHTTP", .product(name: "Hummingbird", package: "hummingbird")]
        ),
    ]
)
