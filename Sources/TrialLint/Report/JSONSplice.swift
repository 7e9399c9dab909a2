import Foundation

/// Joins pieces of one JSON document that a JSON writer (JSONEncoder or JSONSerialization, pretty-printed) wrote
/// separately, so each summary's part of a lint report can be written on the worker that linted it while the
/// document comes out byte for byte as one call to the writer would make it.
///
/// Why this is not "JSON by string concatenation": the splice never writes a byte of JSON itself. The document's
/// head, the separator between array elements and its tail are cut from a *skeleton* the writer made (the real
/// document with two marker strings where the array's elements go), and each part is cut from a document the
/// writer made with that part's elements at the same depth (a pretty-printer's bytes for a value depend only on
/// its depth). Every assumption is checked on the bytes (each marker once, the part's wrapper exactly as its own
/// skeleton says, the separators equal); when one fails the caller gets nil and writes the document in one call.
struct JSONSplice {
    /// A writer's output around a list of elements; `Fragment`s are parts of such an output.
    struct Frame: Equatable {
        var head: [UInt8]
        var separator: [UInt8]
        var tail: [UInt8]

        /// `write` must put the given elements, in order, in the one list the frame is about. Two marker strings
        /// are written; the bytes before, between and after them are the frame.
        init?(_ write: ([String]) throws -> Data) {
            guard let quoted = Frame.quotedMarkers, let bytes = try? [UInt8](write(Frame.markers)),
                  let a = JSONSplice.onlyRange(of: quoted.0, in: bytes), let b = JSONSplice.onlyRange(of: quoted.1, in: bytes),
                  a.upperBound <= b.lowerBound else { return nil }
            head = Array(bytes[..<a.lowerBound])
            separator = Array(bytes[a.upperBound..<b.lowerBound])
            tail = Array(bytes[b.upperBound...])
        }

        private static let markers = ["trialexport-splice-marker-0", "trialexport-splice-marker-1"]
        /// The markers as the writer quotes them (written once: frames are cut for every report).
        private static let quotedMarkers: ([UInt8], [UInt8])? = {
            guard let a = try? JSONSerialization.data(withJSONObject: markers[0], options: .fragmentsAllowed),
                  let b = try? JSONSerialization.data(withJSONObject: markers[1], options: .fragmentsAllowed) else { return nil }
            return ([UInt8](a), [UInt8](b))
        }()

        /// The elements of a document `frame`-shaped with one or more elements: the document without the frame's
        /// head and tail. Nil when the document is not shaped so.
        func elements(of document: Data) -> [UInt8]? {
            guard document.count > head.count + tail.count else { return nil }
            // Compared by memcmp: the tail is most of a report's part, and comparing it element by element was
            // more than the rest of the splice.
            return document.withUnsafeBytes { d -> [UInt8]? in
                guard let base = d.baseAddress,
                      head.isEmpty || head.withUnsafeBytes({ memcmp(base, $0.baseAddress!, $0.count) }) == 0,
                      tail.isEmpty || tail.withUnsafeBytes({ memcmp(base + d.count - $0.count, $0.baseAddress!, $0.count) }) == 0
                else { return nil }
                return Array(UnsafeRawBufferPointer(rebasing: d[head.count..<(d.count - tail.count)]))
            }
        }
    }

    /// Elements (already cut by a frame) joined into the document `frame` frames: nil when there are none (an
    /// empty list is written differently, so the caller writes it in one call) or when `partFrame`'s separator
    /// is not the document's (the parts were written at another depth).
    static func join(_ parts: [[UInt8]], into frame: Frame, partFrame: Frame) -> Data? {
        let nonEmpty = parts.filter { !$0.isEmpty }
        guard !nonEmpty.isEmpty, partFrame.separator == frame.separator else { return nil }
        var out = Data()
        out.reserveCapacity(frame.head.count + frame.tail.count + nonEmpty.reduce(0) { $0 + $1.count + frame.separator.count })
        out.append(contentsOf: frame.head)
        for (i, part) in nonEmpty.enumerated() {
            if i > 0 { out.append(contentsOf: frame.separator) }
            out.append(contentsOf: part)
        }
        out.append(contentsOf: frame.tail)
        return out
    }

    /// The range of the only occurrence of `needle` in `bytes`; nil when it is absent or occurs more than once.
    static func onlyRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        // Boyer–Moore–Horspool: a window whose last byte is not in the needle moves on by the needle's length
        // (a byte-by-byte scan stopped at every quote of the document). Searched again just after the first match
        // (overlapping matches count).
        let m = needle.count
        var shift = [Int](repeating: m, count: 256)
        for k in 0..<(m - 1) { shift[Int(needle[k])] = m - 1 - k }
        return bytes.withUnsafeBufferPointer { h -> Range<Int>? in
            needle.withUnsafeBufferPointer { n -> Range<Int>? in
                func find(from start: Int) -> Int? {
                    var i = start
                    while i + m <= h.count {
                        let lastByte = h[i + m - 1]
                        if lastByte == n[m - 1], memcmp(h.baseAddress! + i, n.baseAddress!, m) == 0 { return i }
                        i += shift[Int(lastByte)]
                    }
                    return nil
                }
                guard let at = find(from: 0), find(from: at + 1) == nil else { return nil }
                return at..<(at + m)
            }
        }
    }
}
