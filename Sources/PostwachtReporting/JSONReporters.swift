import Foundation
import PostwachtCore

enum JSONOutput {
    /// One record as a JSONL line, written by hand into bytes: the same bytes `JSONEncoder` writes for
    /// the record (sorted keys, slashes unescaped), many times faster, which an audit of millions of
    /// posts needs. `JSONReporterTests` holds the two equal. Clauses are cited by id (a `ClauseLedger`
    /// writes their text once) or, with `.inline`, in full.
    static func line(_ outcome: RecordOutcome, renderer: FindingRenderer = FindingRenderer(), clauses style: ClauseStyle = .reference) -> String {
        var cache = ClauseCache()
        return String(decoding: lineBytes(outcome, renderer: renderer, clauses: style, cache: &cache), as: UTF8.self)
    }

    /// The line as UTF-8: writers of large outputs skip making (and validating) a `String` of it.
    static func lineBytes(_ outcome: RecordOutcome, renderer: FindingRenderer, clauses style: ClauseStyle, cache: inout ClauseCache) -> [UInt8] {
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
                append(finding, to: &out, renderer: renderer, clauses: style, cache: &cache)
            }
            out.raw("],\"id\":"); out.string(result.id)
            if !result.warnings.isEmpty {
                out.raw(",\"warnings\":[")
                for (index, warning) in result.warnings.enumerated() {
                    out.raw(index > 0 ? ",{\"code\":" : "{\"code\":"); out.string(warning.code)
                    out.raw(",\"message\":"); out.string(renderer.message(of: warning)); out.raw("}")
                }
                out.raw("]")
            }
        }
        out.raw("}\n")
        return out.bytes
    }

    private static func append(_ finding: Finding, to out: inout JSONBytes, renderer: FindingRenderer, clauses style: ClauseStyle,
                               cache: inout ClauseCache) {
        func range(_ value: OffsetRange) {
            out.raw("{\"end\":"); out.number(value.end); out.raw(",\"start\":"); out.number(value.start); out.raw("}")
        }
        out.raw("{\"category\":"); out.string(finding.category.rawValue)
        out.raw(",\"clauses\":")
        out.bytes += cache.json(of: finding.clauses, rule: finding.rule, style: style)
        out.raw(",\"column\":"); out.number(finding.column)
        out.raw(",\"fingerprint\":"); out.string(finding.fingerprint)
        out.raw(",\"line\":"); out.number(finding.line)
        out.raw(",\"match\":"); out.string(renderer.match(finding))
        out.raw(",\"message\":"); out.string(renderer.message(finding))
        out.raw(",\"normalized\":"); out.string(renderer.normalized(finding))
        if finding.isPostLevel { out.raw(",\"post_level\":true") }
        out.raw(",\"rule\":"); out.string(finding.rule)
        out.raw(",\"severity\":"); out.string(finding.severity.rawValue)
        out.raw(",\"span\":"); range(finding.span)
        out.raw(",\"suggestion\":"); out.string(renderer.suggestion(finding))
        out.raw(",\"utf16\":"); range(finding.utf16)
        out.raw(",\"utf8\":"); range(finding.utf8)
        out.raw("}")
    }

    /// A clause as a JSON object (keys sorted, as `JSONEncoder` writes `ProtocolClause`).
    static func append(_ clause: ProtocolClause, to out: inout JSONBytes) {
        out.raw("{\"id\":"); out.string(clause.id)
        if let number = clause.number { out.raw(",\"number\":"); out.string(number) }
        out.raw(",\"organisation\":"); out.string(clause.organisation)
        out.raw(",\"policy\":"); out.string(clause.policy)
        out.raw(",\"quote\":"); out.string(clause.quote)
        out.raw(",\"section\":"); out.string(clause.section); out.raw("}")
    }

    /// `{"id": {clause}, …}`: the clause table of an output.
    static func table(_ clauses: [ProtocolClause]) -> [UInt8] {
        var out = JSONBytes()
        out.raw("{")
        for (index, clause) in clauses.enumerated() {
            if index > 0 { out.raw(",") }
            out.string(clause.id); out.raw(":")
            append(clause, to: &out)
        }
        out.raw("}")
        return out.bytes
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

    mutating func json(of clauses: [ProtocolClause], rule: String, style: ClauseStyle) -> [UInt8] {
        if let entry = entries[rule], entry.clauses == clauses { return entry.json }
        var out = JSONBytes()
        out.raw("[")
        for (index, clause) in clauses.enumerated() {
            if index > 0 { out.raw(",") }
            switch style {
            case .reference: out.string(clause.id)
            case .inline: JSONOutput.append(clause, to: &out)
            }
        }
        out.raw("]")
        entries[rule] = (clauses, out.bytes)
        return out.bytes
    }
}

