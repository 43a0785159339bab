/// A record after decoding and tokenizing: what rules look at. A class: every analysis of a post holds
/// it, and a struct of five reference-counted fields would be copied into each.
public final class Document {
    /// Larger records are refused with `input.too-large`: token offsets are 32-bit.
    public static let maximumByteCount = 256 * 1024 * 1024

    public let id: String
    /// The text as valid UTF-8 (invalid input repaired).
    public let bytes: [UInt8]
    /// Words, numbers and other segments, white space left out, in text order.
    public let tokens: [Token]
    public let metadata: RecordMetadata
    public let warnings: [RecordWarning]

    init(id: String, bytes: [UInt8], tokens: [Token], metadata: RecordMetadata, warnings: [RecordWarning]) {
        self.id = id
        self.bytes = bytes
        self.tokens = tokens
        self.metadata = metadata
        self.warnings = warnings
    }

    public func text(of range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    public func text(of token: Token) -> String { text(of: token.byteRange) }

    /// Whether only white space separates the two byte offsets (and at least one byte of it).
    func isWhitespaceGap(from start: Int, to end: Int, allowingNewline: Bool = true) -> Bool {
        guard start < end else { return false }
        for index in start..<end {
            switch bytes[index] {
            case 0x20, 0x09: continue
            case 0x0A, 0x0D: if allowingNewline { continue } else { return false }
            default: return false
            }
        }
        return true
    }
}
