/// RFC 4180 records from a byte stream: quoted fields may hold separators, doubled quotes and line
/// breaks. Fed chunk by chunk, so a file of any size streams.
struct CSVReader {
    let separator: UInt8
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var inQuotes = false
    private var quoteJustClosed = false
    private var fieldStarted = false
    /// Line where the record being read started (1-based), for error messages.
    private(set) var recordLine = 1
    private var line = 1

    init(separator: UInt8 = UInt8(ascii: ",")) { self.separator = separator }

    enum Problem: Error, Equatable {
        case quoteInUnquotedField(line: Int)
        case textAfterClosingQuote(line: Int)
        case unterminatedQuote(line: Int)
    }

    /// Feeds bytes; calls `record(fields, firstLine)` for each complete record. Fields stay bytes, so
    /// invalid UTF-8 reaches the checker (which repairs it and warns) instead of vanishing here.
    mutating func feed(_ bytes: some Sequence<UInt8>, _ record: ([[UInt8]], Int) -> Void) throws(Problem) {
        for byte in bytes {
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false; quoteJustClosed = true; continue }
                if byte == 0x0A { line += 1 }
                field.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if quoteJustClosed { field.append(byte); inQuotes = true; quoteJustClosed = false; continue }
                guard !fieldStarted else { throw .quoteInUnquotedField(line: line) }
                inQuotes = true
                fieldStarted = true
            case separator:
                endField()
            case 0x0A:
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { record(fields, recordLine) }
                fields.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            case 0x0D:
                continue
            default:
                if quoteJustClosed { throw .textAfterClosingQuote(line: line) }
                field.append(byte)
                fieldStarted = true
            }
        }
    }

    /// Ends the input: the last record without a final line break, or an error for an open quote.
    mutating func finish(_ record: ([[UInt8]], Int) -> Void) throws(Problem) {
        if inQuotes { throw .unterminatedQuote(line: recordLine) }
        if fieldStarted || !fields.isEmpty || quoteJustClosed {
            endField()
            record(fields, recordLine)
        }
    }

    private mutating func endField() {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        inQuotes = false
        quoteJustClosed = false
        fieldStarted = false
    }
}
