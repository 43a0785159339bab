import ArgumentParser
import Foundation
import PostwachtAudit
import PostwachtCore
import PostwachtReporting
import PostwachtSession

/// The findings output of an audit, as the `RunReporter` the audit drives. Records are formatted on
/// their checking threads, each thread with a formatter of its own (`formatterFactory`), and come here
/// in input order. JSON and SARIF pieces come comma-first; the first comma of the array is dropped here.
struct AuditOutput: RunReporter {
    enum Format: String, CaseIterable { case text, json, jsonl, sarif }

    private let format: Format
    private let style: ReportStyle
    private let sarif: SARIFReport
    /// Formats the records that fail before reaching a checking thread.
    private let formatHere: (RecordOutcome, RecordSource) -> [UInt8]
    private var arrayStarted = false
    /// The clauses written so far: records are formatted on several threads, so the writer keeps the
    /// one ledger that has each clause's text written once (findings contract 2).
    private var ledger = ClauseLedger()

    init(format: Format, style: ReportStyle, sarif: SARIFReport) {
        self.format = format
        self.style = style
        self.sarif = sarif
        formatHere = Self.formatterFactory(format: format, style: style, sarif: sarif)()
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
                var reporter = JSONLinesReporter(renderer: style.renderer, clauses: style.clauses)
                return { outcome, _ in reporter.recordBytes(outcome) }
            case .json:
                var reporter = JSONDocumentReporter(renderer: style.renderer, clauses: style.clauses)
                return { outcome, _ in reporter.pieceBytes(outcome) }
            case .sarif:
                // SARIF has results only; records that could not be read are in the summary and the HTML report.
                return { outcome, source in
                    guard case .checked(let result) = outcome, !result.findings.isEmpty else { return [] }
                    return sarif.resultBytes(result, file: source.path ?? source.description, source: source.description)
                }
            }
        }
    }

    mutating func open() -> [UInt8] {
        switch format {
        case .json: return Array(JSONDocumentReporter.opening.utf8)
        case .sarif: return Array(sarif.opening().utf8)
        case .text, .jsonl: return []
        }
    }

    /// A record formatted on a checking thread, or (nil) one that failed before it reached one: only
    /// SARIF needs a record's source, and it leaves failed records out.
    mutating func record(_ outcome: RecordOutcome, formatted: [UInt8]?) -> [UInt8] {
        var out: [UInt8] = []
        if style.clauses == .reference, format == .json || format == .jsonl {
            let new = ledger.newClauses(in: outcome)
            if format == .jsonl, !new.isEmpty { out += ClauseLedger.tableLine(new) }
        }
        let bytes = formatted ?? formatHere(outcome, .text(outcome.id))
        guard !bytes.isEmpty else { return out }
        if format == .json || format == .sarif, !arrayStarted {
            arrayStarted = true
            out += bytes.dropFirst()
        } else {
            out += bytes
        }
        return out
    }

    mutating func close(_ summary: RunSummary) -> [UInt8] {
        switch format {
        case .text:
            var reporter = TextReporter(style: style)
            return Array(reporter.finish(summary).utf8)
        case .json: return Array(JSONDocumentReporter.closing(summary, clauses: style.clauses == .reference ? ledger.clauses : nil).utf8)
        case .sarif: return Array(sarif.closing().utf8)
        case .jsonl: return []
        }
    }
}

extension AuditOutput.Format: ExpressibleByArgument {}

/// The audit's summary on stderr, in the language of `--lang`: records read, checked, failed and
/// skipped (with why), findings, and the files that hold no posts; with `--verbose`, per file.
struct AuditSummary {
    let language: Language
    let files: Int
    let summary: RunSummary
    let skipped: [SkipReason: Int]
    let companions: [CompanionFile]
    let againstBaseline: Bool

    /// "120 berichten uit 3 bestanden: 110 gecontroleerd, 4 niet leesbaar, 6 overgeslagen (…); 12 bevindingen; …"
    var line: String {
        let skippedCount = skipped.values.reduce(0, +)
        var text = language.count(summary.records + skippedCount, "bericht", "berichten", "record", "records")
            + language.say(" uit ", " from ") + language.count(files, "bestand", "bestanden", "file", "files") + ": "
            + language.say("\(summary.checked) gecontroleerd, \(summary.failed) niet leesbaar", "\(summary.checked) checked, \(summary.failed) failed")
        if skippedCount > 0 { text += ", " + language.say("\(skippedCount) overgeslagen", "\(skippedCount) skipped") + " (" + reasons(skipped) + ")" }
        text += "; " + language.count(summary.findings, "bevinding", "bevindingen", "finding", "findings")
        if againstBaseline { text += language.say(" die niet in de basislijn staan", " not in the baseline") }
        if !companions.isEmpty {
            text += "; " + language.count(companions.count, "bestand", "bestanden", "file", "files")
                + language.say(" zonder berichten overgeslagen", companions.count == 1 ? " holds no posts, skipped" : " hold no posts, skipped")
        }
        return text
    }

    /// One line per file: "  pad (formaat): 17 gelezen: 15 gecontroleerd, 0 niet leesbaar, 2 overgeslagen (…); 2 bevindingen".
    func perFile(_ tallies: [FileTally], companions: [CompanionFile]) -> String {
        var text = ""
        for tally in tallies {
            text += "  \(tally.path) (\(tally.format.rawValue)): " + language.say("\(tally.records) gelezen: \(tally.checked) gecontroleerd, \(tally.failed) niet leesbaar",
                                                                               "\(tally.records) read: \(tally.checked) checked, \(tally.failed) failed")
            let skippedCount = tally.skipped.values.reduce(0, +)
            if skippedCount > 0 { text += ", " + language.say("\(skippedCount) overgeslagen", "\(skippedCount) skipped") + " (" + reasons(tally.skipped) + ")" }
            text += "; " + language.count(tally.findings, "bevinding", "bevindingen", "finding", "findings") + "\n"
        }
        for companion in companions {
            text += "  \(companion.path): " + language.say("geen berichten", "no posts") + " — \(companion.reason)\n"
        }
        return text
    }

    /// "2 × doorgestuurd bericht van een ander (boost), 3 × bijlage, meegeteld bij haar bericht", most first.
    private func reasons(_ counts: [SkipReason: Int]) -> String {
        counts.map { (text: $0.key.text(in: language), count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.text < $1.text }
            .map { "\($0.count) × \($0.text)" }
            .joined(separator: ", ")
    }
}
