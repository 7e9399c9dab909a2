import CPangoCairo
import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Summaries in other scripts (issue 19): every glyph present with the handout's font setup, right-to-left
/// layout, script fonts loaded only when needed, and a clear error when one is missing.
@Suite struct ScriptTests {
    let fontsFolder = TestSupport.repoRoot.appendingPathComponent("fonts")

    /// One sentence per supported script, with digits and punctuation mixed in as summaries have them.
    static let samples: [(language: String, text: String)] = [
        ("en", "Zoë took the medicine every morning; about 8 in 10 people (79.7%) felt better."),
        ("ar", "تناولت زينب الدواء كل صباح، وشعر نحو 8 من كل 10 أشخاص (79.7%) بتحسن."),
        ("he", "זואי נטלה את התרופה בכל בוקר, וכ־8 מתוך 10 אנשים (79.7%) הרגישו טוב יותר."),
        ("zh-Hans", "佐伊每天早上服药，每 10 个人中约有 8 人（79.7%）感觉好转。"),
        ("hi", "ज़ोई हर सुबह दवा लेती थी, और 10 में से लगभग 8 लोगों (79.7%) ने बेहतर महसूस किया।"),
    ]

    static func load(_ name: String) throws -> LoadedSummary {
        let path = TestSupport.repoRoot.appendingPathComponent("Tests/fixtures/languages/\(name).yaml").path
        let lib = Library.load(paths: [path])
        guard let s = lib.summaries.first, !lib.diagnostics.contains(where: { $0.severity == .error }) else {
            throw TestFailure("\(name) did not load: \(lib.diagnostics.map(\.description).joined(separator: "\n"))")
        }
        return s
    }

    private func block(_ text: String, language: String, fonts: FontSetup, width: Double = 400) throws -> TextBlock {
        fonts.begin(language: language)
        let style = StyleSheet(try PDFLayouts.load("a4", layoutsFolder: TestSupport.repoRoot.appendingPathComponent("layouts"))).body
        return TextBlock(StyledText(text), style: style, width: width, fonts: fonts)
    }

    @Test(arguments: samples.map(\.language))
    func sampleInEachScriptHasNoUnknownGlyphs(language: String) throws {
        let text = try #require(Self.samples.first { $0.language == language }?.text)
        let fonts = try FontSetup(fontsFolder: fontsFolder, scripts: ScriptFont.needed(in: text, fontsFolder: fontsFolder))
        #expect(try block(text, language: language, fonts: fonts).unknownGlyphs == 0)
    }

    /// The same samples with only the main fonts (the script font removed): Pango reports unknown glyphs, so
    /// the check above can fail.
    @Test func withoutItsScriptFontASampleHasUnknownGlyphs() throws {
        let main = try FontSetup(fontsFolder: fontsFolder)
        for (language, text) in Self.samples where language != "en" {
            #expect(try block(text, language: language, fonts: main).unknownGlyphs > 0, "\(language)")
        }
    }

    @Test func scriptsComeFromTheLanguageAndTheText() throws {
        #expect(ScriptFont.needed(in: "Palbociclib, 79.7% ± 2 → Привет", fontsFolder: fontsFolder) == [])
        #expect(ScriptFont.needed(in: "WADI 研究 و עברית और", fontsFolder: fontsFolder) == [.han, .arabic, .hebrew, .devanagari])
        #expect(ScriptFont.needed(by: try Self.load("wadi-ar"), fontsFolder: fontsFolder) == [.arabic])
        #expect(ScriptFont.needed(by: try Self.load("wadi-zh"), fontsFolder: fontsFolder) == [.han])
        #expect(ScriptFont.needed(by: try TestSupport.patina(), fontsFolder: fontsFolder).isEmpty)
    }

