import PostwachtCore

/// The posts of a spreadsheet export: a header row naming the columns (`ColumnMapping`), then one
/// post per row. Every row yields a record or an error record: a stray quote is read past with a
/// warning, and a quote that never closes costs only the row it opens on; the rows after it are read
/// again from the next line.
struct CSVImport {
    let file: ExportFile
    let options: ReadOptions
    let emit: (ImportItem) -> Void

    private var language: Language { options.language }

    /// Thrown to stop a pass over the file once the reader found a misquoted record.
    private struct PassEnded: Error {}

    /// What the header said, kept across the passes over the file.
    private final class Columns {
        var header: [String]?
        var indexes: [String: Int] = [:]
        var separator: UInt8?
        /// Rows of a file whose header names no text column: counted, reported once at the end.
        var rowsWithoutText = 0
        /// The encoding the file was converted from, when it was found to be UTF-16.
        var encoding: TextEncoding?
    }

    func read() throws {
        let columns = Columns()
        var resume: (offset: Int, line: Int)? = (0, 1)
        var bytesRead = 0
        var firstPassBytes = 0
        while let from = resume {
            resume = nil
            var reader: CSVReader?
            var skip = from.offset
            do {
                try file.forEachUTF8Chunk(size: 1 << 16, encoding: options.encoding, detected: { columns.encoding = $0 }) { chunk in
                    var bytes = chunk
                    if skip > 0 {
                        let dropped = min(skip, bytes.count)
                        bytes = bytes.dropFirst(dropped)
                        skip -= dropped
                        if bytes.isEmpty { return }
                    }
                    bytesRead += bytes.count
                    if columns.separator == nil { columns.separator = Self.separator(inFirstLineOf: bytes) }
                    if reader == nil { reader = CSVReader(separator: columns.separator!, firstLine: from.line, startOffset: from.offset) }
                    reader!.feed(bytes) { record, line in take(record, line: line, columns) }
                    if reader!.misquoted != nil { throw PassEnded() }
                }
            } catch is PassEnded {}
            if from.offset == 0 { firstPassBytes = bytesRead }
            let broken: CSVReader.UnterminatedQuote?
            if let misquoted = reader?.misquoted { broken = misquoted } else {
                do { try reader?.finish { record, line in take(record, line: line, columns) }; broken = nil } catch { broken = error }
            }
            guard let broken else { continue }
            let position = "\(file.path):\(broken.line)"
            guard let next = broken.resumeOffset else {
                emit(.failure(ImportFailure(at: position, "input.csv", language.say(
                    "een veld tussen aanhalingstekens sluit niet af", "a quoted field never closes"))))
                break
            }
            // Reading on from the next line costs another pass over the rest of the file; a file
            // made of such rows would cost one pass per row, so the passes have a budget.
            if bytesRead <= 8 * firstPassBytes + (1 << 20) {
                emit(.failure(ImportFailure(at: position, "input.csv", language.say(
                    "een aanhalingsteken opent hier een veld dat niet (of pas regels later) sluit; de rij op deze regel is niet gelezen, de regels erna wel",
                    "a quote opens a field here that never closes (or closes lines later); the row on this line was not read, the lines after it were"))))
                resume = (next, broken.line + 1)
            } else {
                emit(.failure(ImportFailure(at: position, "input.csv", language.say(
                    "een aanhalingsteken opent hier een veld dat niet sluit; de rest van het bestand vanaf deze regel is niet gelezen (te veel open aanhalingstekens)",
                    "a quote opens a field here that never closes; the rest of the file from this line was not read (too many open quotes)"))))
            }
        }
        guard let header = columns.header else {
            throw ImportFailure(at: file.path, "input.csv", language.say("het bestand is leeg (geen kopregel)", "the file is empty (no header row)"))
        }
        if columns.indexes["text"] == nil {
            throw ImportFailure(at: file.path, "input.csv", language.say(
                "geen tekstkolom bij \(header.joined(separator: ", ")); \(language.count(columns.rowsWithoutText, "rij", "rijen", "row", "rows")) niet gelezen; noem de kolom met --column text=<kop>",
                "no text column among \(header.joined(separator: ", ")); \(language.count(columns.rowsWithoutText, "row", "rows", "row", "rows")) not read; name it with --column text=<header>"))
        }
    }

