import CDeflate

/// zlib's deflate format (PDF's FlateDecode), for the page content streams the finisher marks.
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

    /// Page content: zlib's level 2 costs half the instructions of the default level (6) for content
    /// about 10 % larger (PATINA A4: 24.5 KB instead of 22.4 KB of 87 KB, +2.8 % of the file; level 1 saves
    /// little more for +4 %). docs/performance.md, "Issue 18, third round".
    static let contentLevel: Int32 = 2

    /// zlib's default level unless told (as cairo deflates what it compresses itself).
    static func deflate(_ input: [UInt8], level: Int32 = Z_DEFAULT_COMPRESSION) throws -> [UInt8] {
        var z = z_stream()
        guard deflateInit_(&z, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PDFError("zlib: deflateInit failed")
        }
        defer { deflateEnd(&z) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&z, UInt(input.count))))
        let status: Int32 = input.withUnsafeBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { o in
                z.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                z.avail_in = UInt32(inBuf.count)
                z.next_out = o.baseAddress
                z.avail_out = UInt32(o.count)
                return CDeflate.deflate(&z, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw PDFError("zlib: deflate failed (\(status))") }
        out.removeSubrange(Int(z.total_out)...)
        return out
    }
}
