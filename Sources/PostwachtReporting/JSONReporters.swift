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
    public mutating func report(_ outcome: RecordOutcome) -> String { JSONOutput.encode(RecordObject(outcome)) + "\n" }
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
