import Foundation
import PostwachtCore

enum JSONOutput {
    /// One record as a JSONL line, written by hand into bytes: the same bytes `JSONEncoder` writes for
    /// the record (sorted keys, slashes unescaped), many times faster, which an audit of millions of
    /// posts needs. `JSONReporterTests` holds the two equal.
    static func line(_ outcome: RecordOutcome) -> String {
        var cache = ClauseCache()
        return line(outcome, cache: &cache)
    }

    static func line(_ outcome: RecordOutcome, cache: inout ClauseCache) -> String {
        String(decoding: lineBytes(outcome, cache: &cache), as: UTF8.self)
    }

    /// The line as UTF-8: writers of large outputs skip making (and validating) a `String` of it.
    static func lineBytes(_ outcome: RecordOutcome, cache: inout ClauseCache) -> [UInt8] {
        var out = JSONBytes()
        out.raw("{")
        switch outcome {
        case .failed(let id, let error):
            out.raw("\"error\":{\"code\":"); out.string(error.code)
            out.raw(",\"message\":"); out.string(error.message)
            out.raw("},\"id\":"); out.string(id)
        case .checked(let result):
            out.raw("\"findings\":[")
            for (index, finding) in result.findings.enumerated() {
                if index > 0 { out.raw(",") }
                append(finding, to: &out, cache: &cache)
            }
            out.raw("],\"id\":"); out.string(result.id)
            if !result.warnings.isEmpty {
                out.raw(",\"warnings\":[")
                for (index, warning) in result.warnings.enumerated() {
                    out.raw(index > 0 ? ",{\"code\":" : "{\"code\":"); out.string(warning.code)
                    out.raw(",\"message\":"); out.string(warning.message); out.raw("}")
                }
                out.raw("]")
            }
        }
        out.raw("}\n")
        return out.bytes
    }

    private static func append(_ finding: Finding, to out: inout JSONBytes, cache: inout ClauseCache) {
        func range(_ value: OffsetRange) {
            out.raw("{\"end\":"); out.number(value.end); out.raw(",\"start\":"); out.number(value.start); out.raw("}")
        }
        out.raw("{\"category\":"); out.string(finding.category.rawValue)
        out.raw(",\"clauses\":")
        out.bytes += cache.json(of: finding.clauses, rule: finding.rule)
        out.raw(",\"column\":"); out.number(finding.column)
        out.raw(",\"fingerprint\":"); out.string(finding.fingerprint)
        out.raw(",\"line\":"); out.number(finding.line)
        out.raw(",\"match\":"); out.string(finding.match)
        out.raw(",\"message\":"); out.string(finding.message)
        out.raw(",\"normalized\":"); out.string(finding.normalized)
        out.raw(",\"rule\":"); out.string(finding.rule)
        out.raw(",\"severity\":"); out.string(finding.severity.rawValue)
        out.raw(",\"span\":"); range(finding.span)
        out.raw(",\"suggestion\":"); out.string(finding.suggestion)
        out.raw(",\"utf16\":"); range(finding.utf16)
        out.raw(",\"utf8\":"); range(finding.utf8)
        out.raw("}")
    }


    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}

/// The clauses of a rule's findings as JSON, kept per rule: in a run, every finding of a rule cites
/// the same clauses, long quotes that would otherwise be escaped anew for every finding.
struct ClauseCache {
    private var entries: [String: (clauses: [ProtocolClause], json: [UInt8])] = [:]

    mutating func json(of clauses: [ProtocolClause], rule: String) -> [UInt8] {
        if let entry = entries[rule], entry.clauses == clauses { return entry.json }
        var out = JSONBytes()
        out.raw("[")
        for (index, clause) in clauses.enumerated() {
            out.raw(index > 0 ? ",{" : "{")
            if let number = clause.number { out.raw("\"number\":"); out.string(number); out.raw(",") }
            out.raw("\"organisation\":"); out.string(clause.organisation)
            out.raw(",\"policy\":"); out.string(clause.policy)
            out.raw(",\"quote\":"); out.string(clause.quote)
            out.raw(",\"section\":"); out.string(clause.section); out.raw("}")
        }
        out.raw("]")
        entries[rule] = (clauses, out.bytes)
        return out.bytes
    }
}

/// `--format jsonl`: one line per record, written as records arrive.
public struct JSONLinesReporter: Reporter {
    private var cache = ClauseCache()
    public init() {}
    public mutating func report(_ outcome: RecordOutcome) -> String { JSONOutput.line(outcome, cache: &cache) }
    public mutating func reportBytes(_ outcome: RecordOutcome) -> [UInt8] { JSONOutput.lineBytes(outcome, cache: &cache) }
    public mutating func finish(_ summary: RunSummary) -> String { "" }
}

/// `--format json`: one document, `{"records": [...], "summary": {...}}`, streamed record by record so
/// memory stays flat however many records there are (keys in sorted order, as `JSONEncoder` writes them).
/// `piece` formats a record comma-first, so checking threads can format records in any order for a
/// writer that joins them in input order.
public struct JSONDocumentReporter: Reporter {
    private var started = false
    private var cache = ClauseCache()
    public static let opening = "{\"records\":["
    public init() {}

    public mutating func report(_ outcome: RecordOutcome) -> String {
        let piece = piece(outcome)
        defer { started = true }
        return started ? piece : Self.opening + piece.dropFirst()
    }

    /// One record, after a comma.
    public mutating func piece(_ outcome: RecordOutcome) -> String {
        String(decoding: pieceBytes(outcome), as: UTF8.self)
    }

    public mutating func pieceBytes(_ outcome: RecordOutcome) -> [UInt8] {
        var line = JSONOutput.lineBytes(outcome, cache: &cache)
        line.removeLast() // the newline
        return [UInt8(ascii: ",")] + line
    }

    public mutating func finish(_ summary: RunSummary) -> String {
        (started ? "" : Self.opening) + Self.closing(summary)
    }

    public static func closing(_ summary: RunSummary) -> String {
        "],\"summary\":" + JSONOutput.encode(summary) + "}\n"
    }
}

/// JSON text built as bytes: strings are copied whole unless they hold a character JSON must escape.
struct JSONBytes {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func number(_ value: Int) {
        if (0..<10).contains(value) { bytes.append(UInt8(ascii: "0") + UInt8(value)) } else { bytes.append(contentsOf: String(value).utf8) }
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while case let special = JSONScan.firstSpecialByte(in: utf8, from: index), special < utf8.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<special]))
                runStart = special + 1
                index = special + 1
                let byte = utf8[special]
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    raw("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
