import Glibc

/// A few byte sequences — emoji cues, which have no word key — found in a text in one pass per
/// distinct first byte, with `memchr`: most posts hold no such byte at all and cost one scan.
struct ByteSequences: Sendable {
    private(set) var sequences: [[UInt8]] = []
    private var firstBytes: [UInt8] = []

    mutating func insert(_ sequence: [UInt8]) {
        guard let first = sequence.first else { return }
        sequences.append(sequence)
        if !firstBytes.contains(first) { firstBytes.append(first) }
    }

    var isEmpty: Bool { sequences.isEmpty }

    /// Whether any of the sequences occurs in `bytes`.
    func occurs(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return false }
            for first in firstBytes {
                var start = 0
                while let at = text.offset(of: first, from: start) {
                    for sequence in sequences where sequence[0] == first && at + sequence.count <= text.count
                        && memcmp(base + at, sequence, sequence.count) == 0 {
                        return true
                    }
                    start = at + 1
                }
            }
            return false
        }
    }
}
