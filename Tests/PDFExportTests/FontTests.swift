import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

@Suite struct FontTests {
    let fontsFolder = TestSupport.repoRoot.appendingPathComponent("fonts")

    /// The private configuration holds exactly the files in fonts/ and no system font at all, so what is on
    /// the machine (or removed from it) cannot change the output.
    @Test func privateConfigurationSeesOnlyBundledFonts() throws {
        let fonts = try FontSetup(fontsFolder: fontsFolder)
        #expect(fonts.systemFontCount == 0)
        // Script fonts (Arabic, Hebrew, Devanagari, Chinese) are loaded only for the handouts that need them.
        let main = try FontSetup.fontFiles(in: fontsFolder).filter { f in
            !ScriptFont.allCases.contains { f.lastPathComponent.hasPrefix($0.filePrefix) }
        }
        #expect(fonts.applicationFontCount == main.count)
        #expect(fonts.families == ["Atkinson Hyperlegible", "Noto Sans", "Noto Sans Math", "Noto Sans Symbols", "Noto Sans Symbols2"])
    }

    /// Each script font adds its own family, and only it.
    @Test func scriptFontsAddTheirFamily() throws {
        for script in ScriptFont.allCases {
            let fonts = try FontSetup(fontsFolder: fontsFolder, scripts: [script])
            #expect(fonts.systemFontCount == 0)
            #expect(fonts.families == ["Atkinson Hyperlegible", "Noto Sans", "Noto Sans Math", "Noto Sans Symbols", "Noto Sans Symbols2", script.family])
        }
    }

    /// A script face's ascent and descent, read from the loaded font's HarfBuzz extents, are exactly what
    /// Pango's metrics give (which `FontSetup.metrics` asked before), at every size a layout could use, in
    /// both weights, with the handout's language set to the script's and to English: a handout's baselines
    /// (and bytes) do not change.
    @Test func scriptFaceExtentsArePangosMetrics() throws {
        let languages: [ScriptFont: String] = [.arabic: "ar", .hebrew: "he", .devanagari: "hi", .han: "zh-Hans", .hanFull: "zh-Hans"]
        for script in ScriptFont.allCases {
            let fonts = try FontSetup(fontsFolder: fontsFolder, scripts: [script])
            for language in [languages[script]!, "en"] {
                fonts.begin(language: language)
                for step in 12...80 {
                    for bold in [false, true] {
                        let spec = FontSpec(family: script.family, size: Double(step) / 2, bold: bold)
                        let pango = fonts.primaryMetrics(spec), extents = fonts.verticalExtents(spec)
                        #expect(extents.ascent == pango.ascent && extents.descent == pango.descent,
                                "\(script) \(language) \(spec.size) bold \(bold): \(extents) against \(pango)")
                    }
                }
            }
        }
    }

    @Test func everyBundledFontHasItsLicence() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: fontsFolder.path)
        #expect(names.contains("OFL-AtkinsonHyperlegible.txt"))
        #expect(names.contains("OFL-Noto.txt"))
    }

    @Test func embeddedFontsComeFromFontsFolder() throws {
        let (url, _) = try Handout.patina("a4")
        let out = try TestSupport.run("pdffonts", [url.path]).stdout
        let names = out.split(separator: "\n").dropFirst(2).map { line -> String in
            let full = String(line.split(separator: " ")[0])
            return String(full.split(separator: "+").last!)
        }
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { $0.hasPrefix("AtkinsonHyperlegible-") || $0.hasPrefix("NotoSans") }, "\(names)")
        // An English handout embeds no script font: they are not even loaded.
        #expect(!names.contains { $0.hasPrefix("NotoSansArabic") || $0.hasPrefix("NotoSansCJK") }, "\(names)")
    }

    @Test func patinaHasNoUnknownGlyphs() throws {
        for layout in ["a4", "large-print", "letter"] {
            #expect(try Handout.patina(layout).result.unknownGlyphs == 0, "\(layout)")
        }
    }

    /// Text a font lacks falls back to Noto; something no bundled font has is counted, proving the count works.
    @Test func unknownGlyphCountDetectsMissingGlyphs() throws {
        let fonts = try FontSetup(fontsFolder: fontsFolder)
        let style = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts"))).body
        let covered = TextBlock(StyledText("Zoë Łukasiewicz, Ψ-β ≥ 2 µg/m² ± 0.5 → ✓ ★ Привет"), style: style, width: 400, fonts: fonts)
        #expect(covered.unknownGlyphs == 0)
        let missing = TextBlock(StyledText("日本語"), style: style, width: 400, fonts: fonts)
        #expect(missing.unknownGlyphs == 3)
    }

    /// Every sample summary (2–4 arms, long titles, non-ASCII names, all categories), rendered in A4:
    /// not a single glyph missing. Rendering also proves each sample paginates and tags without a cairo error.
    @Test func sampleLibraryHasNoUnknownGlyphs() throws {
        let exporter = try Handout.exporter(["a4"])
        let worker = WorkerCache()
        var unknown: [String: Int] = [:]
        for summary in SampleGenerator(seed: 1).summaries(count: 200) {
            let item = LoadedSummary(summary: summary, sourcePath: "\(summary.id).yaml", sourceBytes: [])
            let n = try exporter.renderHandout(item, variant: "a4", worker: worker).unknownGlyphs
            if n > 0 { unknown[summary.id] = n }
        }
        #expect(unknown.isEmpty, "\(unknown)")
    }
}