    /// A header with more semicolons (a Dutch Excel export) or tabs (Excel's "Unicode text") than commas uses those.
    private static func separator(inFirstLineOf bytes: some Collection<UInt8>) -> UInt8 {
        let line = bytes.prefix { $0 != 0x0A }
        let counts = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].map { separator in (separator, line.filter { $0 == separator }.count) }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? UInt8(ascii: ",")
    }

    private func take(_ read: CSVReader.Record, line: Int, _ columns: Columns) {
        let position = "\(file.path):\(line)"
        guard case .fields(var fields, let quirks) = read else {
            if case .tooLarge(let bytes) = read {
                emit(.failure(ImportFailure(at: position, "input.too-large", language.say(
                    "een rij van \(bytes) bytes is langer dan \(Document.maximumByteCount); niet gelezen",
                    "a record of \(bytes) bytes is longer than \(Document.maximumByteCount); not read"))))
            }
            return
        }
        var warnings: [RecordWarning] = []
        for quirk in quirks where !warnings.contains(warning(quirk)) { warnings.append(warning(quirk)) }
        if let encoding = columns.encoding {
            warnings.append(.decoded(from: encoding))
        } else if options.encoding == .automatic, !fields.allSatisfy(UTF8Decoding.isValid),
                  let legacy = EncodingDetection.legacyEncoding(of: Array(fields.joined(separator: [0x20]))) {
            // Converted row by row: each row is judged by its own bytes, so a UTF-8 file with one
            // damaged row is repaired there (with `input.invalid-utf8`) and not read as a code page.
            fields = fields.map { TextTranscoder.convert($0, from: legacy).text }
            warnings.append(.decoded(from: legacy))
        }
        guard let header = columns.header else {
            var names = fields.map { String(decoding: $0, as: UTF8.self) }
            if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
            columns.header = names
            for role in ColumnMapping.roles { columns.indexes[role] = options.columns.index(of: role, in: names) }
            return
        }
        guard let textIndex = columns.indexes["text"] else {
            columns.rowsWithoutText += 1
            return
        }
        guard fields.count == header.count else {
            emit(.failure(ImportFailure(at: position, "input.csv", language.say(
                "de rij heeft \(fields.count) velden, de kopregel \(header.count)", "row has \(fields.count) fields, the header has \(header.count)"))))
            return
        }
        func text(_ role: String) -> String? {
            columns.indexes[role].map { String(decoding: fields[$0], as: UTF8.self) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var metadata = RecordMetadata(organisation: text("org"), channel: text("channel"),
                                      createdAt: JSONLRecordDecoder.date(text("created_at")), author: text("author"))
        metadata.authorRole = text("author_role").flatMap(AuthorRole.init(named:))
        metadata.attachments = (text("media") ?? "").split(separator: ";").map { name in
            Attachment(type: MediaKind.of(String(name)), name: name.trimmingCharacters(in: .whitespaces))
        }
        emit(.post(Record(id: text("id") ?? position, bytes: fields[textIndex], metadata: metadata), source: position, warnings: warnings))
    }

    private func warning(_ quirk: CSVReader.Quirk) -> RecordWarning {
        switch quirk {
        case .quoteInUnquotedField(let line):
            return .reading(code: "input.csv-quote",
                nl: "regel \(line): een aanhalingsteken midden in een veld zonder aanhalingstekens is als gewoon teken gelezen",
                en: "line \(line): a quote inside an unquoted field was read as a character")
        case .textAfterClosingQuote(let line):
            return .reading(code: "input.csv-quote",
                nl: "regel \(line): tekst na een sluitend aanhalingsteken is bij het veld gelezen",
                en: "line \(line): text after a closing quote was read as part of the field")
        }
    }
}
