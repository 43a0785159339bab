import PostwachtCore
import PostwachtReporting

/// The one streaming contract `check` and `audit` both write their findings output through: opened
/// once, then one record at a time in input order, then closed with the run's summary. A reporter
/// formats what it is given; it never detects.
public protocol RunReporter {
    /// What stands before the first record (a JSON document's opening, SARIF's header).
    mutating func open() -> [UInt8]
    /// One record's output. `formatted` is the record as a checking thread already formatted it (an
    /// audit formats on its worker threads); nil: format it here.
    mutating func record(_ outcome: RecordOutcome, formatted: [UInt8]?) -> [UInt8]
    /// What stands after the last record (the summary, a document's closing).
    mutating func close(_ summary: RunSummary) -> [UInt8]
}

/// A `Reporter` of `check` (text, json, jsonl) as a `RunReporter`: it formats every record itself.
public struct FormatReporter: RunReporter {
    private var reporter: any Reporter

    public init(_ format: OutputFormat, style: ReportStyle) { reporter = makeReporter(format, style: style) }

    public mutating func open() -> [UInt8] { [] }
    public mutating func record(_ outcome: RecordOutcome, formatted: [UInt8]?) -> [UInt8] { formatted ?? Array(reporter.report(outcome).utf8) }
    public mutating func close(_ summary: RunSummary) -> [UInt8] { Array(reporter.finish(summary).utf8) }
}

/// Where a run's output bytes go: stdout, a file. The sink keeps the first write error rather than
/// stopping the run, so the run ends with an error instead of claiming output that is not there.
public protocol ByteSink: AnyObject {
    func write(_ bytes: ArraySlice<UInt8>)
    func flush()
    func close()
    var writeError: String? { get }
}

/// Drives a `RunReporter` into a sink and keeps the run's summary: the same sequence for every front
/// end that streams records (`check`, `audit`).
public struct RunRecorder<Output: RunReporter> {
    public private(set) var summary = RunSummary()
    private var reporter: Output
    private let sink: any ByteSink
    /// Flush after each record: a hook streaming drafts into `check` gets each answer when it is ready.
    private let flushEachRecord: Bool

    /// Opens the output.
    public init(_ reporter: Output, sink: any ByteSink, flushEachRecord: Bool = false) {
        self.reporter = reporter
        self.sink = sink
        self.flushEachRecord = flushEachRecord
        sink.write(self.reporter.open()[...])
    }

    public mutating func record(_ outcome: RecordOutcome, formatted: [UInt8]? = nil) {
        summary.add(outcome)
        sink.write(reporter.record(outcome, formatted: formatted)[...])
        if flushEachRecord { sink.flush() }
    }

    /// Writes the end of the output and closes it; the first write error, as the system words it.
    public mutating func close() -> String? {
        sink.write(reporter.close(summary)[...])
        sink.close()
        return sink.writeError
    }
}
