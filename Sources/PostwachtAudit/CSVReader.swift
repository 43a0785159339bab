import PostwachtCore

/// RFC 4180 records from a byte stream: quoted fields may hold separators, doubled quotes and line
/// breaks. Fed chunk by chunk, so a file of any size streams; a record longer than
/// `maximumRecordBytes` is read past without being kept, so one huge field cannot fill memory.
///
/// Stray quotes are read as spreadsheets and Python's csv module read them: a quote inside an unquoted
/// field is a character, text after a closing quote belongs to the field. The record says so, and the
/// records after it stay in step. Only a quote that never closes swallows the rest of the input; the
/// reader then names where that record's first line ends, so the caller can read on from there.
struct CSVReader {
    let separator: UInt8
    let maximumRecordBytes: Int
    /// Bytes of the record being read; past the maximum it is only parsed, not kept.
    private var recordBytes = 0
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var problems: [Quirk] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var fieldStarted = false
    /// Line where the record being read started (1-based), for error messages.
    private(set) var recordLine: Int
    private var line: Int
    /// Bytes fed so far, counted from `startOffset`; where the record's first line ends, once seen.
    private var offset: Int
    private var recordFirstLineEnd: Int?
    /// Set when a record is found misquoted: a quoted field that ran over lines and then had text
    /// after its closing quote (its opening quote was surely stray, and the lines it ran over are
    /// rows of their own). The reader then takes no more bytes; the caller reads on from `resumeOffset`.
    private(set) var misquoted: UnterminatedQuote?

    init(separator: UInt8 = UInt8(ascii: ","), maximumRecordBytes: Int = Document.maximumByteCount, firstLine: Int = 1, startOffset: Int = 0) {
        self.separator = separator
        self.maximumRecordBytes = maximumRecordBytes
        recordLine = firstLine
        line = firstLine
        offset = startOffset
    }

    /// What `feed` hands on: a record's fields (with the quirks read past in it), or the size of one too large to keep.
    enum Record {
        case fields([[UInt8]], quirks: [Quirk])
        case tooLarge(bytes: Int)
    }

    /// A stray quote, read leniently; the line it is on.
    enum Quirk: Equatable {
        case quoteInUnquotedField(line: Int)
        case textAfterClosingQuote(line: Int)
    }

    /// A quoted field that is still open at the end of the input: it began on `line`; the input after
    /// that line starts at byte `resumeOffset` (nil when the record has only one line).
    struct UnterminatedQuote: Error, Equatable {
        var line: Int
        var resumeOffset: Int?
    }

    /// Feeds bytes; calls `record(record, firstLine)` for each complete record. Fields stay bytes, so
    /// invalid UTF-8 reaches the checker (which repairs it and warns) instead of vanishing here.
    mutating func feed(_ bytes: some Sequence<UInt8>, _ record: (Record, Int) -> Void) {
        guard misquoted == nil else { return }
        for byte in bytes {
            offset += 1
            recordBytes += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false; quoteJustClosed = true; continue }
                if byte == 0x0A { newLineInsideRecord() }
                append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if quoteJustClosed { append(byte); inQuotes = true; quoteJustClosed = false; continue }
                if fieldStarted {
                    problems.append(.quoteInUnquotedField(line: line))
                    append(byte)
                    continue
                }
                inQuotes = true
                fieldStarted = true
            case separator:
                endField()
            case 0x0A:
                endField()
                if let firstLineEnd = recordFirstLineEnd, problems.contains(where: { if case .textAfterClosingQuote = $0 { true } else { false } }) {
                    misquoted = UnterminatedQuote(line: recordLine, resumeOffset: firstLineEnd)
                    return
                }
                if recordBytes > maximumRecordBytes {
                    record(.tooLarge(bytes: recordBytes - 1), recordLine)
                } else if !(fields.count == 1 && fields[0].isEmpty) {
                    record(.fields(fields, quirks: problems), recordLine)
                }
                fields.removeAll(keepingCapacity: true)
                problems.removeAll()
                recordBytes = 0
                line += 1
                recordLine = line
                recordFirstLineEnd = nil
            case 0x0D:
                continue
            default:
                if quoteJustClosed {
                    problems.append(.textAfterClosingQuote(line: line))
                    quoteJustClosed = false
                }
                append(byte)
                fieldStarted = true
            }
        }
    }

    /// Ends the input: the last record without a final line break, or the quote that never closed.
    mutating func finish(_ record: (Record, Int) -> Void) throws(UnterminatedQuote) {
        if inQuotes { throw UnterminatedQuote(line: recordLine, resumeOffset: recordFirstLineEnd) }
        if fieldStarted || !fields.isEmpty || quoteJustClosed {
            endField()
            record(recordBytes > maximumRecordBytes ? .tooLarge(bytes: recordBytes) : .fields(fields, quirks: problems), recordLine)
        }
    }

    private mutating func newLineInsideRecord() {
        line += 1
        if recordFirstLineEnd == nil { recordFirstLineEnd = offset }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if recordBytes <= maximumRecordBytes { field.append(byte) } else if !field.isEmpty || !fields.isEmpty { dropKept() }
    }

    /// The record outgrew the maximum: what was kept of it goes, so memory stays bounded.
    private mutating func dropKept() {
        field = []
        fields = []
    }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        inQuotes = false
        quoteJustClosed = false
        fieldStarted = false
    }
}
