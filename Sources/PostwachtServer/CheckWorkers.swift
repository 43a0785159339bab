import Foundation

/// Runs checks, at most `count` at once; a check that finds them all busy waits its turn for at most
/// `maximumWait`, then is refused without running.
///
/// A check is CPU-bound for up to seconds on a large post. Run inside an async handler it would hold one of
/// Swift's cooperative threads (one per core), and a few large posts would stall every other request,
/// /healthz included, and the admission logic itself. So large checks run on threads of their own and the
/// handler only waits on a continuation. A small draft takes tens of microseconds, less than the two
/// thread hops and the expiry timer that would cost: when a slot is free at once it runs where it is.
/// Short waits are what keep a burst of small drafts from being refused: refusing whenever `count` run at
/// once would shed load the server can easily take.
final class CheckWorkers: Sendable {
    let count: Int
    let maximumWait: Duration
    private let jobs: JobQueue

    init(count: Int, maximumWait: Duration) {
        self.count = count
        self.maximumWait = maximumWait
        jobs = JobQueue(limit: count)
    }

    // The threads hold only the queue, so they end when the application that owns this is released.
    deinit { jobs.close() }

    /// Checks waiting for a slot now (tests use it to know a request has queued before freeing a slot).
    var waitingCount: Int { jobs.waitingCount }

    /// The value of `work`, or nil without running it when no slot was free within `maximumWait`.
    /// `inline` allows running it on the calling thread when a slot is free at once (small checks only).
    func run<T: Sendable>(inline: Bool = false, _ work: @escaping @Sendable () -> T) async -> T? {
        let jobs = jobs  // nothing queued may hold `self`, or the threads would keep it alive
        if inline, jobs.claimSlotAtOnce() {
            defer { jobs.releaseSlot() }
            return work()
        }
        let deadline = DispatchTime.now() + maximumWait / .seconds(1)
        return await withCheckedContinuation { continuation in
            let ticket = jobs.submit(run: { continuation.resume(returning: work()) },
                                     expire: { continuation.resume(returning: nil) })
            // Only a job that had to wait needs a clock to refuse it.
            if let ticket { DispatchQueue.global().asyncAfter(deadline: deadline) { jobs.expire(ticket) } }
        }
    }
}

/// Waiting jobs, the threads that take them and the checks running anywhere, under one condition lock.
/// At most `limit` jobs run at once, on the threads or inline. A job leaves the queue exactly once: taken
/// by a thread (then it runs) or expired (then it is refused), never both.
private final class JobQueue: @unchecked Sendable {
    private struct Job {
        var ticket: UInt64
        var run: @Sendable () -> Void
        var expire: @Sendable () -> Void
    }

    private let condition = NSCondition()
    private let limit: Int
    private var threads = 0
    private var idleThreads = 0
    private var running = 0
    private var waiting: [Job] = []
    private var nextTicket: UInt64 = 0
    private var closed = false

    init(limit: Int) { self.limit = limit }

    var waitingCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count
    }

    /// Takes a slot when one is free and nobody waits for one (waiting jobs go first).
    func claimSlotAtOnce() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard running < limit, waiting.isEmpty else { return false }
        running += 1
        return true
    }

    /// Gives back a slot taken with `claimSlotAtOnce`; a waiting job may run now.
    func releaseSlot() {
        condition.lock()
        running -= 1
        if !waiting.isEmpty { condition.signal() }
        condition.unlock()
    }

    /// Queues a job for a thread. Returns its ticket while it waits, or nil when a thread took it at once
    /// (it cannot expire then).
    func submit(run: @escaping @Sendable () -> Void, expire: @escaping @Sendable () -> Void) -> UInt64? {
        condition.lock()
        nextTicket += 1
        let ticket = nextTicket
        let startsAtOnce = running < limit && waiting.isEmpty
        waiting.append(Job(ticket: ticket, run: run, expire: expire))
        // More jobs waiting than threads asleep: wake one and add a thread, up to the limit.
        let spawn = waiting.count > idleThreads && threads < limit
        if spawn { threads += 1 }
        condition.signal()
        condition.unlock()
        if spawn {
            // Threads start on first use: a server that is only sent small checks may start none.
            // Named from inside: on Linux, Foundation drops a name set before start (ps, perf and
            // the tests tell check threads by it).
            let thread = Thread { [self] in
                Thread.current.name = "postwacht-check"
                work()
            }
            thread.start()
        }
        return startsAtOnce ? nil : ticket
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
            if !waiting.isEmpty && running < limit {
                let job = waiting.removeFirst()
                running += 1
                condition.unlock()
                job.run()
                condition.lock()
                running -= 1
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
