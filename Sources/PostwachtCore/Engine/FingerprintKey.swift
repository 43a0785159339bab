/// A school's secret for fingerprints (`--fingerprint-key-file`). Without one, a fingerprint is a plain
/// hash, and a phone number or BSN has so few possible values that trying them all finds the one that
/// hashes the same. With one, fingerprints are SipHash-2-4 under this key: stable for the school's own
/// baselines, and worthless to whoever holds the output without the key.
public struct FingerprintKey: Sendable, Equatable {
    let k0: UInt64
    let k1: UInt64

    /// Fewer bytes than this cannot hold the 128 bits of a key (`openssl rand -hex 32` gives 64).
    public static let minimumSecretBytes = 16

    /// The key from a secret of any length (a key file's contents, surrounding white space trimmed);
    /// nil when it is shorter than `minimumSecretBytes`.
    public init?(secret: [UInt8]) {
        let trimmed = secret.drop { Self.isSpace($0) }.reversed().drop { Self.isSpace($0) }.reversed()
        guard trimmed.count >= Self.minimumSecretBytes else { return nil }
        let bytes = Array(trimmed)
        // Two fixed keys spread any secret over the 128 bits.
        k0 = SipHash.hash(bytes, k0: 0x706F_7374_7761_6368, k1: 0x7420_6B65_7920_3030)
        k1 = SipHash.hash(bytes, k0: 0x706F_7374_7761_6368, k1: 0x7420_6B65_7920_3031)
    }

    init(k0: UInt64, k1: UInt64) {
        self.k0 = k0
        self.k1 = k1
    }

    func hash(_ bytes: [UInt8]) -> UInt64 { SipHash.hash(bytes, k0: k0, k1: k1) }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

/// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed hash made for short inputs.
enum SipHash {
    static func hash(_ message: [UInt8], k0: UInt64, k1: UInt64) -> UInt64 {
        var v0: UInt64 = 0x736F_6D65_7073_6575 ^ k0
        var v1: UInt64 = 0x646F_7261_6E64_6F6D ^ k1
        var v2: UInt64 = 0x6C79_6765_6E65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1
        func round() {
            v0 = v0 &+ v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 = v2 &+ v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 = v0 &+ v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 = v2 &+ v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }
        let whole = message.count / 8 * 8
        var offset = 0
        while offset < whole {
            var block: UInt64 = 0
            for byte in 0..<8 { block |= UInt64(message[offset + byte]) << (8 * UInt64(byte)) }
            v3 ^= block
            round(); round()
            v0 ^= block
            offset += 8
        }
        var last = UInt64(message.count & 0xFF) << 56
        for byte in 0..<(message.count - whole) { last |= UInt64(message[whole + byte]) << (8 * UInt64(byte)) }
        v3 ^= last
        round(); round()
        v0 ^= last
        v2 ^= 0xFF
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { value << bits | value >> (64 - bits) }
}
