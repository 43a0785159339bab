/// A record after decoding and tokenizing: what rules look at. A class: every analysis of a post holds
/// it, and a struct of five reference-counted fields would be copied into each.
package final class Document {
    /// Larger records are refused with `input.too-large`: token offsets are 32-bit.
    package static let maximumByteCount = 256 * 1024 * 1024

    let id: String
    /// The text as valid UTF-8 (invalid input repaired).
    let bytes: [UInt8]
    /// Words, numbers and other segments, white space left out, in text order.
    package let tokens: [Token]
    let metadata: RecordMetadata
    let warnings: [RecordWarning]
    /// Which tokens stand inside quotation marks, worked out on first use (see `isQuoted`).
    private(set) lazy var quotedTokens: [Bool] = quotedTokenTable()

    init(id: String, bytes: [UInt8], tokens: [Token], metadata: RecordMetadata, warnings: [RecordWarning]) {
        self.id = id
        self.bytes = bytes
        self.tokens = tokens
        self.metadata = metadata
        self.warnings = warnings
    }

    func text(of range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func text(of token: Token) -> String { text(of: token.byteRange) }

    /// Whether only white space separates the two byte offsets (and at least one byte of it).
    func isWhitespaceGap(from start: Int, to end: Int, allowingNewline: Bool = true) -> Bool {
        spaceCount(from: start, to: end, allowingNewline: allowingNewline) != nil
    }

    /// How many space characters fill the bytes `start..<end`, nil if anything else is there (or nothing).
    /// The no-break and narrow spaces count: phones and Word put them inside numbers (06 12 34 56 78),
    /// IBANs and "op persoonlijke titel".
    func spaceCount(from start: Int, to end: Int, allowingNewline: Bool = true) -> Int? {
        guard start < end else { return nil }
        var index = start
        var count = 0
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0x0A, 0x0D: guard allowingNewline else { return nil }; index += 1
            case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA0: index += 2
            // U+2007 figure, U+2009 thin, U+200A hair and U+202F narrow no-break space.
            case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80 && Self.isNarrowSpace(bytes[index + 2]): index += 3
            default: return nil
            }
            count += 1
        }
        return count
    }

    private static func isNarrowSpace(_ third: UInt8) -> Bool {
        third == 0x87 || third == 0x89 || third == 0x8A || third == 0xAF
    }
}
