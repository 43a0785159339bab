import Foundation
import Glibc
import Hummingbird
import PostwachtCore
import XCTest
@testable import PostwachtServer

/// What a real socket sees: idle and slow connections closed, CORS, and a readable bind error. These run
/// a live server on a free loopback port.
final class ConnectionTests: XCTestCase {
    private func settings(idleTimeout: Duration = .seconds(10), corsOrigins: [String] = [], port: Int = 0) -> ServerSettings {
        var settings = ServerSettings()
        settings.port = port
        settings.idleTimeout = idleTimeout
        settings.bodyTimeout = idleTimeout
        settings.corsOrigins = corsOrigins
        return settings
    }

    private static let service = CheckService(resources: ServerTests.resources, options: LintOptions(), maximumConcurrentChecks: 2)

    private func serve(idleTimeout: Duration = .seconds(10), corsOrigins: [String] = [], _ body: @Sendable (LoopbackClient) async throws -> Void) async throws {
        try await LoopbackServer.run(service: Self.service, settings: settings(idleTimeout: idleTimeout, corsOrigins: corsOrigins), body)
    }

    /// A TCP connection to 127.0.0.1:port, with reads that give up after `readTimeout` seconds.
    private final class RawConnection {
        let descriptor: Int32

        init(port: Int, readTimeout: Int = 30) throws {
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(descriptor) }

        /// False once the server has closed the connection (send fails).
        @discardableResult
        func send(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
        }

        /// Everything the server sends until it closes the connection; nil when the read timed out first.
        func readToEnd() -> String? {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0 { received += chunk[0..<count]; continue }
                if count == 0 || errno == ECONNRESET { return String(decoding: received, as: UTF8.self) }
                return nil  // EAGAIN: still open when the read timeout ran out
            }
        }
    }

    /// Sends `piece(i)` every 100 ms, up to 100 times; whether the connection was still open at the end.
    private static func trickle(_ connection: RawConnection, _ piece: (Int) -> String) async throws -> Bool {
        for index in 0..<100 {
            try await Task.sleep(for: .milliseconds(100))
            if !connection.send(piece(index)) { return false }
        }
        return true
    }

    func testAConnectionSendingItsHeadersSlowlyIsClosed() async throws {
        try await serve(idleTimeout: .milliseconds(300)) { client in
            // Slowloris: a header line every 100 ms, each one in time, but the head never ends.
            let slow = try RawConnection(port: client.port)
            slow.send("POST /v1/check HTTP/1.1\r\nHost: localhost\r\n")
            let stillOpen = try await Self.trickle(slow) { "X-Slow-\($0): 1\r\n" }
            XCTAssertFalse(stillOpen, "a head still incomplete after ten idle timeouts was kept open")
            // An idle connection that never sends a byte is closed too.
            let idle = try RawConnection(port: client.port)
            XCTAssertNotNil(idle.readToEnd(), "an idle connection was kept open for 30 s")
        }
    }

    func testABodyThatDoesNotArriveIsAnswered408() async throws {
        try await serve(idleTimeout: .milliseconds(300)) { client in
            // One body byte every 100 ms: never idle, but never done either.
            let slow = try RawConnection(port: client.port)
            slow.send("POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n")
            let stillOpen = try await Self.trickle(slow) { _ in " " }
            XCTAssertFalse(stillOpen, "a body trickling in for ten timeouts was still being read")
            XCTAssertTrue(slow.readToEnd()?.contains("request.timeout") ?? true, "if anything was answered, it was 408 request.timeout")
        }
    }

    func testAKeepAliveConnectionInUseIsNotClosed() async throws {
        try await serve(idleTimeout: .milliseconds(500)) { client in
            // Requests on one connection, each sooner than the idle timeout: all answered.
            let connection = try RawConnection(port: client.port)
            for _ in 0..<4 {
                connection.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                try await Task.sleep(for: .milliseconds(250))
            }
            connection.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            let answers = connection.readToEnd() ?? ""
            XCTAssertEqual(answers.components(separatedBy: "HTTP/1.1 200 OK").count - 1, 5, answers)
        }
    }

    func testCORSOnlyForTheOriginsGiven() async throws {
        let preflight: HTTPFields = [.origin: "https://school.example", .accessControlRequestMethod: "POST",
                                     .accessControlRequestHeaders: "authorization, content-type"]
        try await serve(corsOrigins: ["https://school.example"]) { client in
            try await client.execute(uri: "/v1/check", method: .options, headers: preflight) { response in
                XCTAssertEqual(response.status, .noContent)
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://school.example")
                XCTAssertEqual(response.headers[.accessControlAllowMethods], "POST")
                XCTAssertEqual(response.headers[.accessControlAllowHeaders], "Authorization, Content-Type")
                XCTAssertEqual(response.headers[.vary], "Origin")
            }
            try await client.execute(uri: "/v1/check", method: .post, headers: [.origin: "https://school.example"],
                                     body: ByteBuffer(string: #"{"text": "x"}"#)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://school.example")
            }
            try await client.execute(uri: "/v1/check", method: .post, headers: [.origin: "https://elders.example"],
                                     body: ByteBuffer(string: #"{"text": "x"}"#)) { response in
                XCTAssertNil(response.headers[.accessControlAllowOrigin], "another origin gets no CORS headers")
            }
            var other = preflight
            other[.origin] = "https://elders.example"
            try await client.execute(uri: "/v1/check", method: .options, headers: other) { response in
                XCTAssertEqual(response.status, .methodNotAllowed, "another origin's preflight is not answered")
            }
        }
        try await serve() { client in
            try await client.execute(uri: "/v1/check", method: .options, headers: preflight) { response in
                XCTAssertEqual(response.status, .methodNotAllowed, "without --cors-origin there is no CORS")
                XCTAssertNil(response.headers[.accessControlAllowOrigin])
            }
        }
    }

    func testAPortInUseIsSaidInWords() async throws {
        // Hold a port with a listening socket of our own, then start the service on it.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        XCTAssertEqual(listen(holder, 1), 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        do {
            try await buildApplication(service: Self.service, settings: settings(port: port)).runService(gracefulShutdownSignals: [])
            XCTFail("the service started on a port in use")
        } catch {
            let reason = describeStartupError(error, host: "127.0.0.1", port: port)
            XCTAssertEqual(reason, "port \(port) is already in use on 127.0.0.1 (another postwacht serve?); stop it or choose another port with --port")
        }
    }
}
