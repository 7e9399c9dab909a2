import Testing
import TrialModel

@Suite struct DigestsTests {
    /// The raw-memory loop (font digests) and the generic one (shard ids) give the same, standard FNV-1a values.
    @Test func fnvOverRawMemoryMatchesTheGenericMix() {
        var generic = FNV1a64(), raw = FNV1a64()
        generic.mix("a".utf8)
        #expect(generic.value == 0xaf63_dc4c_8601_ec8c)
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        generic = FNV1a64()
        generic.mix(bytes)
        bytes.withUnsafeBytes { raw.mix($0) }
        #expect(raw.value == generic.value)
    }
}