    /// Chinese text loads the common-character face; a character only the full face has (祎, common in names but
    /// not in GB 2312; Hangul) loads the full one instead, so no summary loses a glyph to the smaller face.
    @Test func rareHanCharacterLoadsTheFullFace() throws {
        #expect(ScriptFont.needed(in: "研究中的患者", fontsFolder: fontsFolder) == [.han])
        #expect(ScriptFont.needed(in: "研究者张祎", fontsFolder: fontsFolder) == [.hanFull])
        #expect(ScriptFont.needed(in: "研究 한국어", fontsFolder: fontsFolder) == [.hanFull])
        // Ideographs outside GB 2312 in the small gaps between its hanzi are in the common face (common-subset.py).
        #expect(ScriptFont.needed(in: "研究者张喆和堃", fontsFolder: fontsFolder) == [.han])
        // A character neither face has needs no full face (the glyph check reports it).
        #expect(ScriptFont.needed(in: "研究 \u{10FFFD}", fontsFolder: fontsFolder) == [.han])
        let text = "研究者张祎和珺"
        let full = try FontSetup(fontsFolder: fontsFolder, scripts: ScriptFont.needed(in: text, fontsFolder: fontsFolder))
        #expect(try block(text, language: "zh-Hans", fonts: full).unknownGlyphs == 0)
        // With the common face alone the same text has boxes: the choice above is what prevents them.
        let common = try FontSetup(fontsFolder: fontsFolder, scripts: [.han])
        #expect(try block(text, language: "zh-Hans", fonts: common).unknownGlyphs == 2)
    }

    /// The character maps the face choice reads agree with Fontconfig's coverage of each script font, in the
    /// Basic Multilingual Plane and the ideographs of plane 2.
    @Test func characterMapsAgreeWithFontconfig() throws {
        let main = try FontSetup(fontsFolder: fontsFolder)
        for script in ScriptFont.allCases {
            let map = try #require(CharacterMaps.shared.map(of: script, in: fontsFolder), "\(script)")
            let fonts = try FontSetup(fontsFolder: fontsFolder, scripts: [script])
            var differ: [String] = []
            for v in Array(0x80...0xFFFF) + Array(0x20000...0x2FFFF) {
                guard let u = Unicode.Scalar(v), !main.covers(u) else { continue }
                if map.containsInAny(u) != fonts.covers(u) { differ.append(String(v, radix: 16)) }
            }
            #expect(differ.isEmpty, "\(script): \(differ.prefix(10))")
        }
    }

