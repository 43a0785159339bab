import Glibc

extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` at or after `start`, found with `memchr` (many bytes per step,
    /// where a Swift loop takes one).
    package func offset(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        return memchr(base + start, Int32(byte), count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
    }
}

extension UnsafePointer where Pointee == UInt8 {
    /// Whether `count` bytes here equal those at `other`, eight at a time. Inlined where `memcmp` is a
    /// call through the PLT: table lookups compare short keys (a word is a few bytes) millions of times.
    @inline(__always)
    func hasSameBytes(as other: UnsafePointer<UInt8>, count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(self + offset).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(other + offset).loadUnaligned(as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if self[offset] != other[offset] { return false }
            offset += 1
        }
        return true
    }
}
