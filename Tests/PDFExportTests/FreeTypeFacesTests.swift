import CPangoCairo
import ExportKit
import Foundation
import Testing
@testable import PDFExport
import TestSupport
import TrialModel

/// Workers must not share cairo fonts (a shared scaled font's mutex made two workers take turns, and cairo's
/// shared FreeType library is not safe to open faces in from two threads), and fonts of their own must not
/// change a byte.
@Suite struct FreeTypeFacesTests {
    let fontsFolder = TestSupport.repoRoot.appendingPathComponent("fonts")

    /// The cairo scaled font Pango draws `spec` with in `fonts`.
    private func scaledFont(_ fonts: FontSetup, _ spec: FontSpec) throws -> OpaquePointer {
        let desc = spec.makeDescription()
        defer { pango_font_description_free(desc) }
        let font = try #require(pango_context_load_font(fonts.context, desc))
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        return try #require(pango_cairo_font_get_scaled_font(OpaquePointer(font)))
    }

    @Test func liveSetupsGetTheirOwnCairoFonts() throws {
        let spec = FontSpec(family: "Atkinson Hyperlegible", size: 14)
        let a = try FontSetup(fontsFolder: fontsFolder)
        let b = try FontSetup(fontsFolder: fontsFolder)
        let fa = try scaledFont(a, spec), fb = try scaledFont(b, spec)
        #expect(fa != fb)
        #expect(cairo_scaled_font_get_font_face(fa) != cairo_scaled_font_get_font_face(fb))
        // Within one setup, Pango and cairo still share: one font per description.
        #expect(try scaledFont(a, spec) == fa)
    }

    /// The faces of each pattern's file, in the application set's order.
    private func faces(_ config: OpaquePointer) throws -> [FT_Face?] {
        let set = try #require(FcConfigGetFonts(config, FcSetApplication))
        return (0..<Int(set.pointee.nfont)).map { i in
            var face: FT_Face?
            return FcPatternGetFTFace(set.pointee.fonts[i], FC_FT_FACE, 0, &face) == FcResultMatch ? face : nil
        }
    }

    /// Every font pattern of a setup carries a face; a slot's faces serve the next setup on that slot, and
    /// another slot has faces of its own.
    @Test func aSlotsFacesServeTheNextSetup() throws {
        let store = FreeTypeFaces.shared
        let setup = try FontSetup(fontsFolder: fontsFolder)
        #expect(try faces(setup.config).allSatisfy { $0 != nil })
        let files = try FontSetup.fontFiles(in: fontsFolder).filter { $0.lastPathComponent.hasPrefix("Atkinson") }
        func config() throws -> OpaquePointer {
            let c = try #require(FcConfigCreate())
            for f in files { #expect(FcConfigAppFontAddFile(c, f.path) != 0) }
            return c
        }
        let slot = store.acquire()
        let other = store.acquire()
        defer { store.release(slot); store.release(other) }
        let (c1, c2, c3) = (try config(), try config(), try config())
        defer { FcConfigDestroy(c1); FcConfigDestroy(c2); FcConfigDestroy(c3) }
        // The slot may have served a setup already (tests run in parallel): it opens at most these files.
        let before = store.count(slot: slot)
        try store.attach(to: c1, slot: slot)
        let opened = store.count(slot: slot)
        #expect(opened - before <= files.count)
        try store.attach(to: c2, slot: slot)
        #expect(store.count(slot: slot) == opened)
        #expect(try faces(c1) == faces(c2))
        try store.attach(to: c3, slot: other)
        #expect(Set(try faces(c3)).isDisjoint(with: Set(try faces(c1))))
        withExtendedLifetime(setup) {}
    }

    /// Two workers alive at once (as in `all`), each with its own fonts, write the same bytes, in every layout.
    @Test func separateFontsWriteTheSameBytes() throws {
        let exporter = try Handout.exporter()
        let patina = try TestSupport.patina()
        let first = WorkerCache(), second = WorkerCache()
        for layout in ["a4", "large-print", "brief-a4"] {
            let a = try exporter.renderHandout(patina, variant: layout, worker: first).pdf
            let b = try exporter.renderHandout(patina, variant: layout, worker: second).pdf
            #expect(a == b, "\(layout)")
        }
        withExtendedLifetime((first, second)) {}
    }

    /// Four threads set up their fonts and draw at the same moment (a barrier, not timing): cairo opening
    /// faces from two threads at once on its shared FreeType library was the crash this replaced.
    @Test func workersStartingTogetherDrawTheSameHandout() throws {
        let exporter = try Handout.exporter()
        let patina = try TestSupport.patina()
        let threads = 4
        let barrier = Barrier(threads)
        let results = Results()
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            Thread {
                defer { done.leave() }
                barrier.arrive()
                results.add(Result { try exporter.renderHandout(patina, variant: "a4", worker: WorkerCache()).pdf })
            }.start()
        }
        done.wait()
        let pdfs = try results.all.map { try $0.get() }
        #expect(pdfs.count == threads)
        #expect(Set(pdfs).count == 1)
    }
}

private final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Int
    init(_ count: Int) { waiting = count }
    func arrive() {
        condition.lock()
        waiting -= 1
        if waiting == 0 { condition.broadcast() }
        while waiting > 0 { condition.wait() }
        condition.unlock()
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<Data, any Error>] = []
    func add(_ r: Result<Data, any Error>) { lock.withLock { items.append(r) } }
    var all: [Result<Data, any Error>] { lock.withLock { items } }
}
