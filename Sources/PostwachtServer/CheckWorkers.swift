import Foundation

/// Runs checks on threads of their own, at most `count` at once; a check that finds them all busy waits
/// its turn for at most `maximumWait`, then is refused without running.
///
/// A check is CPU-bound for up to seconds on a large post. Run inside an async handler it would hold one of
/// Swift's cooperative threads (one per core), and a few large posts would stall every other request,
/// /healthz included, and the admission logic itself. Here the handler only waits on a continuation.
/// Short waits are what keep a burst of small drafts from being refused: each takes well under a
/// millisecond, so refusing whenever `count` run at once would shed load the server can easily take.
final class CheckWorkers: Sendable {
    let count: Int
    let maximumWait: Duration
    private let jobs: JobQueue

    init(count: Int, maximumWait: Duration) {
        self.count = count
        self.maximumWait = maximumWait
        jobs = JobQueue(threadLimit: count)
    }

    // The threads hold only the queue, so they end when the application that owns this is released.
    deinit { jobs.close() }

    /// The value of `work`, run on a worker thread; nil without running it when no thread took it
    /// within `maximumWait`.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let jobs = jobs  // nothing queued may hold `self`, or the threads would keep it alive
        let deadline = DispatchTime.now() + maximumWait / .seconds(1)
        return await withCheckedContinuation { continuation in
            let ticket = jobs.submit(run: { continuation.resume(returning: work()) },
                                     expire: { continuation.resume(returning: nil) })
            DispatchQueue.global().asyncAfter(deadline: deadline) { jobs.expire(ticket) }
        }
    }
}

/// Waiting jobs and the threads that take them, under one condition lock. A job leaves the queue
/// exactly once: taken by a thread (then it runs) or expired (then it is refused), never both.
private final class JobQueue: @unchecked Sendable {
    private struct Job {
        var ticket: UInt64
        var run: @Sendable () -> Void
        var expire: @Sendable () -> Void
    }

    private let condition = NSCondition()
    private let threadLimit: Int
    private var threads = 0
    private var idleThreads = 0
    private var waiting: [Job] = []
    private var nextTicket: UInt64 = 0
    private var closed = false

    init(threadLimit: Int) { self.threadLimit = threadLimit }

    func submit(run: @escaping @Sendable () -> Void, expire: @escaping @Sendable () -> Void) -> UInt64 {
        condition.lock()
        nextTicket += 1
        let ticket = nextTicket
        waiting.append(Job(ticket: ticket, run: run, expire: expire))
        // More jobs waiting than threads asleep: wake one and add a thread, up to the limit.
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
        return ticket
    }

    /// Refuses the job if it is still waiting; does nothing once a thread has taken it.
    func expire(_ ticket: UInt64) {
        condition.lock()
        let index = waiting.firstIndex { $0.ticket == ticket }
        let job = index.map { waiting.remove(at: $0) }
        condition.unlock()
        job?.expire()
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
                job.run()
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
