import AsyncHTTPClient
import Foundation
import NIOCore
import PostwachtCore

/// `postwacht-bench load`: drives a running `postwacht serve` at a fixed request rate with ~1 KB drafts
/// from the benchmark corpus and prints throughput, latency percentiles and errors.
enum LoadTest {
    struct Settings {
        var url = "http://127.0.0.1:8787/v1/check"
        var rate = 2000
        var seconds = 10
        var draftBytes = 1024
        var connections = 32
    }

    static func parse(_ arguments: [String]) -> Settings {
        var settings = Settings()
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--url": settings.url = value
            case "--rate": settings.rate = Int(value) ?? settings.rate
            case "--seconds": settings.seconds = Int(value) ?? settings.seconds
            case "--bytes": settings.draftBytes = Int(value) ?? settings.draftBytes
            case "--connections": settings.connections = Int(value) ?? settings.connections
            default:
                FileHandle.standardError.write(Data("postwacht-bench load: unknown option \(argument); options: --url --rate --seconds --bytes --connections\n".utf8))
                exit(2)
            }
        }
        return settings
    }

    static func run(_ settings: Settings) async throws {
        let drafts = makeDrafts(bytes: settings.draftBytes)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: settings.connections)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let total = settings.rate * settings.seconds
        let interval = Duration.nanoseconds(1_000_000_000 / max(settings.rate, 1))
        let started = ContinuousClock.now
        let recorder = Recorder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<total {
                // Open loop: requests leave on schedule whether or not earlier ones have returned.
                let due = started + interval * index
                if due > ContinuousClock.now { try await Task.sleep(until: due, clock: .continuous) }
                let body = drafts[index % drafts.count]
                group.addTask {
                    let sent = ContinuousClock.now
                    var request = HTTPClientRequest(url: settings.url)
                    request.method = .POST
                    request.headers.add(name: "Content-Type", value: "application/json")
                    request.body = .bytes(ByteBuffer(bytes: body))
                    do {
                        let response = try await client.execute(request, timeout: .seconds(10))
                        _ = try await response.body.collect(upTo: 1 << 22)
                        recorder.record(ContinuousClock.now - sent, response.status.code)
                    } catch {
                        recorder.record(ContinuousClock.now - sent, nil)
                    }
                }
            }
            try await group.waitForAll()
        }
        var (latencies, statuses, failures) = recorder.results
        let elapsed = ContinuousClock.now - started
        try await client.shutdown()
        latencies.sort()
        func percentile(_ p: Double) -> String {
            guard !latencies.isEmpty else { return "-" }
            let value = latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
            return String(format: "%.2f ms", Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000)
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "load: %d requests of %d-byte drafts at %d/s target in %.1f s = %.0f requests/s", latencies.count, settings.draftBytes, settings.rate, seconds, Double(latencies.count) / seconds))
        print("latency p50 \(percentile(0.50))  p90 \(percentile(0.90))  p99 \(percentile(0.99))  max \(percentile(1.0))")
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

/// Latencies and statuses from many concurrent requests.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var latencies: [Duration] = []
    private var statuses: [UInt: Int] = [:]
    private var failures = 0

    func record(_ latency: Duration, _ status: UInt?) {
        lock.lock()
        defer { lock.unlock() }
        latencies.append(latency)
        if let status { statuses[status, default: 0] += 1 } else { failures += 1 }
    }

    var results: ([Duration], [UInt: Int], Int) {
        lock.lock()
        defer { lock.unlock() }
        return (latencies, statuses, failures)
    }
}
