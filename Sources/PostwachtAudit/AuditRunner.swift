import Dispatch
import Foundation
import PostwachtCore

/// What the audit says about one input record, in input order.
public enum AuditOutcome: Sendable {
    /// `rendered`: the output for this record (UTF-8) when the run was given a renderer.
    case checked(LintResult, source: RecordSource, metadata: RecordMetadata, rendered: [UInt8]?)
    case failed(ImportFailure)
    /// An entry deliberately not checked (a boost, an attachment item), with why.
    case skipped(SkippedRecord)
}

/// What one file yielded: records read (checked + failed + skipped), and why the skipped ones were.
public struct FileTally: Sendable {
    public var path: String
    public var format: ExportFormat
    public var checked = 0
    public var failed = 0
    public var skipped: [SkipReason: Int] = [:]
    public var findings = 0
    public var records: Int { checked + failed + skipped.values.reduce(0, +) }
}

/// Where a record was read. A JSONL record's "file:line" is only made into text when it is shown:
/// most never are.
public enum RecordSource: Sendable, CustomStringConvertible {
    case text(String)
    case line(path: String, number: Int)

    public var description: String {
        switch self {
        case .text(let text): return text
        case .line(let path, let number): return "\(path):\(number)"
        }
    }

    /// The file the record came from, when it came from one.
    public var path: String? {
        switch self {
        case .text: return nil
        case .line(let path, _): return path
        }
    }
}

/// Running totals for a progress line.
public struct AuditProgress: Sendable {
    public var records = 0
    public var failed = 0
    public var skipped = 0
    public var findings = 0
    public var textBytes = 0
    public var filesDone = 0
    public var fileBytesDone = 0
    public var fileBytesTotal = 0
    public var elapsed: Duration = .zero
    public init() {}
}
/// Reads export files one record at a time and checks them on every core, in batches, so memory stays
/// flat and output keeps input order. Every record yields an outcome; none is dropped. Record ids are
/// unique in a run: a later record with an id already used gets its file's path added (`wp-5@b.xml`).
///
/// Three kinds of thread: one reads and cuts batches, one per checker checks whole batches (decoding
/// JSONL lines and formatting output there too), and the caller's thread hands outcomes on in input
/// order. Each waits only when the one before has nothing for it, so all cores stay busy checking.
/// Unchecked `Sendable`: nothing changes after `init`, and checker N is used by worker thread N alone.
public final class AuditRunner: @unchecked Sendable {
    private let checkers: [Checker]
    private let batchSize: Int
    /// Known findings (`baselineKey`) to leave out: `--baseline`.
    private let baseline: Set<String>
    /// Makes, once per checking thread, what formats a checked record there: output is costly to
    /// format, and a formatter of its own lets each thread keep caches without sharing them.
    private let makeRenderer: (@Sendable () -> (RecordOutcome, RecordSource) -> [UInt8])?

    public init(linter: Linter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 128,
                baseline: Set<String> = [], makeRenderer: (@Sendable () -> (RecordOutcome, RecordSource) -> [UInt8])? = nil) throws {
        checkers = try (0..<max(1, jobs)).map { _ in try linter.makeChecker() }
        self.batchSize = batchSize
        self.baseline = baseline
        self.makeRenderer = makeRenderer
    }

    /// A finding's key in a baseline: its fingerprint (rule + normalized match) tied to the record id,
    /// hashed, so it survives edits elsewhere in the post and stores nothing readable.
    public static func baselineKey(recordID: String, finding: Finding) -> String {
        Fingerprint.of(rule: recordID, normalized: finding.fingerprint)
    }

