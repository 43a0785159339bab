import ArgumentParser
import Foundation
import PostwachtAudit
import PostwachtCore
import PostwachtReporting

/// The findings output of an audit. Records are formatted on their checking threads, each thread with
/// a formatter of its own (`formatterFactory`), and written here in input order. JSON and SARIF pieces
/// come comma-first; the first comma of the array is dropped here.
struct AuditOutput {
    enum Format: String, CaseIterable { case text, json, jsonl, sarif }

    private let format: Format
    private let style: ReportStyle
    private let sarif: SARIFReport
    private let sink: OutputSink
    /// Formats the records that fail before reaching a checking thread.
    private let formatHere: (RecordOutcome, RecordSource) -> [UInt8]
    private var arrayStarted = false

    init(format: Format, style: ReportStyle, sarif: SARIFReport, sink: OutputSink) {
        self.format = format
        self.style = style
        self.sarif = sarif
        self.sink = sink
        formatHere = Self.formatterFactory(format: format, style: style, sarif: sarif)()
        switch format {
        case .json: sink.write(JSONDocumentReporter.opening)
        case .sarif: sink.write(sarif.opening())
        case .text, .jsonl: break
        }
    }

    var formatterFactory: @Sendable () -> (RecordOutcome, RecordSource) -> [UInt8] {
        Self.formatterFactory(format: format, style: style, sarif: sarif)
    }

    private static func formatterFactory(format: Format, style: ReportStyle, sarif: SARIFReport) -> @Sendable () -> (RecordOutcome, RecordSource) -> [UInt8] {
        {
            switch format {
            case .text:
                var reporter = TextReporter(style: style)
                return { outcome, _ in Array(reporter.report(outcome).utf8) }
            case .jsonl:
                var reporter = JSONLinesReporter()
                return { outcome, _ in reporter.reportBytes(outcome) }
            case .json:
                var reporter = JSONDocumentReporter()
                return { outcome, _ in reporter.pieceBytes(outcome) }
            case .sarif:
                // SARIF has results only; records that could not be read are in the summary and the HTML report.
                return { outcome, source in
                    guard case .checked(let result) = outcome, !result.findings.isEmpty else { return [] }
                    return sarif.resultBytes(result, source: source.description)
                }
            }
        }
    }

    /// A record formatted on a checking thread.
    mutating func write(formatted bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if format == .json || format == .sarif, !arrayStarted {
            arrayStarted = true
            sink.write(bytes.dropFirst())
        } else {
            sink.write(bytes[...])
        }
    }

    /// A record that failed before it reached a checking thread.
    mutating func write(failed outcome: RecordOutcome, source: String) {
        write(formatted: formatHere(outcome, .text(source)))
    }

    /// Writes the end of the output and closes it; the error of a write that failed, if one did.
    /// Closes the output; the first write error, as the system words it, if there was one.
    func finish(_ summary: RunSummary) -> String? {
        switch format {
        case .text:
            var reporter = TextReporter(style: style)
            sink.write(reporter.finish(summary))
        case .json: sink.write(JSONDocumentReporter.closing(summary))
        case .sarif: sink.write(sarif.closing())
        case .jsonl: break
        }
        sink.close()
        return sink.writeError
    }
}

extension AuditOutput.Format: ExpressibleByArgument {}