/// Which clauses an output has written the text of, so each goes out once (findings contract 2): in
/// JSONL a table line before the first record citing a new one, in a JSON document one table.
public struct ClauseLedger: Sendable {
    private var written: Set<String> = []
    public private(set) var clauses: [ProtocolClause] = []

    public init() {}

    /// The clauses `outcome` cites that have not been written yet, now counted as written.
    public mutating func newClauses(in outcome: RecordOutcome) -> [ProtocolClause] {
        guard case .checked(let result) = outcome else { return [] }
        var new: [ProtocolClause] = []
        for finding in result.findings {
            for clause in finding.clauses where written.insert(clause.id).inserted { new.append(clause) }
        }
        clauses += new
        return new
    }

    /// `{"clauses":{…},"version":2}` and a newline: a JSONL line that is not a record (it has no "id").
    public static func tableLine(_ clauses: [ProtocolClause]) -> [UInt8] {
        Array("{\"clauses\":".utf8) + JSONOutput.table(clauses) + Array(",\"version\":\(FindingsContract.version)}\n".utf8)
    }
}

/// `--format jsonl`: one line per record, written as records arrive. With clauses by reference (the
/// default) a line `{"clauses": {…}, "version": 2}` comes before the first record that cites clauses
/// not yet written.
public struct JSONLinesReporter: Reporter {
    private var cache = ClauseCache()
    private var ledger = ClauseLedger()
    private let renderer: FindingRenderer
    private let style: ClauseStyle

    public init(renderer: FindingRenderer = FindingRenderer(), clauses style: ClauseStyle = .reference) {
        self.renderer = renderer
        self.style = style
    }

    public mutating func report(_ outcome: RecordOutcome) -> String { String(decoding: reportBytes(outcome), as: UTF8.self) }

    public mutating func reportBytes(_ outcome: RecordOutcome) -> [UInt8] {
        let record = recordBytes(outcome)
        guard style == .reference else { return record }
        let new = ledger.newClauses(in: outcome)
        return new.isEmpty ? record : ClauseLedger.tableLine(new) + record
    }

    /// The record's line alone: for writers that keep the ledger themselves (an audit's checking threads).
    public mutating func recordBytes(_ outcome: RecordOutcome) -> [UInt8] {
        JSONOutput.lineBytes(outcome, renderer: renderer, clauses: style, cache: &cache)
    }

    public mutating func finish(_ summary: RunSummary) -> String { "" }
}

/// `--format json`: one document, `{"records": [...], "clauses": {...}, "summary": {...}, "version": 2}`,
/// streamed record by record so memory stays flat however many records there are; the clause table
/// (the clauses the records cite, each once) follows the records. `piece` formats a record comma-first,
/// so checking threads can format records in any order for a writer that joins them in input order.
public struct JSONDocumentReporter: Reporter {
    private var started = false
    private var cache = ClauseCache()
    private var ledger = ClauseLedger()
    private let renderer: FindingRenderer
    private let style: ClauseStyle
    public static let opening = "{\"records\":["

    public init(renderer: FindingRenderer = FindingRenderer(), clauses style: ClauseStyle = .reference) {
        self.renderer = renderer
        self.style = style
    }

    public mutating func report(_ outcome: RecordOutcome) -> String {
        if style == .reference { _ = ledger.newClauses(in: outcome) }
        let piece = piece(outcome)
        defer { started = true }
        return started ? piece : Self.opening + piece.dropFirst()
    }

    /// One record, after a comma.
    public mutating func piece(_ outcome: RecordOutcome) -> String {
        String(decoding: pieceBytes(outcome), as: UTF8.self)
    }

    public mutating func pieceBytes(_ outcome: RecordOutcome) -> [UInt8] {
        var line = JSONOutput.lineBytes(outcome, renderer: renderer, clauses: style, cache: &cache)
        line.removeLast() // the newline
        return [UInt8(ascii: ",")] + line
    }

    public mutating func finish(_ summary: RunSummary) -> String {
        (started ? "" : Self.opening) + Self.closing(summary, clauses: style == .reference ? ledger.clauses : nil)
    }

    /// The end of the document: the clause table (nil with clauses inline), the summary, the version.
    public static func closing(_ summary: RunSummary, clauses: [ProtocolClause]?) -> String {
        let table = clauses.map { ",\"clauses\":" + String(decoding: JSONOutput.table($0), as: UTF8.self) } ?? ""
        return "]" + table + ",\"summary\":" + JSONOutput.encode(summary) + ",\"version\":\(FindingsContract.version)}\n"
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
