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
            let markers = ["trialexport-splice-marker-0", "trialexport-splice-marker-1"]
            guard let bytes = try? [UInt8](write(markers)),
                  let quoted0 = try? [UInt8](JSONSerialization.data(withJSONObject: markers[0], options: .fragmentsAllowed)),
                  let quoted1 = try? [UInt8](JSONSerialization.data(withJSONObject: markers[1], options: .fragmentsAllowed)),
                  let a = JSONSplice.onlyRange(of: quoted0, in: bytes), let b = JSONSplice.onlyRange(of: quoted1, in: bytes),
                  a.upperBound <= b.lowerBound else { return nil }
            head = Array(bytes[..<a.lowerBound])
            separator = Array(bytes[a.upperBound..<b.lowerBound])
            tail = Array(bytes[b.upperBound...])
        }

        /// The elements of a document `frame`-shaped with one or more elements: the document without the frame's
        /// head and tail. Nil when the document is not shaped so.
        func elements(of document: Data) -> [UInt8]? {
            let d = [UInt8](document)
            guard d.count > head.count + tail.count, d.starts(with: head), d.suffix(tail.count).elementsEqual(tail) else { return nil }
            return Array(d[head.count..<(d.count - tail.count)])
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
        var found: Range<Int>?
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) {
            if found != nil { return nil }
            found = i..<(i + needle.count)
        }
        return found
    }
}
