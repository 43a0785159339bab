import Foundation
import Hummingbird
import PostwachtCore
import XCTest
@testable import PostwachtServer

/// Admission under load, without timing assertions: the first check is held on its thread until the test
/// has sent the others, so which requests find the limits full is certain.
final class LoadSheddingTests: XCTestCase {
    private static let body = ByteBuffer(string: #"{"text": "wat een kutdag"}"#)

    /// Holds the first check until `release`; later checks pass straight through.
    private final class Gate: @unchecked Sendable {
        private let lock = NSLock()
        private var held = false
        let running = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)

        func pass() {
            lock.lock()
            let first = !held
            held = true
            lock.unlock()
            guard first else { return }
            running.signal()
            release.wait()
        }

        /// Waits off the cooperative threads until the first check is held.
        func untilRunning() async {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { [running] in
                    running.wait()
                    continuation.resume()
                }
            }
        }
    }

    private func serve(maximumPending: Int, maximumConcurrent: Int, timeBudget: Duration = .seconds(60), gate: Gate,
                       _ body: @Sendable (LoopbackClient) async throws -> Void) async throws {
        var settings = ServerSettings()
        settings.maximumPendingChecks = maximumPending
        settings.beforeCheck = { gate.pass() }
        let service = CheckService(resources: ServerTests.resources, options: LintOptions(), maximumConcurrentChecks: maximumConcurrent,
                                   timeBudget: timeBudget)
        try await LoopbackServer.run(service: service, settings: settings, body)
    }

    /// Status, error code and Retry-After of one check request.
    private static func check(_ client: LoopbackClient) async throws -> (HTTPResponse.Status, String?, String?) {
        try await client.execute(uri: "/v1/check", method: .post, body: body) { response in
            let error = (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["error"] as? [String: String]
            return (response.status, error?["code"], response.headers[.retryAfter])
        }
    }

    func testRequestsBeyondThePendingLimitAreRefusedWhileOneRuns() async throws {
        let gate = Gate()
        try await serve(maximumPending: 1, maximumConcurrent: 1, gate: gate) { client in
            defer { gate.release.signal() }  // never leave the first check held when an assertion throws
            async let first = Self.check(client)
            await gate.untilRunning()
            let second = try await Self.check(client)
            let third = try await Self.check(client)
            gate.release.signal()
            let (status, _, _) = try await first
            XCTAssertEqual(status, .ok)
            for (status, code, retryAfter) in [second, third] {
                XCTAssertEqual(status, .serviceUnavailable)
                XCTAssertEqual(code, "server.busy")
                XCTAssertEqual(retryAfter, "1")
            }
            let (after, _, _) = try await Self.check(client)
            XCTAssertEqual(after, .ok, "the slot is free again once the first check is answered")
        }
    }

    func testARequestWaitingForACheckerLongerThanTheBudgetIsRefused() async throws {
        let gate = Gate()
        // The first check is held until the second is answered, so the second cannot but wait past the budget.
        try await serve(maximumPending: 64, maximumConcurrent: 1, timeBudget: .milliseconds(50), gate: gate) { client in
            defer { gate.release.signal() }
            async let first = Self.check(client)
            await gate.untilRunning()
            let (status, code, retryAfter) = try await Self.check(client)
            XCTAssertEqual(status, .serviceUnavailable)
            XCTAssertEqual(code, "server.time-budget")
            XCTAssertEqual(retryAfter, "1")
            try await client.execute(uri: "/healthz", method: .get) { response in
                XCTAssertEqual(response.status, .ok, "health answers while a check holds every checker")
            }
            gate.release.signal()
            let (firstStatus, _, _) = try await first
            XCTAssertEqual(firstStatus, .ok)
        }
    }

    func testARequestWaitingForACheckerWithinTheBudgetIsAnswered() async throws {
        let gate = Gate()
        try await serve(maximumPending: 64, maximumConcurrent: 1, gate: gate) { client in
            defer { gate.release.signal() }
            async let first = Self.check(client)
            await gate.untilRunning()
            async let second = Self.check(client)
            gate.release.signal()
            let statuses = try await [first.0, second.0]
            XCTAssertEqual(statuses, [.ok, .ok], "a burst beyond the concurrency limit waits instead of being refused")
        }
    }

    func testChecksRunSideBySideUpToTheLimit() async throws {
        // Two checks held at once under a limit of two: neither refused, both answered once released.
        let bothRunning = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        var settings = ServerSettings()
        settings.beforeCheck = { bothRunning.signal(); release.wait() }
        let service = CheckService(resources: ServerTests.resources, options: LintOptions(), maximumConcurrentChecks: 2)
        try await LoopbackServer.run(service: service, settings: settings) { client in
            async let first = Self.check(client)
            async let second = Self.check(client)
            // The wait is bounded only so that a server running checks one by one fails instead of hanging.
            let sawBoth = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    let both = bothRunning.wait(timeout: .now() + 60) == .success && bothRunning.wait(timeout: .now() + 60) == .success
                    release.signal()
                    release.signal()
                    continuation.resume(returning: both)
                }
            }
            XCTAssertTrue(sawBoth, "the second check started while the first was still running")
            let statuses = try await [first.0, second.0]
            XCTAssertEqual(statuses, [.ok, .ok])
        }
    }

    func testASmallCheckRunsWhereItIsOnlyWhenASlotIsFree() async throws {
        let workers = CheckWorkers(count: 1, maximumWait: .seconds(60))
        // The kernel's name of the running thread (Thread.current.name is not reliable on Linux).
        let onCheckThread: @Sendable () -> Bool = {
            (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?.hasPrefix("postwacht-check") == true
        }
        let inlineFree = await workers.run(inline: true, onCheckThread)
        XCTAssertEqual(inlineFree, false, "a free slot: run on the calling thread")
        let queued = await workers.run(inline: false, onCheckThread)
        XCTAssertEqual(queued, true, "not inline: a check thread")
        // The only slot held on a check thread: an inline request waits for it, on a check thread.
        let running = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        async let held = workers.run(inline: false) { running.signal(); release.wait(); return true }
        await withCheckedContinuation { continuation in DispatchQueue.global().async { running.wait(); continuation.resume() } }
        async let waited = workers.run(inline: true, onCheckThread)
        // Free the slot only once the inline request has queued: released earlier, it would find the slot free.
        while workers.waitingCount == 0 { try await Task.sleep(for: .milliseconds(1)) }
        release.signal()
        let (first, second) = await (held, waited)
        XCTAssertEqual(first, true)
        XCTAssertEqual(second, true, "with every slot taken, a small check queues like any other")
    }
}
