/// Scalars of the scripts summaries are written in whose grapheme-cluster behaviour and display width are known
/// without Unicode property lookups, so text made only of them can be measured, split and wrapped on its UTF-8
/// bytes and give exactly what the Character-by-Character paths give (Arabic and Chinese text is all non-ASCII,
/// and breaking it into Characters was most of the digest's and the inline parser's extra cost in those
/// languages; docs/performance.md, issue 19).
///
/// A *base* starts a cluster and never joins the scalar before it (Grapheme_Cluster_Break Other: not Prepend,
/// Control, Extend, SpacingMark or ZWJ); its width is what `TextWidth.of(_: Character)` gives a cluster it starts.
/// A *mark* (a nonspacing mark, Grapheme_Extend) joins the cluster before it and adds no width; at the start of a
/// text it is a cluster of its own, of width 0. So in text made only of these scalars a cluster is a base and the
/// marks after it, and the width of any stretch is the sum of its bases' widths. No base has a canonical singleton
/// decomposition, so two clusters are equal exactly when their scalars are. `KnownScalarsTests` proves every
/// entry against the standard library's own grapheme breaking and `TextWidth`.
package enum KnownScalars {
    /// Width 1 or 2 for a base, 0 for a mark, nil for any other scalar (ASCII controls included).
    @inline(__always)
    package static func width(_ v: UInt32) -> Int? {
        switch v {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x24F,                               // ASCII, Latin-1, Latin Extended
             0x05BE, 0x05C0, 0x05C3, 0x05C6, 0x05D0...0x05EA, 0x05F3...0x05F4,      // Hebrew letters, maqaf, punctuation
             0x060C, 0x061B, 0x061F, 0x0620...0x064A, 0x0660...0x066F, 0x0671...0x06D5,   // Arabic letters, digits, punctuation
             0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0:                     // dashes, quotes, bullets; currency
            return 1
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE,
             0x4E00...0x9FFF, 0xFF01...0xFF5E:                                      // CJK punctuation, kana, ideographs, full width
            return 2
        case 0x0300...0x036F,                                                       // combining diacritical marks
             0x0591...0x05BD, 0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C5, 0x05C7,     // Hebrew points
             0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED:   // Arabic marks
            return 0
        default:
            return nil
        }
    }

    /// Whether `v` is a base (see above).
    @inline(__always)
    package static func isBase(_ v: UInt32) -> Bool { (width(v) ?? 0) > 0 }

    /// Whether every scalar of `s` is known.
    package static func all(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { scalars($0) { _, _, _ in } }
    }

    /// The scalars of `bytes` (valid UTF-8) in order, with the offset of each scalar's first byte, or nil when one
    /// is not known here.
    package static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ scalar: UInt32, _ width: Int) -> Void) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            let v: UInt32, length: Int
            if b0 < 0x80 { v = b0; length = 1 }
            else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); length = 2 }
            else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); length = 3
            } else { return false }   // nothing known lies outside the Basic Multilingual Plane
            guard let w = width(v) else { return false }
            body(i, v, w)
            i += length
        }
        return true
    }
}
