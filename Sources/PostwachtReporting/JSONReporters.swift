import Foundation
import PostwachtCore

/// The JSON object of one record: `{"id", "findings", "warnings"?}` or `{"id", "error"}`.
struct RecordObject: Encodable {
    var id: String
    var findings: [Finding]?
    var warnings: [RecordWarning]?
    var error: RecordError?

    init(_ outcome: RecordOutcome) {
        id = outcome.id
        switch outcome {
        case .checked(let result):
            findings = result.findings
            warnings = result.warnings.isEmpty ? nil : result.warnings
        case .failed(_, let error):
            self.error = error
        }
    }
}

enum JSONOutput {
    /// One record as a JSONL line, written by hand: the same bytes as `encode(RecordObject(outcome))`
    /// (sorted keys, slashes unescaped), several times faster, which an audit of millions of posts needs.
    /// `JSONReporterTests` holds the two equal.
    static func line(_ outcome: RecordOutcome) -> String {
        var out = "{"
        switch outcome {
        case .failed(let id, let error):
            out += "\"error\":{\"code\":\(quoted(error.code)),\"message\":\(quoted(error.message))},\"id\":\(quoted(id))"
        case .checked(let result):
            out += "\"findings\":["
            for (index, finding) in result.findings.enumerated() {
                if index > 0 { out += "," }
                append(finding, to: &out)
            }
            out += "],\"id\":\(quoted(result.id))"
            if !result.warnings.isEmpty {
                out += ",\"warnings\":[" + result.warnings.map { "{\"code\":\(quoted($0.code)),\"message\":\(quoted($0.message))}" }.joined(separator: ",") + "]"
            }
        }
        return out + "}\n"
    }

    private static func append(_ finding: Finding, to out: inout String) {
        func range(_ value: OffsetRange) -> String { "{\"end\":\(value.end),\"start\":\(value.start)}" }
        out += "{\"category\":\(quoted(finding.category.rawValue)),\"clauses\":["
        for (index, clause) in finding.clauses.enumerated() {
            if index > 0 { out += "," }
            out += "{"
            if let number = clause.number { out += "\"number\":\(quoted(number))," }
            out += "\"organisation\":\(quoted(clause.organisation)),\"policy\":\(quoted(clause.policy)),\"quote\":\(quoted(clause.quote)),\"section\":\(quoted(clause.section))}"
        }
        out += "],\"column\":\(finding.column),\"fingerprint\":\(quoted(finding.fingerprint)),\"line\":\(finding.line),"
        out += "\"match\":\(quoted(finding.match)),\"message\":\(quoted(finding.message)),\"normalized\":\(quoted(finding.normalized)),"
        out += "\"rule\":\(quoted(finding.rule)),\"severity\":\(quoted(finding.severity.rawValue)),\"span\":\(range(finding.span)),"
        out += "\"suggestion\":\(quoted(finding.suggestion)),\"utf16\":\(range(finding.utf16)),\"utf8\":\(range(finding.utf8))}"
    }

    /// A JSON string literal, escaped as JSONEncoder does (without escaping slashes). Works on UTF-8
    /// bytes: most texts need no escape at all and are copied whole.
    static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
            }
            var output: [UInt8] = [UInt8(ascii: "\"")]
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: output += Array("\\n".utf8)
                case 0x0D: output += Array("\\r".utf8)
                case 0x09: output += Array("\\t".utf8)
                case 0x08: output += Array("\\b".utf8)
                case 0x0C: output += Array("\\f".utf8)
                case 0..<0x20: output += Array(String(format: "\\u%04x", byte).utf8)
                default: output.append(byte)
                }
            }
            output.append(UInt8(ascii: "\""))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}

/// `--format jsonl`: one line per record, written as records arrive.
public struct JSONLinesReporter: Reporter {
    public init() {}
    public mutating func report(_ outcome: RecordOutcome) -> String { JSONOutput.line(outcome) }
    public mutating func finish(_ summary: RunSummary) -> String { "" }
}

/// `--format json`: one document with `records` and a `summary`, written at the end.
public struct JSONDocumentReporter: Reporter {
    private var records: [RecordObject] = []
    public init() {}

    public mutating func report(_ outcome: RecordOutcome) -> String {
        records.append(RecordObject(outcome))
        return ""
    }

    public mutating func finish(_ summary: RunSummary) -> String {
        struct Document: Encodable { var records: [RecordObject]; var summary: RunSummary }
        return JSONOutput.encode(Document(records: records, summary: summary)) + "\n"
    }
}
