import CPangoCairo
import CPDFOutput
import ExportKit
import Foundation

/// The FreeType faces behind each `FontSetup`'s fonts: opened here, one FreeType library per slot, and handed to
/// cairo in every font pattern (`FC_FT_FACE`), so cairo never opens a font file itself.
///
/// Why not let cairo open them. cairo 1.16 keys a font opened from a path by that path, process-wide, so two
/// workers' Pango font maps (each with its own Fontconfig configuration) drew with the same
/// `cairo_scaled_font_t` at every size; cairo holds a scaled font's mutex while it measures, emits or subsets
/// its glyphs, and on 2 cores the workers took turns (~41,000 futex calls per 300 summaries; docs/performance.md,
/// issue 18 seventh round). And cairo calls `FT_New_Face`/`FT_Done_Face` on its one `FT_Library` outside its
/// lock, where FreeType asks for one library per thread or a lock around both: two threads opening faces at once
/// could crash inside FreeType (seen in parallel test runs). A face cairo finds in the pattern keys the font by
/// the face itself, and cairo never closes or reopens it.
///
/// A slot belongs to one live setup at a time, and a setup to one worker at a time, so a slot's library and
/// faces are used by one thread at a time. Faces live as long as the process and serve the next setup on the
/// same slot: cairo keeps fonts made from a face after its setup has gone, and a face freed and another made at
/// the same address would hand the new setup the old font's glyphs. A font file whose size or modification time
/// changed (replaced while `watch` runs) gets a new face.
final class FreeTypeFaces: @unchecked Sendable {
    static let shared = FreeTypeFaces()

    private struct Key: Hashable {
        var slot: Int, path: String, index: Int, size: Int64, seconds: Int, nanoseconds: Int
    }

    private let lock = NSLock()
    private var taken: Set<Int> = []
    private var libraries: [Int: FT_Library] = [:]
    private var faces: [Key: FT_Face] = [:]

    /// The lowest slot no live setup holds; `release` it when the setup ends.
    func acquire() -> Int {
        lock.withLock {
            var slot = 0
            while taken.contains(slot) { slot += 1 }
            taken.insert(slot)
            return slot
        }
    }

    func release(_ slot: Int) {
        lock.withLock { _ = taken.remove(slot) }
    }

    /// Gives every font pattern in `config`'s application set the slot's face of its file.
    func attach(to config: OpaquePointer, slot: Int) throws {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return }
        for i in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[i] else { continue }
            var file: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { continue }
            var index: Int32 = 0
            _ = FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
            let path = String(cString: file)
            let face = try self.face(slot: slot, path: path, index: Int(index))
            guard FcPatternAddFTFace(pattern, FC_FT_FACE, face) != 0 else {
                throw ExportError.configuration("\(path): error: Fontconfig would not take this font's FreeType face")
            }
        }
    }

    /// Faces opened so far for `slot` (for tests).
    func count(slot: Int) -> Int { lock.withLock { faces.keys.filter { $0.slot == slot }.count } }

    private func face(slot: Int, path: String, index: Int) throws -> FT_Face {
        var st = stat()
        guard stat(path, &st) == 0 else { throw ExportError.configuration("\(path): error: cannot read this font") }
        let key = Key(slot: slot, path: path, index: index, size: Int64(st.st_size),
                      seconds: st.st_mtim.tv_sec, nanoseconds: st.st_mtim.tv_nsec)
        return try lock.withLock {
            if let face = faces[key] { return face }
            let library = try libraries[slot] ?? {
                var lib: FT_Library?
                guard FT_Init_FreeType(&lib) == 0, let lib else {
                    throw ExportError.configuration("FreeType could not start a library")
                }
                libraries[slot] = lib
                return lib
            }()
            var face: FT_Face?
            guard FT_New_Face(library, path, index, &face) == 0, let face else {
                throw ExportError.configuration("\(path): error: FreeType could not open this font")
            }
            // No active character map: cairo is the only user of this face's map, and only to look a glyph's
            // character up backwards by walking every entry when its `cmap` table (hidden from it, see
            // CPDFOutput/cairo_sfnt.c) does not answer. Pango and HarfBuzz read the font file themselves.
            face.pointee.charmap = nil
            // cairo's subsetter then reads the face's tables from the bytes FreeType holds, without FreeType's
            // per-call lookup (CPDFOutput/cairo_sfnt.c); FreeType's unix stream maps the whole file.
            if let stream = face.pointee.stream, let base = stream.pointee.base {
                _ = trialexport_cairo_face_bytes(UnsafeRawPointer(face), base, stream.pointee.size)
            }
            // A script face becomes one CID font in the PDF, without cairo's separate WinAnsi font for its
            // spaces, digits and punctuation (CPDFOutput/cairo_sfnt.c). The main fonts keep cairo's split.
            if ScriptFont.owns(fileNamed: (path as NSString).lastPathComponent) {
                trialexport_cairo_one_font_per_face(UnsafeRawPointer(face))
            }
            faces[key] = face
            return face
        }
    }
}
