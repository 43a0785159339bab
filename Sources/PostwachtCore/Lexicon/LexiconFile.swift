/// A parsed lexicon data file: tab-separated rows under a `#` comment header.
///
/// Format (documented in Lexicons/README.md): UTF-8; lines starting with `#` are comments (the header
/// names source, licence and date); blank lines are skipped; other lines are fields separated by tabs.
struct LexiconFile: Sendable {
    struct Row: Sendable {
        var line: Int
        var fields: [String]
    }

    let path: String
    let header: [String]
    let rows: [Row]

    init(path: String, contents: String) {
        self.path = path
        var contents = contents
        // Bytes, not Characters: every start reads ~50 files, and grapheme-wise splitting and
        // trimming was a third of the cold start. Tabs, newlines and '#' are ASCII, so a byte split
        // never cuts a UTF-8 sequence.
        (header, rows) = contents.withUTF8 { Self.parse($0) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ([String], [Row]) {
        let tab: UInt8 = 0x09, newline: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D, space: UInt8 = 0x20, hash: UInt8 = 0x23
        func text(_ from: Int, _ to: Int) -> String {
            var start = from, end = to
            while start < end, bytes[start] == space || bytes[start] == tab { start += 1 }
            while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var header: [String] = []
        var rows: [Row] = []
        var lineNumber = 0
        var lineStart = 0
        // The empty piece after a final newline (or an empty file) holds nothing, so it is not read.
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
            let next = lineEnd + 1
            lineNumber += 1
            if lineEnd > lineStart, bytes[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
            defer { lineStart = next }
            if lineEnd > lineStart, bytes[lineStart] == hash {
                if rows.isEmpty { header.append(text(lineStart + 1, lineEnd)) }
                continue
            }
            if !(lineStart..<lineEnd).contains(where: { bytes[$0] != space && bytes[$0] != tab }) { continue }
            var fields: [String] = []
            var fieldStart = lineStart
            for index in lineStart...lineEnd where index == lineEnd || bytes[index] == tab {
                fields.append(text(fieldStart, index))
                fieldStart = index + 1
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        return (header, rows)
    }

    /// An error naming this file and the row's line.
    func error(_ row: Row, _ message: String) -> LexiconError {
        LexiconError(description: "\(path):\(row.line): \(message)")
    }
}

/// A lexicon or shipped policy pack that could not be read or parsed.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    /// The message, naming the file and, where known, the line.
    public var description: String
    /// An error with this message.
    public init(description: String) { self.description = description }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
