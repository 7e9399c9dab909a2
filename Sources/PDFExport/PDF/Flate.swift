import CDeflate
import CFlate

/// PDF's FlateDecode (zlib format): zlib inflates, libdeflate deflates the streams the finisher writes.
enum Flate {
    static func inflate(_ input: ArraySlice<UInt8>) throws -> [UInt8] {
        var z = z_stream()
        guard inflateInit_(&z, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw PDFError("zlib: inflateInit failed") }
        defer { inflateEnd(&z) }
        var out = [UInt8](repeating: 0, count: max(4096, input.count * 4))
        var produced = 0
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { inBuf in
            z.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            z.avail_in = UInt32(inBuf.count)
            while true {
                if produced == out.count { out += [UInt8](repeating: 0, count: out.count) }
                status = out.withUnsafeMutableBufferPointer { o in
                    z.next_out = o.baseAddress! + produced
                    z.avail_out = UInt32(o.count - produced)
                    let s = CDeflate.inflate(&z, Z_NO_FLUSH)
                    produced = o.count - Int(z.avail_out)
                    return s
                }
                if status == Z_STREAM_END { break }
                guard status == Z_OK || (status == Z_BUF_ERROR && z.avail_out == 0) else {
                    throw PDFError("zlib: inflate failed (\(status))")
                }
                if z.avail_in == 0 && z.avail_out != 0 { throw PDFError("zlib: truncated deflate stream") }
            }
        }
        out.removeSubrange(produced...)
        return out
    }

    /// Every stream the finisher deflates (page content, Form XObjects, ToUnicode maps) at the level cairo's fonts
    /// get in this process: CFlate's `TRIALEXPORT_DEFLATE_LEVEL` (libdeflate level 1, smaller and cheaper than zlib
    /// at level 2 and 6 before).
    static let level = Int32(TRIALEXPORT_DEFLATE_LEVEL)

    /// zlib format (FlateDecode) through libdeflate, one compressor per thread and level (CFlate).
    static func deflate(_ input: [UInt8], level: Int32 = Flate.level) throws -> [UInt8] {
        let bound = trialexport_zlib_compress_bound(level, input.count)
        guard bound > 0 else { throw PDFError("libdeflate: no compressor at level \(level)") }
        let out = input.withUnsafeBufferPointer { inBuf in
            [UInt8](unsafeUninitializedCapacity: bound) { outBuf, count in
                count = trialexport_zlib_compress(level, inBuf.baseAddress, inBuf.count, outBuf.baseAddress, bound)
            }
        }
        guard !out.isEmpty else { throw PDFError("libdeflate: deflate failed") }
        return out
    }
}
