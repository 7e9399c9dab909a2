import CFlate
import ExportKit
import Foundation
import TrialModel

/// Writes a ZIP file (APPNOTE 6.3.x, no ZIP64) the way the EPUB needs it: entries in the order added, each a
/// local header with its sizes and CRC followed by its bytes (stored or deflated whole), then the central
/// directory. Every header field is what ZIPFoundation 0.9 wrote for these EPUBs before (version 2.0 needed,
/// made by Unix 2.1, flags: UTF-8 names, no extra fields, permissions 0644, one DOS date, time 00:00), so only
/// the deflated bytes differ: libdeflate's instead of zlib's, for fewer instructions at no larger size
/// (docs/performance.md, "Issue 18, seventh round").
///
/// Into memory (`bytes` after `finish`) or, for the collection, into a file as it goes: only the central
/// directory and up to `flushSize` bytes stay in memory.
final class ZIPWriter {
    /// libdeflate's level for every deflated entry. Over the EPUBs of 20 samples (147 entries, 1.31 MB):
    /// zlib's default (ZIPFoundation's) 235.1 KB in 113 M instructions, libdeflate 6 250.1 KB in 79 M,
    /// 7 233.7 KB in 75 M, 9 232.7 KB in 101 M, 1 278.7 KB in 37 M.
    static let level: Int32 = 7
    static let flushSize = 1 << 20

    private let date: UInt16
    private var fd: Int32?
    private let path: String
    private var buffer: [UInt8] = []
    private var central: [UInt8] = []
    private var entries = 0
    private var written = 0          // bytes already handed to the file before `buffer`
    private var scratch: [UInt8] = []

    /// In memory; the file's bytes come from `finish`.
    init(modified: Day) {
        date = Self.dosDate(modified)
        fd = nil
        path = ""
    }

    /// Written into a new file at `url` (it must not exist yet).
    init(url: URL, modified: Day) throws {
        date = Self.dosDate(modified)
        path = url.path
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileProblem("cannot write", path: url.path, errno: errno) }
        self.fd = fd
    }

    deinit { if let fd { close(fd) } }

    /// MS-DOS date as ZIPFoundation computed it: the year held to 1980–2099, month and day as they are.
    static func dosDate(_ day: Day) -> UInt16 {
        UInt16(day.day + day.month * 32 + (min(max(day.year, 1980), 2099) - 1980) * 512)
    }

    func add(_ path: String, _ data: Data, compress: Bool = true) throws {
        let name = Array(path.utf8)
        guard entries < 0xFFFF, name.count <= 0xFFFF, data.count <= 0xFFFF_FFFF else {
            throw EPUBError("ZIP: \(path) does not fit a ZIP file without ZIP64")
        }
        let offset = written + buffer.count
        let (crc, stored): (UInt32, Int) = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let crc = trialexport_crc32(0, bytes.baseAddress, bytes.count)
            guard compress else { return (crc, bytes.count) }
            let bound = trialexport_deflate_compress_bound(Self.level, bytes.count)
            if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
            let n = scratch.withUnsafeMutableBufferPointer { out in
                trialexport_deflate_compress(Self.level, bytes.baseAddress, bytes.count, out.baseAddress, out.count)
            }
            return (crc, n)
        }
        guard !compress || stored > 0, offset + stored <= 0xFFFF_FFFF else {
            throw EPUBError("ZIP: \(path) could not be deflated or does not fit a ZIP file without ZIP64")
        }
        let method: UInt16 = compress ? 8 : 0
        // Local file header.
        put32(&buffer, 0x0403_4B50)
        put16(&buffer, 20); put16(&buffer, 0x0800); put16(&buffer, method); put16(&buffer, 0); put16(&buffer, date)
        put32(&buffer, crc); put32(&buffer, UInt32(stored)); put32(&buffer, UInt32(data.count))
        put16(&buffer, UInt16(name.count)); put16(&buffer, 0)
        buffer += name
        if compress { buffer += scratch[0..<stored] } else { buffer += data }
        // Its central directory entry.
        put32(&central, 0x0201_4B50)
        put16(&central, 0x0315); put16(&central, 20); put16(&central, 0x0800); put16(&central, method)
        put16(&central, 0); put16(&central, date)
        put32(&central, crc); put32(&central, UInt32(stored)); put32(&central, UInt32(data.count))
        put16(&central, UInt16(name.count)); put16(&central, 0); put16(&central, 0); put16(&central, 0); put16(&central, 0)
        put32(&central, 0o100644 << 16); put32(&central, UInt32(offset))
        central += name
        entries += 1
        if fd != nil && buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes the central directory; returns the whole file when it was built in memory (empty otherwise).
    func finish() throws -> Data {
        let start = written + buffer.count
        guard start + central.count <= 0xFFFF_FFFF else { throw EPUBError("ZIP: the file does not fit without ZIP64") }
        buffer += central
        put32(&buffer, 0x0605_4B50)
        put16(&buffer, 0); put16(&buffer, 0); put16(&buffer, UInt16(entries)); put16(&buffer, UInt16(entries))
        put32(&buffer, UInt32(central.count)); put32(&buffer, UInt32(start)); put16(&buffer, 0)
        central = []
        guard let fd else { return Data(buffer) }
        try flush()
        self.fd = nil
        guard close(fd) == 0 else { throw FileProblem("cannot write", path: path, errno: errno) }
        return Data()
    }

    private func flush() throws {
        guard let fd else { return }
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileProblem("cannot write", path: path, errno: errno)
                }
                done += n
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

private func put16(_ b: inout [UInt8], _ v: UInt16) {
    b.append(UInt8(truncatingIfNeeded: v)); b.append(UInt8(truncatingIfNeeded: v >> 8))
}

private func put32(_ b: inout [UInt8], _ v: UInt32) {
    put16(&b, UInt16(truncatingIfNeeded: v)); put16(&b, UInt16(truncatingIfNeeded: v >> 16))
}
