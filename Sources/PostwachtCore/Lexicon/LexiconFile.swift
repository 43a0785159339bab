/// A parsed lexicon data file: tab-separated rows under a `#` comment header.
///
/// Format (documented in Lexicons/README.md): UTF-8; lines starting with `#` are comments (the header
/// names source, licence and date); blank lines are skipped; other lines are fields separated by tabs.
public struct LexiconFile: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public let path: String
    public let header: [String]
    public let rows: [Row]

    public init(path: String, contents: String) {
        self.path = path
        var header: [String] = []
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") {
                if rows.isEmpty { header.append(String(line.dropFirst()).trimmingSpaces()) }
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        self.header = header
        self.rows = rows
    }

    /// An error naming this file and the row's line.
    public func error(_ row: Row, _ message: String) -> LexiconError {
        LexiconError(description: "\(path):\(row.line): \(message)")
    }
}

public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var description: String
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
