import Glibc

extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset of the first `byte` at or after `start`, found with `memchr` (many bytes per step,
    /// where a Swift loop takes one).
    public func offset(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count else { return nil }
        return memchr(base + start, Int32(byte), count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
    }
}