    /// Reads and checks `files` in order; `outcome` hears of every record, in input order. Returns what
    /// each file yielded. The importers speak `options.language`.
    @discardableResult
    public func run(_ files: [ExportFile], options: ReadOptions = ReadOptions(),
                    outcome: (AuditOutcome) -> Void, progress: (AuditProgress) -> Void = { _ in }) -> [FileTally] {
        let started = ContinuousClock.now
        var totals = AuditProgress()
        totals.fileBytesTotal = files.reduce(0) { $0 + $1.size }
        let inFlight = 2 * checkers.count + 2
        let unchecked = BatchQueue(capacity: inFlight)
        let checked = OrderedBatches(window: inFlight)
        let emitted = Disposal()
        let batchSize = self.batchSize
        let readOptions = options

        let reader = Thread {
            Thread.current.name = "postwacht-read" // named for `top -H` and `perf report --sort comm`
            var sequence = 0
            for (fileIndex, file) in files.enumerated() {
                var batch = Batch(sequence: sequence, fileIndex: fileIndex)
                var batchBytes = 0
                var readInFile = 0
                func send() {
                    unchecked.put(batch)
                    sequence += 1
                    batch = Batch(sequence: sequence, fileIndex: fileIndex)
                    batchBytes = 0
                }
                ExportReader.read(file, options: readOptions) { item in
                    var bytes = 0
                    switch item {
                    case .post(let record, let source, let warnings):
                        batch.inputs.append((.record(record, warnings: warnings), source)); bytes = record.bytes.count
                    case .lines(let block): batch.inputs.append((.lines(block), block.path)); bytes = block.bytes.count
                    // Reported after the records read before it.
                    case .failure(let failure): batch.notices.append((batch.inputs.count, .failed(failure)))
                    case .skipped(let skipped): batch.notices.append((batch.inputs.count, .skipped(skipped)))
                    }
                    batchBytes += bytes
                    // Read bytes estimate progress within a file: exactly for lines, roughly for posts.
                    bytes = min(bytes, max(0, file.size - readInFile))
                    readInFile += bytes
                    batch.bytesRead += bytes
                    if batch.inputs.count >= batchSize || batchBytes >= 1 << 17 { send() }
                }
                batch.bytesRead += max(0, file.size - readInFile)
                batch.endsFile = true
                send()
            }
            unchecked.close()
            checked.finish(batches: sequence)
        }
        reader.stackSize = 1 << 22
        reader.start()
        for worker in checkers.indices {
            let worker = Thread { [self] in
                Thread.current.name = "postwacht-check"
                let render = makeRenderer?()
                while let batch = unchecked.take() {
                    emitted.dispose()
                    checked.put(CheckedBatch(batch: batch, results: check(batch.inputs, with: checkers[worker], options: readOptions, render: render)))
                }
            }
            worker.stackSize = 1 << 22
            worker.start()
        }

        var output = Output(files: files, render: nil, makeRenderer: makeRenderer)
        var next = 0
        while let done = checked.take(next) {
            next += 1
            output.emit(done, totals: &totals, outcome: outcome)
            emitted.add(done)
            totals.elapsed = ContinuousClock.now - started
            progress(totals)
        }
        return output.tallies
    }

    /// The output thread's state: ids used so far, what each file yielded.
    private struct Output {
        var tallies: [FileTally]
        /// Hashes of the ids handed on, not the ids: a run of millions of records keeps 8 bytes each.
        /// Two ids with one hash make the second look taken, and renamed: harmless, and unlikely.
        var usedIDs: Set<Int> = []
        /// Formats a record renamed here, on the output thread; made the first time one is.
        var render: ((RecordOutcome, RecordSource) -> [UInt8])?
        let makeRenderer: (@Sendable () -> (RecordOutcome, RecordSource) -> [UInt8])?

        init(files: [ExportFile], render: ((RecordOutcome, RecordSource) -> [UInt8])?, makeRenderer: (@Sendable () -> (RecordOutcome, RecordSource) -> [UInt8])?) {
            tallies = files.map { FileTally(path: $0.path, format: $0.format) }
            self.render = render
            self.makeRenderer = makeRenderer
        }

        /// `id`, or the first of `id@path`, `id@path#2`, … not used yet.
        mutating func unique(_ id: String, file: String) -> String {
            if usedIDs.insert(id.hashValue).inserted { return id }
            var candidate = "\(id)@\(file)"
            var number = 1
            while !usedIDs.insert(candidate.hashValue).inserted {
                number += 1
                candidate = "\(id)@\(file)#\(number)"
            }
            return candidate
        }

        /// Hands on one checked batch's outcomes, each failure and skip in its place among the records.
        mutating func emit(_ done: CheckedBatch, totals: inout AuditProgress, outcome: (AuditOutcome) -> Void) {
            let batch = done.batch
            let file = tallies[batch.fileIndex].path
            var noticeIndex = 0
            func reportNotices(upTo position: Int) {
                while noticeIndex < batch.notices.count, batch.notices[noticeIndex].position <= position {
                    switch batch.notices[noticeIndex].notice {
                    case .failed(var failure):
                        failure.id = unique(failure.id, file: file)
                        outcome(.failed(failure))
                        totals.failed += 1
                        tallies[batch.fileIndex].failed += 1
                    case .skipped(let skipped):
                        outcome(.skipped(skipped))
                        totals.skipped += 1
                        tallies[batch.fileIndex].skipped[skipped.reason, default: 0] += 1
                    }
                    totals.records += 1
                    noticeIndex += 1
                }
            }
            for (index, results) in done.results.enumerated() {
                reportNotices(upTo: index)
                for result in results {
                    switch result.outcome {
                    case .checked(var lint):
                        var rendered = result.rendered
                        let id = unique(lint.id, file: file)
                        if id != lint.id {
                            lint.id = id
                            if let makeRenderer {
                                if render == nil { render = makeRenderer() }
                                rendered = render!(.checked(lint), result.source)
                            }
                        }
                        totals.findings += lint.findings.count
                        tallies[batch.fileIndex].checked += 1
                        tallies[batch.fileIndex].findings += lint.findings.count
                        outcome(.checked(lint, source: result.source, metadata: result.metadata, rendered: rendered))
                    case .failed(let id, let error):
                        totals.failed += 1
                        tallies[batch.fileIndex].failed += 1
                        outcome(.failed(ImportFailure(id: unique(id, file: file), source: result.source.description, code: error.code, message: error.message)))
                    }
                    totals.records += 1
                    totals.textBytes += result.textBytes
                }
            }
            reportNotices(upTo: Int.max)
            totals.fileBytesDone += batch.bytesRead
            if batch.endsFile { totals.filesDone += 1 }
        }
    }

