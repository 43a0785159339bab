import Dispatch
import Foundation
import PostwachtCore

/// What the audit says about one input record, in input order.
public enum AuditOutcome: Sendable {
    /// `rendered`: the output text for this record when the run was given a renderer.
    case checked(LintResult, source: String, metadata: RecordMetadata, rendered: String?)
    case failed(ImportFailure)
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
}

/// Reads export files one record at a time and checks them on every core, in batches, so memory stays
/// flat and output keeps input order. Every record yields an outcome; none is dropped.
public final class AuditRunner {
    private let checkers: [Checker]
    private let batchSize: Int
    /// Known findings (`baselineKey`) to leave out: `--baseline`.
    private let baseline: Set<String>
    /// Formats a checked record on the checking thread (JSON encoding is too slow for the reading one).
    private let render: (@Sendable (RecordOutcome) -> String)?

    public init(linter: Linter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 512,
                baseline: Set<String> = [], render: (@Sendable (RecordOutcome) -> String)? = nil) throws {
        checkers = try (0..<max(1, jobs)).map { _ in try linter.makeChecker() }
        self.batchSize = batchSize
        self.baseline = baseline
        self.render = render
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
        var batch: [(input: Input, source: String)] = []
        var pendingFailures: [(position: Int, failure: ImportFailure)] = []

        func flush() {
            let results = check(batch.map(\.input))
            var failureIndex = 0
            for (index, result) in results.enumerated() {
                while failureIndex < pendingFailures.count, pendingFailures[failureIndex].position <= index {
                    outcome(.failed(pendingFailures[failureIndex].failure))
                    totals.failed += 1
                    failureIndex += 1
                }
                switch result.outcome {
                case .checked(let lint):
                    totals.findings += lint.findings.count
                    outcome(.checked(lint, source: batch[index].source, metadata: result.metadata, rendered: result.rendered))
                case .failed(let id, let error):
                    totals.failed += 1
                    outcome(.failed(ImportFailure(id: id, source: batch[index].source, code: error.code, message: error.message)))
                }
                totals.records += 1
                totals.textBytes += result.textBytes
            }
            for (_, failure) in pendingFailures[failureIndex...] {
                outcome(.failed(failure))
                totals.failed += 1
            }
            batch.removeAll(keepingCapacity: true)
            pendingFailures.removeAll(keepingCapacity: true)
            totals.elapsed = ContinuousClock.now - started
            progress(totals)
        }

        for file in files {
            ExportReader.read(file, columns: columns) { item in
                switch item {
                case .post(let record, let source):
                    batch.append((.record(record), source))
                    if batch.count >= batchSize { flush() }
                case .line(let bytes, let source, let fallbackID):
                    batch.append((.line(bytes, fallbackID: fallbackID), source))
                    if batch.count >= batchSize { flush() }
                case .failure(let failure):
                    // Kept in place: reported after the records read before it.
                    pendingFailures.append((batch.count, failure))
                    totals.records += 1
                }
            }
            flush()
            totals.filesDone += 1
            totals.fileBytesDone += file.size
            progress(totals)
        }
    }

    /// A record read, or a JSONL line to decode on a checking thread.
    enum Input: Sendable {
        case record(Record)
        case line([UInt8], fallbackID: String)
    }

    struct Checked: Sendable {
        var outcome: RecordOutcome
        var metadata: RecordMetadata
        var textBytes: Int
        var rendered: String? = nil
    }

    /// Decodes and checks a batch on all checkers at once; results in input order.
    private func check(_ inputs: [Input]) -> [Checked] {
        guard !inputs.isEmpty else { return [] }
        let results = ResultSlots(count: inputs.count)
        let workers = min(checkers.count, inputs.count)
        let checkers = CheckerSet(self.checkers)
        let baseline = self.baseline, render = self.render
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < inputs.count {
                let record: Record
                switch inputs[index] {
                case .record(let given): record = given
                case .line(let bytes, let fallbackID):
                    switch JSONLRecordDecoder.decode(bytes, fallbackID: fallbackID) {
                    case .success(let decoded): record = decoded
                    case .failure(let error):
                        results.set(index, Checked(outcome: .failed(id: error.id, error: error.error), metadata: RecordMetadata(), textBytes: 0))
                        index += workers
                        continue
                    }
                }
                var outcome = checkers.checker(worker).lint(record)
                if !baseline.isEmpty, case .checked(var lint) = outcome {
                    lint.findings.removeAll { baseline.contains(Self.baselineKey(recordID: lint.id, finding: $0)) }
                    outcome = .checked(lint)
                }
                results.set(index, Checked(outcome: outcome, metadata: record.metadata, textBytes: record.bytes.count,
                                           rendered: render.map { $0(outcome) }))
                index += workers
            }
        }
        return results.values
    }
}

/// The checkers of one run; worker N only ever uses checker N, so sharing the list is safe.
private final class CheckerSet: @unchecked Sendable {
    private let checkers: [Checker]
    init(_ checkers: [Checker]) { self.checkers = checkers }
    func checker(_ worker: Int) -> Checker { checkers[worker] }
}

/// One slot per record; each worker writes only its own slots.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [AuditRunner.Checked?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: AuditRunner.Checked) { lock.lock(); slots[index] = value; lock.unlock() }
    var values: [AuditRunner.Checked] { slots.map { $0! } }
}
