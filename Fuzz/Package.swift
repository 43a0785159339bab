// swift-tools-version:6.0
// The libFuzzer target for postwacht's importers (docs/fuzzing.md). A package of its own, so that the
// sanitizer flags never reach the product's build:
//   swift build --package-path Fuzz -c release --sanitize=fuzzer
//   Fuzz/.build/release/ImporterFuzzer Fuzz/corpus -max_total_time=600
import PackageDescription

let package = Package(
    name: "postwacht-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "postwacht", path: "..")],
    targets: [
        .executableTarget(
            name: "ImporterFuzzer",
            dependencies: [
                .product(name: "PostwachtAudit", package: "postwacht"),
                .product(name: "PostwachtCore", package: "postwacht"),
            ],
            // libFuzzer brings main(); the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
