import Dispatch
import Foundation
import PostwachtCore

/// What the audit says about one input record, in input order.
public enum AuditOutcome: Sendable {
    /// `rendered`: the output for this record (UTF-8) when the run was given a renderer.
    case checked(LintResult, source: RecordSource, metadata: RecordMetadata, rendered: [UInt8]?)
    case failed(ImportFailure)
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
}

/// Running totals for a progress line.
public struct AuditProgress: Sendable {
    public var records = 0
    public var failed = 0
    public var findings = 0
    public var textBytes = 0
    public var filesDone = 0
    public var fileBytesDone = 0
    public var fileBytesTotal = 0
    public var elapsed: Duration = .zero
    public init() {}
}

/// Reads export files one record at a time and checks them on every core, in batches, so memory stays
/// flat and output keeps input order. Every record yields an outcome; none is dropped.
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

    public func run(_ files: [ExportFile], columns: ColumnMapping = ColumnMapping(),
                    outcome: (AuditOutcome) -> Void, progress: (AuditProgress) -> Void = { _ in }) {
        let started = ContinuousClock.now
        var totals = AuditProgress()
        totals.fileBytesTotal = files.reduce(0) { $0 + $1.size }
        let inFlight = 2 * checkers.count + 2
        let unchecked = BatchQueue(capacity: inFlight)
        let checked = OrderedBatches(window: inFlight)
        let emitted = Disposal()
        let batchSize = self.batchSize

        let reader = Thread {
            Thread.current.name = "postwacht-read" // named for `top -H` and `perf report --sort comm`
            var sequence = 0
            var batch = Batch(sequence: 0)
            var batchBytes = 0
            func send() {
                unchecked.put(batch)
                sequence += 1
                batch = Batch(sequence: sequence)
                batchBytes = 0
            }
            for file in files {
                var readInFile = 0
                ExportReader.read(file, columns: columns) { item in
                    var bytes = 0
                    switch item {
                    case .post(let record, let source): batch.inputs.append((.record(record), source)); bytes = record.bytes.count
                    case .lines(let block): batch.inputs.append((.lines(block), block.path)); bytes = block.bytes.count
                    case .failure(let failure): batch.failures.append((batch.inputs.count, failure)) // reported after the records read before it
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
                    checked.put(CheckedBatch(batch: batch, results: check(batch.inputs, with: checkers[worker], render: render)))
                }
            }
            worker.stackSize = 1 << 22
            worker.start()
        }

        var next = 0
        while let done = checked.take(next) {
            next += 1
            emit(done, totals: &totals, outcome: outcome)
            emitted.add(done)
            totals.elapsed = ContinuousClock.now - started
            progress(totals)
        }
    }

    /// Hands on one checked batch's outcomes, each failure in its place among the records.
    private func emit(_ done: CheckedBatch, totals: inout AuditProgress, outcome: (AuditOutcome) -> Void) {
        let batch = done.batch
        var failureIndex = 0
        func reportFailures(upTo position: Int) {
            while failureIndex < batch.failures.count, batch.failures[failureIndex].position <= position {
                outcome(.failed(batch.failures[failureIndex].failure))
                totals.records += 1
                totals.failed += 1
                failureIndex += 1
            }
        }
        for (index, results) in done.results.enumerated() {
            reportFailures(upTo: index)
            for result in results {
                switch result.outcome {
                case .checked(let lint):
                    totals.findings += lint.findings.count
                    outcome(.checked(lint, source: result.source, metadata: result.metadata, rendered: result.rendered))
                case .failed(let id, let error):
                    totals.failed += 1
                    outcome(.failed(ImportFailure(id: id, source: result.source.description, code: error.code, message: error.message)))
                }
                totals.records += 1
                totals.textBytes += result.textBytes
            }
        }
        reportFailures(upTo: Int.max)
        totals.fileBytesDone += batch.bytesRead
        if batch.endsFile { totals.filesDone += 1 }
    }

    /// Records read in a row, the failures among them (by position), and how far the files were read.
    struct Batch: Sendable {
        var sequence: Int
        var inputs: [(input: Input, source: String)] = []
        var failures: [(position: Int, failure: ImportFailure)] = []
        /// Bytes of the export these records came from.
        var bytesRead = 0
        /// Whether the last records of a file are here.
        var endsFile = false
    }

    struct CheckedBatch: Sendable {
        var batch: Batch
        /// Per input, its records' results: one for a record, one per line for a line block.
        var results: [[Checked]]
    }

    /// A record read, or JSONL lines to split and decode on a checking thread.
    enum Input: Sendable {
        case record(Record)
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
    private func check(_ inputs: [(input: Input, source: String)], with checker: Checker, render: ((RecordOutcome, RecordSource) -> [UInt8])?) -> [[Checked]] {
        // Locals, so that records do not touch the runner, which every checking thread shares.
        let baseline = self.baseline
        var results: [[Checked]] = []
        results.reserveCapacity(inputs.count)
        for input in inputs {
            switch input.input {
            case .record(let record):
                results.append([Self.check(record, source: .text(input.source), checker: checker, baseline: baseline, render: render)])
            case .lines(let block):
                // Decode all, then check all, then format all: each stage's code and tables stay in
                // the cache for a whole block instead of taking turns with the others per post.
                var decoded: [(RecordSource, Result<Record, IdentifiedRecordError>)] = []
                block.forEachLine { line, number in
                    let position = RecordSource.line(path: block.path, number: number)
                    decoded.append((position, JSONLRecordDecoder.decode(line, fallbackID: position.description)))
                }
                var checked = decoded.map { position, result in
                    switch result {
                    case .success(let record):
                        return Self.check(record, source: position, checker: checker, baseline: baseline, render: nil)
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

    private static func check(_ record: Record, source: RecordSource, checker: Checker, baseline: Set<String>,
                              render: ((RecordOutcome, RecordSource) -> [UInt8])?) -> Checked {
        var outcome = checker.lint(record)
        if !baseline.isEmpty, case .checked(var lint) = outcome {
            lint.findings.removeAll { baseline.contains(baselineKey(recordID: lint.id, finding: $0)) }
            outcome = .checked(lint)
        }
        var checked = Checked(outcome: outcome, source: source, metadata: record.metadata, textBytes: record.bytes.count)
        // A record that could not be checked is formatted by the output thread, with the other failures.
        if let render, case .checked = outcome { checked.rendered = render(outcome, source) }
        return checked
    }
}
