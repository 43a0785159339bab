import PostwachtCore

/// RFC 4180 records from a byte stream: quoted fields may hold separators, doubled quotes and line
/// breaks. Fed chunk by chunk, so a file of any size streams; a record longer than
/// `maximumRecordBytes` is read past without being kept, so one huge field cannot fill memory.
struct CSVReader {
    let separator: UInt8
    let maximumRecordBytes: Int
    /// Bytes of the record being read; past the maximum it is only parsed, not kept.
    private var recordBytes = 0
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var fieldStarted = false
    /// Line where the record being read started (1-based), for error messages.
    private(set) var recordLine = 1
    private var line = 1

    init(separator: UInt8 = UInt8(ascii: ","), maximumRecordBytes: Int = Document.maximumByteCount) {
        self.separator = separator
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// What `feed` hands on: a record's fields, or the size of one too large to keep.
    enum Record {
        case fields([[UInt8]])
        case tooLarge(bytes: Int)
    }

    enum Problem: Error, Equatable {
        case quoteInUnquotedField(line: Int)
        case textAfterClosingQuote(line: Int)
        case unterminatedQuote(line: Int)
    }

    /// Feeds bytes; calls `record(record, firstLine)` for each complete record. Fields stay bytes, so
    /// invalid UTF-8 reaches the checker (which repairs it and warns) instead of vanishing here.
    mutating func feed(_ bytes: some Sequence<UInt8>, _ record: (Record, Int) -> Void) throws(Problem) {
        for byte in bytes {
            recordBytes += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false; quoteJustClosed = true; continue }
                if byte == 0x0A { line += 1 }
                append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if quoteJustClosed { append(byte); inQuotes = true; quoteJustClosed = false; continue }
                guard !fieldStarted else { throw .quoteInUnquotedField(line: line) }
                inQuotes = true
                fieldStarted = true
            case separator:
                endField()
            case 0x0A:
                endField()
                if recordBytes > maximumRecordBytes {
                    record(.tooLarge(bytes: recordBytes - 1), recordLine)
                } else if !(fields.count == 1 && fields[0].isEmpty) {
                    record(.fields(fields), recordLine)
                }
                fields.removeAll(keepingCapacity: true)
                recordBytes = 0
                line += 1
                recordLine = line
            case 0x0D:
                continue
            default:
                if quoteJustClosed { throw .textAfterClosingQuote(line: line) }
                append(byte)
                fieldStarted = true
            }
        }
    }

    /// Ends the input: the last record without a final line break, or an error for an open quote.
    mutating func finish(_ record: (Record, Int) -> Void) throws(Problem) {
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if fieldStarted || !fields.isEmpty || quoteJustClosed {
            endField()
            record(recordBytes > maximumRecordBytes ? .tooLarge(bytes: recordBytes) : .fields(fields), recordLine)
        }
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
