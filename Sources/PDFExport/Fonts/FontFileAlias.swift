import Foundation

/// A spelling of a font file's path that no other live `FontSetup` uses, so that two workers never share a cairo
/// font.
///
/// cairo keeps one FreeType face per font file path for the whole process, one font face per face and options,
/// and one scaled font per font face and size (`cairo_ft_font_face_create_for_pattern` looks the path up in a
/// process-wide map). Two workers setting the same type therefore drew with the same `cairo_scaled_font_t`, whose
/// mutex cairo holds while it measures, emits or subsets that font's glyphs: on 2 cores the workers took turns,
/// ~4,000 lock sleeps per worker per 300 summaries (docs/performance.md, issue 18 seventh round).
///
/// `/proc/self/root` is the kernel's link to the process's root directory, so `/proc/self/root/srv/fonts/A.ttf`
/// names the same file as `/srv/fonts/A.ttf` under a different string, which is all cairo compares. Slot 0 keeps
/// the plain path; slot k puts the link in front k times. Every spelling resolves to the file's current contents
/// (a font replaced while `watch` runs is seen as before), and the output does not change: cairo names embedded
/// fonts from the font's own PostScript name, never from its path.
enum FontFileAlias {
    /// Linux follows at most 40 links in one path and each `/proc/self/root` is two (`self`, then `root`): 21
    /// fail to resolve. 16 leaves room for links in the fonts folder's own path; with more live setups than
    /// that, spellings repeat and only those setups share fonts.
    static let maxDepth = 16
    private static let link = "/proc/self/root"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var taken: Set<Int> = []
    /// Whether `/proc/self/root` leads to `/` here (no procfs, e.g. in some sandboxes: every setup uses plain paths).
    private static let available: Bool = {
        var st = stat(), root = stat()
        return stat(link + "/", &st) == 0 && stat("/", &root) == 0 && st.st_dev == root.st_dev && st.st_ino == root.st_ino
    }()

    /// The lowest slot no live setup holds; give it back with `release` when the setup ends.
    static func acquire() -> Int {
        lock.lock()
        defer { lock.unlock() }
        var slot = 0
        while taken.contains(slot) { slot += 1 }
        taken.insert(slot)
        return slot
    }

    static func release(_ slot: Int) {
        lock.lock()
        taken.remove(slot)
        lock.unlock()
    }

    /// `path` (absolute) as slot `slot` spells it.
    static func spelling(of path: String, slot: Int) -> String {
        let depth = slot == 0 ? 0 : (slot - 1) % maxDepth + 1
        guard depth > 0, available, path.hasPrefix("/") else { return path }
        return String(repeating: link, count: depth) + path
    }
}
