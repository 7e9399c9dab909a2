// swift-tools-version: 6.1
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "trialexport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trialexport", targets: ["trialexport"]),
        .library(name: "TrialModel", targets: ["TrialModel"]),
        .library(name: "TrialExportCore", targets: ["TrialExportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C libraries, found with pkg-config.
        .systemLibrary(name: "CCairo", path: "Sources/CSystem/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPangoCairo", path: "Sources/CSystem/CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CSystem/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CDeflate", path: "Sources/CSystem/CDeflate", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", path: "Sources/CSystem/CLibDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CQREncode", path: "Sources/CSystem/CQREncode", pkgConfig: "libqrencode",
                       providers: [.apt(["libqrencode-dev"])]),

        // How cairo's PDF output is made in this process: numbers printed without glibc's general printf (a
        // process-wide `__snprintf_chk`, same bytes), page content left for the PDF/UA finisher to deflate once.
        .target(name: "CPDFOutput", path: "Sources/CPDFOutput"),
        // Deflate through libdeflate for every PDF stream (the finisher's, and cairo's own font streams: zlib's
        // streaming calls from libcairo, answered in this process; every other library keeps zlib) and for the
        // EPUB's ZIP entries.
        .target(name: "CFlate", dependencies: ["CLibDeflate"], path: "Sources/CFlate"),

        // The canonical model: value types, YAML loading, validation, derived views. No rendering.
        .target(name: "TrialModel", dependencies: [.product(name: "Yams", package: "Yams")],
                swiftSettings: strict),
        // What every exporter implements: its settings section and command-line options (ArgumentParser) included.
        .target(name: "ExportKit", dependencies: ["TrialModel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                swiftSettings: strict),

        // XML built through libxml2's tree API, never by concatenating strings (EPUB documents, XMP).
        .target(name: "XMLKit", dependencies: ["CLibXML2"], swiftSettings: strict),

        // One target per format.
        .target(name: "PDFExport", dependencies: ["ExportKit", "XMLKit", "CCairo", "CPangoCairo", "CQREncode", "CDeflate", "CFlate", "CPDFOutput",
                                                  .product(name: "Yams", package: "Yams")],
                swiftSettings: strict),
        .target(name: "EPUBExport", dependencies: ["ExportKit", "XMLKit", "CLibXML2", "CFlate",
                                                   .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .target(name: "DigestExport", dependencies: ["ExportKit", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .target(name: "JSONLDExport", dependencies: ["ExportKit"], swiftSettings: strict),

        // ClinicalTrials.gov API v2 records: import as summary drafts, cross-check summaries against them.
        .target(name: "CTGovImport", dependencies: ["TrialModel"], swiftSettings: strict),

        // `trialexport lint`: readability, EU CTR Annex V completeness, numeracy and wording checks.
        .target(name: "TrialLint", dependencies: ["TrialModel"], exclude: ["Hyphenation/LICENSE-hyph_en_US.txt"],
                swiftSettings: strict),

        // Registry, batch engine, manifest, sample library.
        .target(name: "TrialExportCore",
                dependencies: ["TrialModel", "ExportKit", "PDFExport", "EPUBExport", "DigestExport", "JSONLDExport",
                               .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        // The command line, as a library: `trialexport` is its one-line main, and the tests build a second program on
        // it with one more format (`trialexport-html`). It reaches formats only through the registry.
        .target(name: "TrialExportCLI",
                dependencies: ["TrialExportCore", "CTGovImport", "TrialLint",
                               .product(name: "ArgumentParser", package: "swift-argument-parser")],
                path: "Sources/trialexport", swiftSettings: strict),
        .executableTarget(name: "trialexport", dependencies: ["TrialExportCLI"], path: "Sources/TrialExportMain",
                          swiftSettings: strict),

        // `make bench`: what the PDF/UA-1 finishing adds per handout.
        .executableTarget(name: "pdfua-bench", dependencies: ["PDFExport", "ExportKit", "TrialModel"],
                          path: "bench/pdfua-bench", swiftSettings: strict),

        // Shared by the test targets: paths to the repo, PATINA, a sample library, running external tools.
        .target(name: "TestSupport", dependencies: ["TrialModel", "ExportKit"], path: "Tests/TestSupport",
                swiftSettings: strict),
        .testTarget(name: "TrialModelTests", dependencies: ["TrialModel", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "TrialLintTests", dependencies: ["TrialLint", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "CTGovImportTests", dependencies: ["CTGovImport", "TestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
                .testTarget(name: "TrialExportCoreTests", dependencies: ["TrialExportCore", "TestSupport",
                                                                 .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["TrialExportCore", "TestSupport"], swiftSettings: strict),
        // A fifth format that is not shipped: `trialexport` plus an HTML page per summary, to show that a format is
        // one folder, one registry line and this entry (CLITests' FifthFormatTests run it).
        .executableTarget(name: "trialexport-html", dependencies: ["TrialExportCLI", "TrialExportCore", "ExportKit", "XMLKit",
                                                                .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          path: "Tests/HTMLFormat", swiftSettings: strict),
        .testTarget(name: "PDFExportTests", dependencies: ["PDFExport", "CPDFOutput", "CFlate", "CDeflate", "CCairo", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "EPUBExportTests", dependencies: ["EPUBExport", "XMLKit", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    swiftSettings: strict),
        .testTarget(name: "DigestExportTests", dependencies: ["DigestExport", "TestSupport"],
                    exclude: ["check_eml.py", "check_txt.py", "Golden"], swiftSettings: strict),
        .testTarget(name: "JSONLDExportTests", dependencies: ["JSONLDExport", "TestSupport"], swiftSettings: strict),

        // Hardening: what the fuzz targets check, replayed over the kept corpus; property tests over all formats.
        .target(name: "FuzzChecks", dependencies: ["TrialModel", "DigestExport"], path: "Tests/Fuzz/Checks",
                swiftSettings: strict),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzChecks", "TestSupport"],
                    resources: [.copy("Corpus")], swiftSettings: strict),
        .testTarget(name: "PropertyTests",
                    dependencies: ["TrialModel", "TrialExportCore", "TestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")],
                    swiftSettings: strict),
    ]
)

// libFuzzer targets exist only for `make fuzz` (TRIALEXPORT_FUZZ=1, built with -sanitize=fuzzer,address into
// .build-fuzz): libFuzzer supplies their main function, so an ordinary build could not link them.
if ProcessInfo.processInfo.environment["TRIALEXPORT_FUZZ"] != nil {
    for name in ["FuzzLoader", "FuzzInline", "FuzzMIME"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzChecks"], path: "Tests/Fuzz/\(name)",
                                                 swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]))
    }
}
