/// What kind of text an ICU word-break segment holds (from its rule status).
enum TokenKind: UInt8, Sendable {
    /// Letters, possibly with digits (ICU status 200–499: letters, kana, ideographs).
    case word
    /// Digits, possibly with number punctuation (ICU status 100–199).
    case number
    /// Punctuation, symbols, emoji (status 0, not white space).
    case other
    /// White space (status 0); only kept when a caller asks for every segment.
    case whitespace
}

/// One segment of a document's text, as UTF-8 byte offsets into the document (end exclusive).
/// Offsets are 32-bit: a record is limited to `Document.maximumByteCount`.
package struct Token: Equatable, Sendable {
    var start: Int32
    var end: Int32
    var kind: TokenKind

    init(start: Int, end: Int, kind: TokenKind) {
        self.start = Int32(start)
        self.end = Int32(end)
        self.kind = kind
    }

    var byteRange: Range<Int> { Int(start)..<Int(end) }
    var byteCount: Int { Int(end - start) }
    var isWordLike: Bool { kind == .word || kind == .number }
}