    /// Records read in a row from one file, the failures and skips among them (by position), and how
    /// far the file was read.
    struct Batch: Sendable {
        var sequence: Int
        var fileIndex: Int
        var inputs: [(input: Input, source: String)] = []
        var notices: [(position: Int, notice: Notice)] = []
        /// Bytes of the export these records came from.
        var bytesRead = 0
        /// Whether the last records of a file are here.
        var endsFile = false
    }

    enum Notice: Sendable {
        case failed(ImportFailure)
        case skipped(SkippedRecord)
    }

    struct CheckedBatch: Sendable {
        var batch: Batch
        /// Per input, its records' results: one for a record, one per line for a line block.
        var results: [[Checked]]
    }

    /// A record read (with what reading it noticed), or JSONL lines to split and decode on a checking thread.
    enum Input: Sendable {
        case record(Record, warnings: [RecordWarning])
        case lines(LineBlock)
    }

    struct Checked: Sendable {
        var outcome: RecordOutcome
        var source: RecordSource
        var metadata: RecordMetadata
        var textBytes: Int
        var rendered: [UInt8]? = nil
    }

    /// Decodes and checks a batch on one checker; results in input order.
    private func check(_ inputs: [(input: Input, source: String)], with checker: Checker, options: ReadOptions,
                       render: ((RecordOutcome, RecordSource) -> [UInt8])?) -> [[Checked]] {
        // Locals, so that records do not touch the runner, which every checking thread shares.
        let baseline = self.baseline
        var results: [[Checked]] = []
        results.reserveCapacity(inputs.count)
        for input in inputs {
            switch input.input {
            case .record(let record, let warnings):
                results.append([Self.check(record, warnings: warnings, source: .text(input.source), checker: checker, baseline: baseline, render: render)])
            case .lines(let block):
                // Decode all, then check all, then format all: each stage's code and tables stay in
                // the cache for a whole block instead of taking turns with the others per post.
                var decoded: [(RecordSource, Result<Record, IdentifiedRecordError>)] = []
                block.forEachLine { line, number in
                    let position = RecordSource.line(path: block.path, number: number)
                    decoded.append((position, JSONLRecordDecoder.decode(line, fallbackID: position.description, language: options.language)))
                }
                var checked = decoded.map { position, result in
                    switch result {
                    case .success(var record):
                        var warnings: [RecordWarning] = []
                        if let encoding = block.encoding {
                            warnings.append(.decoded(from: encoding))
                        } else {
                            let (text, legacy) = EncodingDetection.decodeRecord(record.bytes, choice: options.encoding)
                            if let legacy {
                                record.bytes = text
                                warnings.append(.decoded(from: legacy))
                            }
                        }
                        return Self.check(record, warnings: warnings, source: position, checker: checker, baseline: baseline, render: nil)
                    case .failure(let error):
                        return Checked(outcome: .failed(id: error.id, error: error.error), source: position, metadata: RecordMetadata(), textBytes: 0)
                    }
                }
                if let render {
                    for index in checked.indices {
                        guard case .checked = checked[index].outcome else { continue }
                        checked[index].rendered = render(checked[index].outcome, checked[index].source)
                    }
                }
                results.append(checked)
            }
        }
        return results
    }

    private static func check(_ record: Record, warnings: [RecordWarning], source: RecordSource, checker: Checker, baseline: Set<String>,
                              render: ((RecordOutcome, RecordSource) -> [UInt8])?) -> Checked {
        var outcome = checker.lint(record)
        if case .checked(var lint) = outcome, !baseline.isEmpty || !warnings.isEmpty {
            if !baseline.isEmpty { lint.findings.removeAll { baseline.contains(baselineKey(recordID: lint.id, finding: $0)) } }
            // What reading noticed comes first: it says how the text the findings point into was read.
            lint.warnings = warnings + lint.warnings.filter { warning in !warnings.contains(warning) }
            outcome = .checked(lint)
        }
        var checked = Checked(outcome: outcome, source: source, metadata: record.metadata, textBytes: record.bytes.count)
        // A record that could not be checked is formatted by the output thread, with the other failures.
        if let render, case .checked = outcome { checked.rendered = render(outcome, source) }
        return checked
    }
}
