import Foundation

/// Runs checks on threads of their own, at most `count` at once, and says no at once when all are busy.
///
/// A check is CPU-bound for up to seconds on a large post. Run inside an async handler it would hold one of
/// Swift's cooperative threads (one per core), and a few large posts would stall every other request,
/// /healthz included, and the admission logic itself. Here the handler only waits on a continuation.
final class CheckWorkers: Sendable {
    let count: Int
    private let jobs: JobQueue

    init(count: Int) {
        self.count = count
        jobs = JobQueue(threadLimit: count)
    }

    // The threads hold only the queue, so they end when the application that owns this is released.
    deinit { jobs.close() }

    /// The value of `work`, run on a worker thread; nil without running it when `count` checks are running.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        guard jobs.reserve() else { return nil }
        let jobs = jobs  // the job must not hold `self`, or the threads would keep it alive
        return await withCheckedContinuation { continuation in
            jobs.submit {
                let value = work()
                // Free the slot before answering, so a client that sends its next request on the answer finds it free.
                jobs.free()
                continuation.resume(returning: value)
            }
        }
    }
}

/// Reserved slots, queued jobs and the threads that take them, under one condition lock.
private final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private let threadLimit: Int
    private var reserved = 0
    private var threads = 0
    private var idleThreads = 0
    private var waiting: [@Sendable () -> Void] = []
    private var closed = false

    init(threadLimit: Int) { self.threadLimit = threadLimit }

    func reserve() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard reserved < threadLimit else { return false }
        reserved += 1
        return true
    }

    func free() {
        condition.lock()
        reserved -= 1
        condition.unlock()
    }

    /// Queues a job whose slot is reserved; the job frees it. There are never more reserved jobs than
    /// threads, so a job waits only for a thread to wake, never for another job.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        waiting.append(job)
        // Jobs not yet taken outnumber threads asleep: wake them all and add one, up to the limit.
        let spawn = waiting.count > idleThreads && threads < threadLimit
        if spawn { threads += 1 }
        condition.signal()
        condition.unlock()
        if spawn {
            // Threads start on first use: a server that is never sent a check starts none.
            let thread = Thread { [self] in work() }
            thread.name = "postwacht-check"
            thread.start()
        }
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        condition.lock()
        while true {
            if !waiting.isEmpty {
                let job = waiting.removeFirst()
                condition.unlock()
                job()
                condition.lock()
                continue
            }
            if closed { break }
            idleThreads += 1
            condition.wait()
            idleThreads -= 1
        }
        threads -= 1
        condition.unlock()
    }
}
