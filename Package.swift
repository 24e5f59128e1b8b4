// swift-tools-version:6.0
import PackageDescription

// Layers, innermost first:
//   OIDCWizardCore  – pure domain: setup model, generators, policy reader, IAM evaluator, rules, scenarios, writers
//   WizardUI        – pure TUI: state + key -> update -> effects, render into an in-memory cell frame
//                     (CThreadPlacement: where its second thread may run, for the per-keystroke work)
//   TerminalBackend – the only code that touches ncurses
//   oidc-wizard     – the command line (ArgumentParser) wiring it together
let package = Package(
    name: "oidc-wizard",
    products: [
        .executable(name: "oidc-wizard", targets: ["oidc-wizard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "OIDCWizardCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Keeps the wizard's second thread off the CPU of the thread that hands it work (see BothAtOnce).
        .target(name: "CThreadPlacement"),
        .target(name: "WizardUI", dependencies: ["OIDCWizardCore", "CThreadPlacement"]),
        .target(name: "TerminalBackend", dependencies: ["CNcursesw", "WizardUI"]),
        .executableTarget(
            name: "oidc-wizard",
            dependencies: [
                "OIDCWizardCore", "WizardUI", "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "oidc-wizard-bench", dependencies: ["OIDCWizardCore", "WizardUI", "TerminalBackend"]),
        // libFuzzer target for the policy reader (.ci/run builds it with -sanitize=fuzzer); a plain build
        // replays a corpus through the same check.
        .executableTarget(name: "oidc-wizard-fuzz", dependencies: ["OIDCWizardCore"]),
        // Temporary directories for the tests, removed when the test process exits.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(
            name: "OIDCWizardCoreTests",
            dependencies: ["OIDCWizardCore", "TestScratch", .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]  // golden files are read from the source tree by path, not bundled
        ),
        .testTarget(
            name: "WizardUITests",
            dependencies: ["WizardUI", "OIDCWizardCore", "CThreadPlacement", "TestScratch"],
            exclude: ["__Snapshots__"]  // golden screens, read by Support/Golden.swift
        ),
        // Key decoding and a headless ncurses round trip (serialized: ncurses is process-global).
        .testTarget(name: "TerminalBackendTests", dependencies: ["TerminalBackend", "WizardUI"]),
        // Runs the real binary (CLI contracts, hostile input, tmux end-to-end).
        .testTarget(name: "CLITests", dependencies: ["oidc-wizard", "OIDCWizardCore", "TestScratch", .product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
