import CCairo
import CDeflate
import CFlate
import Foundation
@testable import PDFExport
import Testing
import TestSupport

/// Deflate through libdeflate (`CFlate`): the finisher's streams, and cairo's own streams through zlib's streaming
/// calls, which this process answers for libcairo only. zlib must read everything written, the streaming calls
/// must keep zlib's contract, and every other caller must still get zlib's own bytes (the EPUB's ZIP entries).
@Suite struct FlateTests {
    /// Text-like bytes (compressible), random bytes (not), and the edges.
    static let inputs: [[UInt8]] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let random = (0..<100_000).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        let text = Array(String(repeating: "0.5 0 0 rg 56.69 700.2 m 70.1 700.2 l f BT /F1 14 Tf [(Key)-12(facts)] TJ ET\n",
                                count: 2_000).utf8)
        return [[], [42], text, random, Array(text.prefix(70_000)) + random.prefix(30_000)]
    }()

    /// zlib's own `uncompress`, with the exact length.
    static func zlibUncompress(_ data: [UInt8], length: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: max(length, 1))
        var outLength = uLongf(out.count)
        let status = uncompress(&out, &outLength, data, uLong(data.count))
        return status == Z_OK && Int(outLength) == length ? Array(out.prefix(length)) : nil
    }

    @Test(arguments: [Flate.level, 0, 6, 12])
    func zlibReadsWhatTheFinisherWrites(level: Int32) throws {
        for input in Self.inputs {
            let deflated = try Flate.deflate(input, level: level)
            #expect(Self.zlibUncompress(deflated, length: input.count) == input)
            #expect(try Flate.inflate(ArraySlice(deflated)) == input)
        }
    }

    /// A buffered stream (as libcairo's get), fed in pieces and emptied through a small window.
    static func streamDeflate(_ input: [UInt8], piece: Int, window: Int) -> (out: [UInt8], statuses: [Int32], stream: z_stream) {
        var z = z_stream()
        #expect(trialexport_buffered_deflate_init(&z, Flate.level) == Z_OK)
        var out: [UInt8] = []
        var statuses: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: window)
        input.withUnsafeBufferPointer { inBuf in
            var offset = 0
            while offset < input.count {
                let n = min(piece, input.count - offset)
                z.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + offset)
                z.avail_in = UInt32(n)
                buffer.withUnsafeMutableBufferPointer { b in
                    z.next_out = b.baseAddress
                    z.avail_out = UInt32(window)
                    statuses.append(CDeflate.deflate(&z, Z_NO_FLUSH))
                }
                #expect(z.avail_in == 0)
                offset += n
            }
            while statuses.last != Z_STREAM_END && statuses.count < 1_000_000 {
                buffer.withUnsafeMutableBufferPointer { b in
                    z.next_out = b.baseAddress
                    z.avail_out = UInt32(window)
                    statuses.append(CDeflate.deflate(&z, Z_FINISH))
                    out += b.prefix(window - Int(z.avail_out))
                }
            }
        }
        return (out, statuses, z)
    }

    @Test func buffersStreamAsZlibDoes() throws {
        for input in Self.inputs {
            var (out, statuses, z) = Self.streamDeflate(input, piece: 16_384, window: 1_000)
            #expect(Self.zlibUncompress(out, length: input.count) == input)
            #expect(out == (try Flate.deflate(input, level: Flate.level)))
            // Z_OK while output is left over, Z_STREAM_END with its last byte, and the counters and Adler-32 as zlib's.
            #expect(statuses.dropLast().allSatisfy { $0 == Z_OK })
            #expect(statuses.last == Z_STREAM_END)
            #expect(statuses.count - (input.count + 16_383) / 16_384 == (out.count + 999) / 1_000)
            #expect(Int(z.total_in) == input.count && Int(z.total_out) == out.count)
            #expect(z.adler == adler32(1, input, uInt(input.count)))
            // Finished: Z_FINISH again says so, more input or another flush is refused.
            var byte: UInt8 = 0
            withUnsafeMutablePointer(to: &byte) { b in
                z.next_out = b
                z.avail_out = 1
                #expect(CDeflate.deflate(&z, Z_FINISH) == Z_STREAM_END)
                #expect(CDeflate.deflate(&z, Z_NO_FLUSH) == Z_STREAM_ERROR)
            }
            #expect(deflateEnd(&z) == Z_OK)
            #expect(z.state == nil)
        }
    }

    @Test func streamRefusesWhatZlibRefuses() throws {
        var z = z_stream()
        #expect(trialexport_buffered_deflate_init(&z, 1) == Z_OK)
        var input = Array("abc".utf8)
        var out = [UInt8](repeating: 0, count: 64)
        input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                z.next_in = i.baseAddress
                z.next_out = o.baseAddress
                z.avail_in = 3
                z.avail_out = 0
                #expect(CDeflate.deflate(&z, Z_NO_FLUSH) == Z_BUF_ERROR)          // no room
                z.avail_out = 64
                #expect(CDeflate.deflate(&z, Z_SYNC_FLUSH) == Z_STREAM_ERROR)     // only Z_NO_FLUSH and Z_FINISH
                #expect(CDeflate.deflate(&z, Z_NO_FLUSH) == Z_OK)
                #expect(CDeflate.deflate(&z, Z_NO_FLUSH) == Z_BUF_ERROR)          // nothing to do
            }
        }
        #expect(deflateEnd(&z) == Z_DATA_ERROR)                                 // ended before Z_FINISH
        #expect(deflateEnd(&z) == Z_STREAM_ERROR)                               // now zlib's: no state
    }

    /// Anyone but libcairo gets zlib itself: the same bytes as zlib's `compress2` (the EPUB stays the same).
    @Test func otherCallersKeepZlib() throws {
        let input = Self.inputs[4]
        var want = [UInt8](repeating: 0, count: Int(compressBound(uLong(input.count))))
        var wantLength = uLongf(want.count)
        #expect(compress2(&want, &wantLength, input, uLong(input.count), Z_DEFAULT_COMPRESSION) == Z_OK)
        var z = z_stream()
        #expect(deflateInit_(&z, Z_DEFAULT_COMPRESSION, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        var out = [UInt8](repeating: 0, count: want.count)
        let status = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                z.next_in = UnsafeMutablePointer(mutating: i.baseAddress)
                z.avail_in = UInt32(i.count)
                z.next_out = o.baseAddress
                z.avail_out = UInt32(o.count)
                return CDeflate.deflate(&z, Z_FINISH)
            }
        }
        #expect(status == Z_STREAM_END)
        #expect(Array(out.prefix(Int(z.total_out))) == Array(want.prefix(Int(wantLength))))
        #expect(deflateEnd(&z) == Z_OK)
    }

    /// The dynamic linker resolves libcairo's zlib calls to CFlate's, and cairo's font streams go through them
    /// and still read back.
    @Test func cairoFontStreamsGoThroughLibdeflate() throws {
        #expect(trialexport_flate_interposed() == 1)
        let before = trialexport_cairo_streams_deflated()
        let canvas = PDFCanvas(width: 200, height: 200)
        cairo_move_to(canvas.cr, 10, 20)
        cairo_show_text(canvas.cr, "A font to embed")
        canvas.showPage()
        let pdf = try canvas.finish()
        #expect(trialexport_cairo_streams_deflated() > before)
        let url = try TestSupport.temporaryFolder().appendingPathComponent("fonts.pdf")
        try pdf.write(to: url)
        let check = try TestSupport.run("qpdf", ["--check", url.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let fonts = try TestSupport.run("pdffonts", [url.path])
        #expect(fonts.status == 0 && fonts.stdout.split(separator: "\n").count >= 3, "\(fonts.stdout)\(fonts.stderr)")
    }
}
