/// The hash of a key for every byte-string table: eight bytes per step, since keys are short.
enum ByteHash {
    @inline(__always)
    static func of(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress else { return 0 }
        let count = key.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var offset = 0
        while offset + 8 <= count {
            hash = mix(hash ^ UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}

/// A hash map from byte strings to values that looks keys up straight from a buffer, without building a
/// `String` or `Array` per lookup (a `Set<String>` lookup per token caps the scan near 13 MB/s here).
struct ByteStringTable<Value: Sendable>: Sendable {
    private var storage: [UInt8] = []
    private var entries: [(hash: UInt64, offset: Int32, length: Int32, value: Value)] = []
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var mask = 15

    var count: Int { entries.count }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteHash.of(key) }

    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        value(for: key, hash: ByteHash.of(key))
    }

    /// Lookup with the key's `ByteHash` already known (`WordKeys` computes it once per word).
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        guard let keyBase = key.baseAddress, !key.isEmpty else { return nil }
        var slot = Int(truncatingIfNeeded: hash) & mask
        return storage.withUnsafeBufferPointer { stored in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return nil }
                let entry = entries[index]
                if entry.hash == hash, Int(entry.length) == key.count,
                   (stored.baseAddress! + Int(entry.offset)).hasSameBytes(as: keyBase, count: key.count) {
                    return entry.value
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func value(for key: [UInt8]) -> Value? {
        key.withUnsafeBufferPointer { value(for: $0) }
    }

    /// Every key, for building indexes over several tables.
    func forEachKey(_ body: ([UInt8]) -> Void) {
        for entry in entries { body(Array(storage[Int(entry.offset)..<Int(entry.offset + entry.length)])) }
    }

    /// Inserts or replaces.
    mutating func set(_ value: Value, for key: [UInt8]) {
        let hash = key.withUnsafeBufferPointer { Self.hash($0) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            let entry = entries[index]
            if entry.hash == hash, Int(entry.length) == key.count,
               Array(storage[Int(entry.offset)..<Int(entry.offset) + key.count]) == key {
                entries[index].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        entries.append((hash, Int32(storage.count), Int32(key.count), value))
        storage.append(contentsOf: key)
        // At most a quarter full: most words miss most tables, and a miss under linear probing then
        // stops after about 1.4 slots instead of 2.5 at half full. Slots are four bytes each.
        if entries.count * 4 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// Stems grouped by their first (or, reversed, last) byte, for "does this key start/end with a stem".
/// Stems live in one flat byte array so a lookup retains nothing.
struct StemIndex: Sendable {
    private var storage: [UInt8] = []
    /// Per anchor byte, (offset, length, value) of its stems, longest first.
    private var buckets: [[(offset: Int32, length: Int32, value: Int)]] = Array(repeating: [], count: 256)
    /// Bits for the first three bytes (or last three, reversed) of stems of three bytes or more, hashed
    /// into 65,536 bits: nearly every word stops here. Two bytes alone let through every word starting
    /// with "ge" or "be" when one stem does.
    private var longAnchors = [UInt64](repeating: 0, count: 1024)
    /// The same for two-byte stems, exactly.
    private var shortAnchors = [UInt64](repeating: 0, count: 1024)
    private var hasOneByteStem = false
    private var hasTwoByteStem = false
    private let fromEnd: Bool

    init(fromEnd: Bool) { self.fromEnd = fromEnd }

    mutating func insert(_ stem: [UInt8], value: Int) {
        guard let anchor = fromEnd ? stem.last : stem.first else { return }
        buckets[Int(anchor)].append((Int32(storage.count), Int32(stem.count), value))
        buckets[Int(anchor)].sort { $0.length > $1.length }
        switch stem.count {
        case 1: hasOneByteStem = true
        case 2: hasTwoByteStem = true; Self.setBit(&shortAnchors, Self.anchor2(stem, fromEnd: fromEnd))
        default: stem.withUnsafeBufferPointer { Self.setBit(&longAnchors, Self.anchor3($0, fromEnd: fromEnd)) }
        }
        storage.append(contentsOf: stem)
    }

    /// The longest stem that is a proper prefix (or suffix) of `key`, leaving at least `minimumRest` bytes.
    @inline(__always)
    func longestStem(in key: UnsafeBufferPointer<UInt8>, minimumRest: Int) -> Int? {
        let mayMatch = hasOneByteStem
            || key.count >= 3 && Self.bit(longAnchors, Self.anchor3(key, fromEnd: fromEnd))
            || hasTwoByteStem && key.count >= 2 && Self.bit(shortAnchors, Self.anchor2(key, fromEnd: fromEnd))
        return mayMatch ? longestStem(anchoredAt: key, minimumRest: minimumRest) : nil
    }

    @inline(__always)
    private static func anchor2<C: Collection>(_ bytes: C, fromEnd: Bool) -> Int where C.Element == UInt8, C.Index == Int {
        let first = fromEnd ? bytes[bytes.endIndex - 1] : bytes[bytes.startIndex]
        let second = fromEnd ? bytes[bytes.endIndex - 2] : bytes[bytes.startIndex + 1]
        return Int(first) << 8 | Int(second)
    }

    @inline(__always)
    private static func anchor3(_ bytes: UnsafeBufferPointer<UInt8>, fromEnd: Bool) -> Int {
        let third = fromEnd ? bytes[bytes.count - 3] : bytes[2]
        let packed = UInt32(truncatingIfNeeded: anchor2(bytes, fromEnd: fromEnd)) << 8 | UInt32(third)
        return Int((packed &* 0x9E37_79B1) >> 16)
    }

    @inline(__always)
    private static func bit(_ bits: [UInt64], _ index: Int) -> Bool {
        bits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    private static func setBit(_ bits: inout [UInt64], _ index: Int) {
        bits[index >> 6] |= 1 << UInt64(index & 63)
    }

    private func longestStem(anchoredAt key: UnsafeBufferPointer<UInt8>, minimumRest: Int) -> Int? {
        guard let anchor = fromEnd ? key.last : key.first else { return nil }
        return storage.withUnsafeBufferPointer { stored in
            buckets[Int(anchor)].withUnsafeBufferPointer { candidates in
                for candidate in candidates where Int(candidate.length) + minimumRest <= key.count {
                    let length = Int(candidate.length)
                    let offset = fromEnd ? key.count - length : 0
                    if (key.baseAddress! + offset).hasSameBytes(as: stored.baseAddress! + Int(candidate.offset), count: length) {
                        return candidate.value
                    }
                }
                return nil
            }
        }
    }
}
