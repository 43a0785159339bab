import Foundation
import LoopbackHTTP
import PostwachtCore

/// `postwacht-bench load`: drives a running `postwacht serve` at a fixed request rate with ~1 KB drafts
/// from the benchmark corpus and prints throughput, latency percentiles and errors.
///
/// Open loop: request i is due at start + i / rate whether or not earlier ones have returned. Each of
/// `connections` threads owns one keep-alive connection and takes the next due request when it is
/// free; a request's latency runs from when it was due to when its response was read, so a request
/// that had to wait for a free connection counts that wait (no coordinated omission).
enum LoadTest {
    struct Settings {
        var url = "http://127.0.0.1:8787/v1/check"
        var rate = 2000
        var seconds = 10
        var draftBytes = 1024
        var connections = 8
    }

    static func parse(_ arguments: [String]) -> Settings {
        var settings = Settings()
        var iterator = arguments.makeIterator()
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("postwacht-bench load: \(message); options: --url http://HOST:PORT/v1/check --rate N --seconds N --bytes N --connections N\n".utf8))
            exit(2)
        }
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            func number() -> Int {
                guard let number = Int(value), number > 0 else { fail("\(argument) needs a whole number above 0, not '\(value)'") }
                return number
            }
            switch argument {
            case "--url": settings.url = value
            case "--rate": settings.rate = number()
            case "--seconds": settings.seconds = number()
            case "--bytes": settings.draftBytes = number()
            case "--connections": settings.connections = number()
            default: fail("unknown option \(argument)")
            }
        }
        if HTTPConnection.Target(url: settings.url) == nil { fail("--url must be http://host[:port]/path, not '\(settings.url)'") }
        return settings
    }

    static func run(_ settings: Settings) {
        let target = HTTPConnection.Target(url: settings.url)!  // checked in parse()
        let drafts = makeDrafts(bytes: settings.draftBytes)
        let total = settings.rate * settings.seconds
        let schedule = Schedule(total: total, interval: 1_000_000_000 / UInt64(settings.rate))
        let recorder = Recorder()
        let finished = DispatchGroup()
        for _ in 0..<settings.connections {
            finished.enter()
            let thread = Thread {
                Thread.current.name = "load-connection"  // from inside: Linux drops a name set before start
                let connection = HTTPConnection(target: target)
                while let (index, due) = schedule.next() {
                    Schedule.sleep(until: due)
                    let sent = Schedule.now()
                    let status = try? connection.post(drafts[index % drafts.count])
                    let done = Schedule.now()
                    recorder.record(fromDue: done - due, fromSent: done - sent, status)
                }
                finished.leave()
            }
            thread.start()
        }
        finished.wait()
        let (fromDue, fromSent, statuses, failures) = recorder.results
        let seconds = Double(Schedule.now() - schedule.start) / 1e9
        func percentiles(_ values: [UInt64]) -> String {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return "-" }
            return [("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0)].map { name, p in
                "\(name) " + String(format: "%.2f ms", Double(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) / 1e6)
            }.joined(separator: "  ")
        }
        print(String(format: "load: %d requests of %d-byte drafts at %d/s target over %d connections in %.1f s = %.0f requests/s",
                     fromDue.count, settings.draftBytes, settings.rate, settings.connections, seconds, Double(fromDue.count) / seconds))
        print("latency \(percentiles(fromDue))  (from when each request was due)")
        print("latency \(percentiles(fromSent))  (from when each request was sent: without waiting for a free connection)")
        print("status: " + statuses.sorted { $0.key < $1.key }.map { "\($0.key) × \($0.value)" }.joined(separator: ", ") + (failures > 0 ? ", connection errors × \(failures)" : ""))
    }

    /// JSON bodies for /v1/check with drafts of about `bytes` UTF-8 bytes each.
    static func makeDrafts(bytes: Int) -> [[UInt8]] {
        var generator = SplitMix(seed: 7)
        var pool = BenchmarkCorpus.generate(bytes: 200_000).map { String(decoding: $0.bytes, as: UTF8.self) }
        pool.shuffle(using: &generator)
        var drafts: [[UInt8]] = []
        var current = ""
        for text in pool {
            current += text
            guard current.utf8.count >= bytes else { continue }
            let object = ["text": String(current.prefix(bytes)), "author_role": "staff"]
            drafts.append(Array(try! JSONSerialization.data(withJSONObject: object)))
            current = ""
        }
        return drafts
    }
}

/// Hands out request numbers and their due times (CLOCK_MONOTONIC nanoseconds) to the connection threads.
final class Schedule: @unchecked Sendable {
    let start: UInt64
    private let total: Int
    private let interval: UInt64
    private let lock = NSLock()
    private var issued = 0

    init(total: Int, interval: UInt64) {
        self.total = total
        self.interval = interval
        start = Self.now() + 50_000_000  // the threads are all started before the first request is due
    }

    func next() -> (Int, UInt64)? {
        lock.lock()
        defer { lock.unlock() }
        guard issued < total else { return nil }
        issued += 1
        return (issued - 1, start + UInt64(issued - 1) * interval)
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    static func sleep(until deadline: UInt64) {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
    }
}

/// Latencies (nanoseconds) and statuses from many concurrent requests; a nil status is a connection error.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var fromDue: [UInt64] = []
    private var fromSent: [UInt64] = []
    private var statuses: [Int: Int] = [:]
    private var failures = 0

    func record(fromDue due: UInt64, fromSent sent: UInt64, _ status: Int?) {
        lock.lock()
        defer { lock.unlock() }
        fromDue.append(due)
        fromSent.append(sent)
        if let status { statuses[status, default: 0] += 1 } else { failures += 1 }
    }

    var results: ([UInt64], [UInt64], [Int: Int], Int) {
        lock.lock()
        defer { lock.unlock() }
        return (fromDue, fromSent, statuses, failures)
    }
}
