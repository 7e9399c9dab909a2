import FuzzChecks

/// libFuzzer entry point (built by `make fuzz` with `-sanitize=fuzzer,address`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzChecks.mime(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
