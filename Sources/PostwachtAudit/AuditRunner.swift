import Dispatch
import Foundation
import PostwachtCore

/// What the audit says about one input record, in input order.
public enum AuditOutcome: Sendable {
    case checked(LintResult, source: String, metadata: RecordMetadata)
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

    public init(linter: Linter, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 512,
                baseline: Set<String> = []) throws {
        checkers = try (0..<max(1, jobs)).map { _ in try linter.makeChecker() }
        self.batchSize = batchSize
        self.baseline = baseline
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
        var batch: [(record: Record, source: String)] = []
        var pendingFailures: [(position: Int, failure: ImportFailure)] = []

        func flush() {
            let results = check(batch.map(\.record))
            var failureIndex = 0
            for (index, result) in results.enumerated() {
                while failureIndex < pendingFailures.count, pendingFailures[failureIndex].position <= index {
                    outcome(.failed(pendingFailures[failureIndex].failure))
                    totals.failed += 1
                    failureIndex += 1
                }
                switch result {
                case .checked(var lint):
                    if !baseline.isEmpty {
                        lint.findings.removeAll { baseline.contains(Self.baselineKey(recordID: lint.id, finding: $0)) }
                    }
                    totals.findings += lint.findings.count
                    outcome(.checked(lint, source: batch[index].source, metadata: batch[index].record.metadata))
                case .failed(let id, let error):
                    totals.failed += 1
                    outcome(.failed(ImportFailure(id: id, source: batch[index].source, code: error.code, message: error.message)))
                }
                totals.records += 1
                totals.textBytes += batch[index].record.bytes.count
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
                    batch.append((record, source))
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

    /// Checks a batch on all checkers at once; results in input order.
    private func check(_ records: [Record]) -> [RecordOutcome] {
        guard !records.isEmpty else { return [] }
        let results = ResultSlots(count: records.count)
        let workers = min(checkers.count, records.count)
        let checkers = CheckerSet(self.checkers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < records.count {
                results.set(index, checkers.checker(worker).lint(records[index]))
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
    private var slots: [RecordOutcome?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: RecordOutcome) { lock.lock(); slots[index] = value; lock.unlock() }
    var values: [RecordOutcome] { slots.map { $0! } }
}
