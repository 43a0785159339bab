/// A half-open range in one unit of measure.
public struct OffsetRange: Codable, Equatable, Hashable, Sendable {
    /// The first offset.
    public var start: Int
    /// The offset after the last.
    public var end: Int
    /// The range `start..<end`.
    public init(start: Int, end: Int) { self.start = start; self.end = end }
}

/// Where a stretch of text lies, in every unit a client may index by.
struct TextLocation: Equatable, Sendable {
    /// Unicode scalar offsets (what Python and Rust index by).
    var scalars: OffsetRange
    /// UTF-16 code unit offsets (what JavaScript editors and LSP index by).
    var utf16: OffsetRange
    /// UTF-8 byte offsets.
    var utf8: OffsetRange
    /// 1-based line of the start (lines end at LF, CRLF or a lone CR).
    var line: Int
    /// 1-based column of the start, counted in Unicode scalars from the line's start.
    var column: Int
}

/// Converts UTF-8 byte offsets of one text into scalar, UTF-16, line and column positions.
///
/// The one conversion every token and finding goes through. It walks forward from the last position it
/// was asked for, so a sorted batch of lookups costs one pass over the text.
struct TextPositions {
    private let bytes: [UInt8]
    private var cursor = Cursor()

    private struct Cursor {
        var byte = 0, scalar = 0, utf16 = 0, line = 1, lineStartScalar = 0
    }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The cursor stays at the range's start and the end is walked to from there: findings come sorted by
    /// start, and one inside another ("kut" in "jij bent een kut") must not send the cursor back to the
    /// beginning of the text.
    mutating func location(of range: Range<Int>) -> TextLocation {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range \(range) outside text of \(bytes.count) bytes")
        if range.lowerBound < cursor.byte { cursor = Cursor() }
        let start = walk(from: cursor, to: range.lowerBound)
        cursor = start
        let end = walk(from: start, to: range.upperBound)
        return TextLocation(
            scalars: OffsetRange(start: start.scalar, end: end.scalar),
            utf16: OffsetRange(start: start.utf16, end: end.utf16),
            utf8: OffsetRange(start: range.lowerBound, end: range.upperBound),
            line: start.line,
            column: start.scalar - start.lineStartScalar + 1
        )
    }

    private func walk(from origin: Cursor, to target: Int) -> Cursor {
        var position = origin
        bytes.withUnsafeBufferPointer { buffer in
            while position.byte < target {
                let byte = buffer[position.byte]
                position.byte += 1
                switch byte {
                // A line ends at LF, CRLF or a lone CR (old Mac exports); CRLF counts once, at its LF.
                case 0x0A:
                    position.scalar += 1; position.utf16 += 1
                    position.line += 1; position.lineStartScalar = position.scalar
                case 0x0D where position.byte >= buffer.count || buffer[position.byte] != 0x0A:
                    position.scalar += 1; position.utf16 += 1
                    position.line += 1; position.lineStartScalar = position.scalar
                case 0..<0x80, 0xC0..<0xF0:
                    position.scalar += 1; position.utf16 += 1
                case 0xF0...:
                    position.scalar += 1; position.utf16 += 2
                default:
                    break // continuation byte
                }
            }
        }
        return position
    }
}
