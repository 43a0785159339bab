import Foundation

/// Batches from the reading thread to the checking ones; `put` waits while `capacity` batches are
/// waiting, so a fast reader cannot fill memory.
final class BatchQueue: @unchecked Sendable {
    private var batches: [AuditRunner.Batch] = []
    private var closed = false
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) { self.capacity = capacity }

    func put(_ batch: AuditRunner.Batch) {
        condition.lock()
        while batches.count >= capacity { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The oldest waiting batch, or nil once the reader is done and every batch taken.
    func take() -> AuditRunner.Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }
}

/// Checked batches, handed out strictly in sequence. A checker that runs ahead of the output by
/// `window` batches waits, so memory stays flat when output is slow; the batch the output waits for
/// is always let in, so that wait cannot deadlock.
final class OrderedBatches: @unchecked Sendable {
    private var waiting: [Int: AuditRunner.CheckedBatch] = [:]
    private var next = 0
    private var total: Int?
    private let window: Int
    private let condition = NSCondition()

    init(window: Int) { self.window = window }

    func put(_ done: AuditRunner.CheckedBatch) {
        condition.lock()
        while done.batch.sequence >= next + window { condition.wait() }
        waiting[done.batch.sequence] = done
        condition.broadcast()
        condition.unlock()
    }

    /// The reader sent `batches` batches in all.
    func finish(batches: Int) {
        condition.lock()
        total = batches
        condition.broadcast()
        condition.unlock()
    }

    /// Batch `sequence` once checked, or nil after the last one.
    func take(_ sequence: Int) -> AuditRunner.CheckedBatch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting[sequence] == nil {
            if let total, sequence >= total { return nil }
            condition.wait()
        }
        next = sequence + 1
        condition.broadcast()
        return waiting.removeValue(forKey: sequence)
    }
}

/// Batches already handed on, freed by a checking thread rather than the output one. The memory was
/// allocated on the checking threads; freeing it there lets the allocator reuse it at once, where
/// freeing it on the output thread costs that thread a lock per block and starves nobody of work.
final class Disposal: @unchecked Sendable {
    private var batches: [AuditRunner.CheckedBatch] = []
    private let lock = NSLock()

    func add(_ batch: AuditRunner.CheckedBatch) {
        lock.lock()
        batches.append(batch)
        lock.unlock()
    }

    /// Frees what waits, on the calling thread.
    func dispose() {
        lock.lock()
        let waiting = batches
        batches.removeAll()
        lock.unlock()
        withExtendedLifetime(waiting) {}
    }
}