    /// The maps follow the folder: a font rewritten in place (another size and time) is read again, a weight
    /// added or removed is seen at once, and files of another script or format do not count.
    @Test func characterMapsFollowTheFolder() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arabic = try Data(contentsOf: fontsFolder.appendingPathComponent("NotoSansArabic-Regular.ttf"))
        let hebrew = try Data(contentsOf: fontsFolder.appendingPathComponent("NotoSansHebrew-Regular.ttf"))
        let face = dir.appendingPathComponent("NotoSansArabic-Regular.ttf")
        try arabic.write(to: face)
        try hebrew.write(to: dir.appendingPathComponent("NotoSansHebrew-Regular.ttf"))
        try arabic.write(to: dir.appendingPathComponent("NotoSansArabic-Bold.txt"))
        let beh = Unicode.Scalar(0x0628)!, alef = Unicode.Scalar(0x05D0)!
        var map = try #require(CharacterMaps.shared.map(of: .arabic, in: dir))
        #expect(map.maps.count == 1 && map.contains(beh) && !map.containsInAny(alef))
        try hebrew.write(to: face)
        map = try #require(CharacterMaps.shared.map(of: .arabic, in: dir))
        #expect(map.maps.count == 1 && !map.containsInAny(beh) && map.contains(alef))
        try arabic.write(to: dir.appendingPathComponent("NotoSansArabic-Bold.ttf"))
        map = try #require(CharacterMaps.shared.map(of: .arabic, in: dir))
        #expect(map.maps.count == 2 && map.containsInAny(beh) && !map.contains(beh))
        try FileManager.default.removeItem(at: face)
        map = try #require(CharacterMaps.shared.map(of: .arabic, in: dir))
        #expect(map.maps.count == 1 && map.contains(beh))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("NotoSansArabic-Bold.ttf"))
        #expect(CharacterMaps.shared.map(of: .arabic, in: dir) == nil)
    }

    /// A summary whose script font is missing fails with its id and the script, instead of printing boxes.
    @Test func missingScriptFontIsAnErrorNamingSummaryAndScript() throws {
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fonts = dir.appendingPathComponent("fonts")
        try FileManager.default.copyItem(at: fontsFolder, to: fonts)
        for name in try FileManager.default.contentsOfDirectory(atPath: fonts.path) where name.hasPrefix("NotoSansArabic-") {
            try FileManager.default.removeItem(at: fonts.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: TestSupport.repoRoot.appendingPathComponent("layouts"), to: dir.appendingPathComponent("layouts"))
        let context = ExportContext(settings: .defaults, resourceRoot: dir, options: ExportOptions(variants: ["a4"]), toolVersion: "0.0.0-test")
        let exporter = try PDFExporter(context: context)
        #expect { _ = try exporter.renderHandout(try Self.load("wadi-ar"), variant: "a4", worker: WorkerCache()) } throws: {
            "\($0)".contains("summary 'wadi-ar' needs a font for the Arabic script")
        }
        // English handouts do not need it.
        _ = try exporter.renderHandout(try TestSupport.patina(), variant: "a4", worker: WorkerCache())
    }

    @Test func rightToLeftTextEndsAtTheRightEdge() throws {
        let fonts = try FontSetup(fontsFolder: fontsFolder, scripts: [.arabic])
        let arabic = try block("الخلاصة", language: "ar", fonts: fonts, width: 300)
        #expect(arabic.rightToLeft)
        #expect(abs(arabic.usedLeft + arabic.usedWidth - 300) < 0.01)
        // A paragraph that starts with a Latin name still takes the handout's direction.
        let latinFirst = try block("WADI دراسة", language: "ar", fonts: fonts, width: 300)
        #expect(abs(latinFirst.usedLeft + latinFirst.usedWidth - 300) < 0.01)
        let english = try block("The bottom line", language: "en", fonts: fonts, width: 300)
        #expect(!english.rightToLeft && english.usedLeft == 0)
    }

    @Test func directionOfLanguageTags() {
        for tag in ["ar", "ar-EG", "he", "he-IL", "fa", "ur", "yi", "az-Arab", "dv"] {
            #expect(WritingDirection(languageTag: tag) == .rightToLeft, "\(tag)")
        }
        for tag in ["en", "es", "zh-Hans", "hi", "ja", "ku-Latn", "sr-Cyrl"] {
            #expect(WritingDirection(languageTag: tag) == .leftToRight, "\(tag)")
        }
        #expect(WritingScript(languageTag: "zh-Hans") == .han)
        #expect(WritingScript(languageTag: "zh-CN") == .han)
        #expect(WritingScript(languageTag: "hi") == .devanagari)
        #expect(WritingScript(languageTag: "ar-Latn") == .latin)
        #expect(WritingScript(languageTag: "tlh-Piqd") == .other)
    }

    /// Whole handouts of the fictional Arabic and Chinese fixtures: no unknown glyph, the script's font embedded
    /// as a subset, the text recoverable, /Lang set, and right to left on the right.
    @Test(arguments: ["wadi-ar", "wadi-zh"])
    func fixtureHandouts(name: String) throws {
        let item = try Self.load(name)
        let exporter = try Handout.exporter()
        let dir = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for layout in exporter.variants {
            let result = try exporter.renderHandout(item, variant: layout, worker: WorkerCache())
            #expect(result.unknownGlyphs == 0, "\(layout)")
            let url = dir.appendingPathComponent("\(name)-\(layout).pdf")
            try result.pdf.write(to: url)
            let fonts = try TestSupport.run("pdffonts", [url.path]).stdout
            let script = name == "wadi-ar" ? "NotoSansArabic-Regular" : "NotoSansCJKsc-Regular"
            #expect(fonts.contains("+\(script)"), "\(layout): \(fonts)")
            // Embedded, subset and Unicode-mapped: the emb, sub and uni columns are all "yes".
            let lines = fonts.split(separator: "\n").dropFirst(2)
            #expect(lines.allSatisfy { $0.split(separator: " ").suffix(5).prefix(3) == ["yes", "yes", "yes"] }, "\(fonts)")
            let text = try TestSupport.run("pdftotext", [url.path, "-"]).stdout
                .unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }.map(String.init).joined()
            // Words without lam-alef ligatures: poppler reverses the letters of a ligature in right-to-left text.
            let words = name == "wadi-ar" ? ["فيلوراسيب", "دراسة", "الرئة", "412", "14.2", "NCT09999901"]
                                          : ["维洛拉西布", "肺癌", "412", "14.2", "NCT09999902"]
            for w in words { #expect(text.contains(w), "\(layout): \(w)") }
            // The document's language, which structure elements inherit: from the summary.
            let json = try TestSupport.run("qpdf", ["--json=2", "--json-key=qpdf", url.path]).stdout
            #expect(json.contains("\"/Lang\": \"u:\(item.summary.language)\""), "\(layout)")
            #expect(json.contains("\"/Direction\": \"/R2L\"") == (name == "wadi-ar"), "\(layout)")
        }
        // Right to left, the page label is on the left of the page and the title ends at the right margin.
        let a4 = dir.appendingPathComponent("\(name)-a4.pdf")
        let boxes = try TestSupport.run("pdftotext", ["-bbox", "-f", "1", "-l", "1", a4.path, "-"]).stdout
        // The footer's page label is in the summary's language; poppler boxes Arabic letter by letter, so the
        // page number ("1") stands for it there.
        let label = name == "wadi-ar" ? ">1<" : "页，共"
        let page = try #require(boxes.split(separator: "\n").first {
            $0.contains(label) && (Double($0.split(separator: "\"")[3]) ?? 0) > 700
        })
        let xMin = try #require(Double(page.split(separator: "\"")[1]))
        if name == "wadi-ar" { #expect(xMin < 100, "\(page)") } else { #expect(xMin > 400, "\(page)") }
        // List bullets sit at the start of the line: right of centre right to left, left of it otherwise.
        let bullets = boxes.split(separator: "\n").filter { $0.contains(">•<") }
        #expect(!bullets.isEmpty)
        for b in bullets {
            let x = try #require(Double(b.split(separator: "\"")[1]))
            if name == "wadi-ar" { #expect(x > 450, "\(b)") } else { #expect(x < 100, "\(b)") }
        }
    }

    /// Chinese has no spaces: lines break between characters, never before closing punctuation.
    @Test func chineseBreaksBetweenCharacters() throws {
        let fonts = try FontSetup(fontsFolder: fontsFolder, scripts: [.han])
        let text = String(repeating: "在这项虚构的研究中，维洛拉西布使晚期肺癌开始生长之前的平均时间延长了。", count: 4)
        let b = try block(text, language: "zh-Hans", fonts: fonts, width: 200)
        #expect(b.lineCount >= 8)
        #expect(b.unknownGlyphs == 0)
        let iter = pango_layout_get_iter(b.layout)
        defer { pango_layout_iter_free(iter) }
        let bytes = Array(text.utf8)
        repeat {
            let start = Int(pango_layout_iter_get_index(iter))
            let first = String(decoding: bytes[start..<min(bytes.count, start + 3)], as: UTF8.self)
            #expect(!["，", "。"].contains(first), "a line starts with \(first)")
        } while pango_layout_iter_next_line(iter) != 0
    }
}
