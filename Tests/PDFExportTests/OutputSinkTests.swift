import CPDFOutput
import Foundation
import Testing

/// The buffer cairo's PDF surface writes into and its write callback (CPDFOutput, output_sink.c).
@Suite struct OutputSinkTests {
    typealias Write = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> Int32

    /// Every piece length from 0 to 40 (the inline short copies and memcpy), across several growths of the buffer.
    @Test func sinkKeepsEveryByteInOrder() throws {
        let sink = try #require(trialexport_sink_create(16))
        defer { trialexport_sink_destroy(sink) }
        let write = unsafeBitCast(trialexport_sink_write_function(), to: Write.self)
        var expected: [UInt8] = []
        var state: UInt32 = 1
        for round in 0..<8 {
            for length in 0...40 {
                let piece = (0..<length).map { _ -> UInt8 in
                    state = state &* 1_103_515_245 &+ 12_345
                    return UInt8(truncatingIfNeeded: state >> 16)
                }
                let status = piece.withUnsafeBufferPointer { write(UnsafeMutableRawPointer(sink), $0.baseAddress, UInt32(length)) }
                #expect(status == 0)
                expected += piece
            }
            #expect(trialexport_sink_count(sink) == expected.count, "round \(round)")
        }
        let got = Array(UnsafeBufferPointer(start: trialexport_sink_bytes(sink), count: trialexport_sink_count(sink)))
        let firstDifference = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(got.count == expected.count && firstDifference == nil, "first difference at byte \(firstDifference ?? -1)")
    }
}
