import CPostwachtICU

/// ICU's word-break iterator (UBRK_WORD) behind the C shim. One instance per thread.
final class WordBreaker {
    private let handle: OpaquePointer
    private var ends = [Int64](repeating: 0, count: 256)
    private var statuses = [Int32](repeating: 0, count: 256)

    init() throws(TextModelError) {
        guard let handle = pw_breaker_open() else { throw .icuUnavailable("ubrk_open(UBRK_WORD, nl) failed") }
        self.handle = handle
    }

    deinit { pw_breaker_close(handle) }

    /// Calls `segment(end, status)` for every ICU segment of `bytes`, ends relative to `bytes`.
    func forEachSegment(in bytes: UnsafeBufferPointer<UInt8>, _ segment: (Int, Int32) -> Void) throws(TextModelError) {
        let status = pw_breaker_set_text(handle, bytes.baseAddress, Int64(bytes.count))
        guard status == 0 else { throw .icuUnavailable("ubrk_setUText failed with ICU error \(status)") }
        while true {
            let count = ends.withUnsafeMutableBufferPointer { endBuffer in
                statuses.withUnsafeMutableBufferPointer { statusBuffer in
                    pw_breaker_fill(handle, endBuffer.baseAddress, statusBuffer.baseAddress, Int32(endBuffer.count))
                }
            }
            if count == 0 { return }
            for index in 0..<Int(count) { segment(Int(ends[index]), statuses[index]) }
        }
    }
}

/// Why the text model (ICU's word breaker) could not be set up.
public enum TextModelError: Error, CustomStringConvertible {
    case icuUnavailable(String)
    /// The message.
    public var description: String {
        switch self {
        case .icuUnavailable(let detail): return "ICU is not usable: \(detail)"
        }
    }
}

/// The ICU library postwacht runs on, for reports and benchmarks.
public enum ICUVersion {
    /// The ICU version, as ICU reports it (`74.2`).
    public static var string: String { String(cString: pw_icu_version()) }
}
