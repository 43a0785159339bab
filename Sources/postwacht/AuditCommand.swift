import ArgumentParser
import Foundation
import PostwachtAudit
import PostwachtCore
import PostwachtReporting
import PostwachtSession

/// `postwacht audit`: what a school has already published, read from platform exports.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit exported posts (Facebook, Instagram, X, WordPress, Mastodon, CSV, JSONL) and report.",
        discussion: """
        Paths may be files, folders (searched for each platform's post files) or .zip archives (read in \
        place). Every record yields a result, an error record naming file and position, or a skip with \
        its reason (a boost, an attachment item); a broken file does not stop the others. Files of an \
        archive that hold no posts (likes, followers, tweet-headers.js, actor.json) are counted, not read. \
        A summary line goes to stderr (per file with --verbose), and a progress bar when stderr is a \
        terminal. Text in UTF-16 or Windows-1252 is converted, with a warning (--encoding). See docs/audit.md.

        Examples:
          postwacht audit facebook-export/ twitter-archive.zip posts.csv --policy regenboog --report audit.html
          postwacht audit export/ --format sarif --output audit.sarif
          postwacht audit export/ --write-baseline known.json     # later: --baseline known.json shows only new findings
        """
    )

    @Argument(help: ArgumentHelp("Export files, folders or .zip archives.", valueName: "path"))
    var paths: [String]

    @Option(name: .customLong("from"), help: "Read every path as this format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: detect).")
    var format: ExportFormat?

    @Option(name: .customLong("column"), help: ArgumentHelp("CSV column for a field, e.g. text=tekst (fields: id, text, created_at, author, author_role, channel, media, org).", valueName: "field=header"))
    var columns: [String] = []

    @Option(name: .customLong("format"), help: "Findings output: text, json, jsonl or sarif.")
    var outputFormat: AuditOutput.Format = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write the findings output here instead of stdout.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write a self-contained HTML report for people.", valueName: "file.html"))
    var report: String?

    @Flag(name: .customLong("show-matches"), help: "Show matched words in the HTML report (masked by default).")
    var showMatches = false

    @Flag(name: .customLong("redact"), help: "Mask matched words in the findings output.")
    var redact = false

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Leave out findings recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the findings of this run as a baseline: hashes, no readable data, but a phone number or BSN can be recovered from its hash by trying every value, so keep it as confidential as the export.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .customLong("role"), help: "Author role of posts whose export does not say: staff, parent, pupil or school.")
    var role: AuthorRole?

    @Option(name: .customLong("jobs"), help: "Worker threads (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: info, warning, error or never.")
    var failOn: FailOn = .warning

    @Flag(name: .customLong("verbose"), help: "Also write on stderr what each file yielded: records read, checked, failed and skipped, and why.")
    var verbose = false

    @OptionGroup var input: InputOptions

    @OptionGroup var clauses: ClauseOptions

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        let fields = ColumnMapping.roles
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1)
            let language = engine.language
            guard parts.count == 2 else {
                throw ValidationError(language.say("--column wil veld=kop, bv. text=tekst (niet '\(column)')", "--column wants field=header, e.g. text=tekst (got '\(column)')"))
            }
            guard fields.contains(String(parts[0])) else {
                throw ValidationError(language.say("--column: onbekend veld '\(parts[0])'; velden: \(fields.joined(separator: ", "))",
                                                   "--column: unknown field '\(parts[0])'; fields: \(fields.joined(separator: ", "))"))
            }
        }
    }

    func run() throws {
        let session = try engine.loadSession()
        let options = engine.lintOptions(session, role: role, machineOutput: true)
        let linter = Linter(resources: session.resources, options: options)
        let language = engine.language
        let known: Set<String>
        do { known = try baseline.map(BaselineFile.read) ?? [] } catch { throw engine.fail(error) }
        let sarif = SARIFReport(rules: linter.rules.map(\.description), clauses: { linter.clauses(of: $0) }, version: PostwachtVersion.string)
        let findingsOutput = AuditOutput(format: outputFormat, style: ReportStyle(renderer: session.renderer(redact: redact), clauses: clauses.style), sarif: sarif)
        let sink = try OutputSink(path: output)
        let formatterFactory = findingsOutput.formatterFactory
        let runner: AuditRunner
        var html = AuditHTMLReport()
        do {
            runner = try AuditRunner(linter: linter, jobs: jobs, baseline: known, makeRenderer: { formatterFactory() })
            if report != nil, !showMatches { html.personalData = try PersonalDataSpans(linter: linter) }
        } catch {
            StandardError.write("postwacht: \(error)\n")
            throw ExitStatus.unusable
        }
        var recorder = RunRecorder(findingsOutput, sink: sink)
        var mapping = ColumnMapping()
        for column in columns {
            let parts = column.split(separator: "=", maxSplits: 1).map(String.init)
            mapping.columns[parts[0]] = parts[1]
        }
        let discovery = ExportDiscovery.discover(paths, forcing: format, language: language)
        html.showMatches = showMatches
        html.policy = options.policy
        html.organisation = options.policy.flatMap { session.resources.policies.pack($0)?.organisation }
        html.inputs = paths
        html.language = language
        for companion in discovery.companions { html.add(companion: companion.path, reason: companion.reason) }
        var skipped: [SkipReason: Int] = [:]
        var finalTotals = AuditProgress()
        var baselineKeys: [String] = []
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)

        func failed(_ failure: ImportFailure, message: String) {
            recorder.record(.failed(id: failure.id, error: RecordError(code: failure.code, message: message)))
            html.add(failure: failure.id, source: failure.source, code: failure.code, message: failure.message)
        }
        for failure in discovery.failures { failed(failure, message: failure.message) }
        let tallies = runner.run(discovery.files, options: ReadOptions(columns: mapping, encoding: input.encoding, language: language), outcome: { outcome in
            switch outcome {
            case .checked(let result, let source, let metadata, let rendered):
                recorder.record(.checked(result), formatted: rendered ?? [])
                if report != nil { html.add(result, source: source.description, metadata: metadata) }
                if writeBaseline != nil { baselineKeys += result.findings.map { AuditRunner.baselineKey(recordID: result.id, finding: $0) } }
            case .failed(let failure):
                failed(failure, message: "\(failure.source): \(failure.message)")
            case .skipped(let entry):
                skipped[entry.reason, default: 0] += 1
                if report != nil { html.add(skipped: entry.reason.text(in: language)) }
            }
        }, progress: { totals in
            finalTotals = totals
            progress.update(totals)
        })
        progress.finish()
        if let error = recorder.close() {
            StandardError.write(language.say("postwacht: kan de uitvoer niet schrijven naar \(output ?? "stdout") (\(error))\n",
                                             "postwacht: cannot write the findings output to \(output ?? "stdout") (\(error))\n"))
            throw ExitStatus.unusable
        }
        if let report { try write(Array(html.html().utf8), to: report, what: language.say("het HTML-rapport", "the HTML report")) }
        if let writeBaseline {
            do { try BaselineFile.write(baselineKeys, to: writeBaseline) } catch { throw engine.fail(error) }
        }
        let summary = recorder.summary
        let counts = AuditSummary(language: language, files: discovery.files.count + discovery.failures.count, summary: summary,
                                  skipped: skipped, companions: discovery.companions, againstBaseline: !known.isEmpty)
        if verbose { StandardError.write(counts.perFile(tallies, companions: discovery.companions)) }
        StandardError.write("postwacht audit: " + counts.line + "; " + ProgressLine.rate(finalTotals, language: language) + "\n")
        let verdict = RunVerdict(summary, opened: !discovery.files.isEmpty, failOn: failOn)
        if verdict != .clean { throw ExitCode(verdict.rawValue) }
    }

    /// Writes a report. A regular file (or a new one) is replaced whole, never half written; anything
    /// else that exists (a device such as /dev/stdout, a pipe) is written through (`FileWriting`).
    private func write(_ bytes: [UInt8], to path: String, what: String) throws {
        if let error = FileWriting.write(bytes, to: path) {
            StandardError.write(engine.language == .nl ? "postwacht: kan \(what) niet schrijven naar \(path) (\(error))\n"
                                                       : "postwacht: cannot write \(what) to \(path) (\(error))\n")
            throw ExitStatus.unusable
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}

/// `[██████░░░░] 61% 12,840 posts · 3.1 MB/s · 214 findings` on stderr, redrawn in place; only on a terminal.
final class ProgressLine {
    private let enabled: Bool
    private var lastDraw = ContinuousClock.now - .seconds(1)

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: AuditProgress) {
        guard enabled, ContinuousClock.now - lastDraw > .milliseconds(100) else { return }
        lastDraw = ContinuousClock.now
        let fraction = progress.fileBytesTotal > 0 ? min(1, Double(progress.fileBytesDone) / Double(progress.fileBytesTotal)) : 0
        let filled = Int(fraction * 20)
        // The number of posts is known only at the end; from 2% of the bytes on, it is estimated.
        let total = fraction >= 0.02 && fraction < 1 ? "/~" + Self.grouped(Self.roughly(Double(progress.records) / fraction)) : ""
        let line = String(format: "\r[%@%@] %3.0f%% %@%@ posts · %.1f MB/s · %@ findings\u{1B}[K",
                          String(repeating: "█", count: filled), String(repeating: "░", count: 20 - filled), fraction * 100,
                          Self.grouped(progress.records), total, Self.megabytesPerSecond(progress), Self.grouped(progress.findings))
        StandardError.write(line)
    }

    /// An estimate to three significant digits: 432,463 → 432,000.
    static func roughly(_ value: Double) -> Int {
        guard value >= 1000 else { return Int(value.rounded()) }
        let unit = pow(10, (log10(value).rounded(.down) - 2))
        return Int((value / unit).rounded() * unit)
    }

    /// 12,840: thousands grouped, for counts read at a glance.
    static func grouped(_ count: Int) -> String {
        let digits = String(count)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Post text (not export bytes: JSON and markup around it are not checked) per second.
    static func megabytesPerSecond(_ progress: AuditProgress) -> Double {
        let seconds = max(0.001, Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18)
        return Double(progress.textBytes) / 1e6 / seconds
    }

    /// "1.2 MB of post text in 0.35 s (3.4 MB/s)"; in Dutch with decimal commas.
    static func rate(_ progress: AuditProgress, language: Language) -> String {
        let seconds = Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18
        let amount = progress.textBytes >= 1_000_000 ? String(format: "%.1f MB", Double(progress.textBytes) / 1e6)
            : progress.textBytes >= 1_000 ? String(format: "%.1f KB", Double(progress.textBytes) / 1e3) : "\(progress.textBytes) bytes"
        let english = String(format: "%@ of post text in %.2f s (%.1f MB/s)", amount, seconds, megabytesPerSecond(progress))
        guard language == .nl else { return english }
        return String(format: "%@ berichttekst in %.2f s (%.1f MB/s)", amount, seconds, megabytesPerSecond(progress)).replacingOccurrences(of: ".", with: ",")
    }

    func finish() { if enabled { StandardError.write("\r\u{1B}[K") } }
}
