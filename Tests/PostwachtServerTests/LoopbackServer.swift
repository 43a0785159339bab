import Foundation
import Hummingbird
import Logging
import LoopbackHTTP
@testable import PostwachtServer

/// Runs the service on a free loopback port for one test and sends it real HTTP/1.1 requests, with the
/// project's own small client: no HummingbirdTesting, whose AsyncHTTPClient would bring a TLS stack
/// into every `swift test`.
enum LoopbackServer {
    struct NotStarted: Error, CustomStringConvertible {
        var description: String { "the service did not start listening" }
    }

    static func run<T: Sendable>(service: CheckService, settings: ServerSettings,
                                 _ body: @Sendable (LoopbackClient) async throws -> T) async throws -> T {
        var settings = settings
        settings.port = 0
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        settings.onServerRunning = { port in announce.yield(port) }
        var logger = Logger(label: "postwacht-test")
        // Stopping the server by cancelling its task makes Hummingbird log the cancellation as errors.
        logger.logLevel = .critical
        let app = buildApplication(service: service, settings: settings, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                defer { announce.finish() }
                try await app.runService(gracefulShutdownSignals: [])
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.next().map { _ in () }  // rethrows why it did not start
                throw NotStarted()
            }
            defer { group.cancelAll() }
            return try await body(LoopbackClient(port: port))
        }
    }
}

/// Requests to the test server, each on a connection of its own (run on a thread of its own: the
/// socket calls block).
struct LoopbackClient: Sendable {
    let port: Int

    struct Response: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    @discardableResult
    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Response {
        let target = HTTPConnection.Target(host: "127.0.0.1", port: UInt16(port))
        let fields = headers.map { ($0.name.rawName, $0.value) } + [("Connection", "close")]
        let bytes = body.map { Array($0.readableBytesView) }
        let answer = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPConnection.Response, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try HTTPConnection(target: target).send(method: method.rawValue, path: uri, headers: fields, body: bytes) })
            }
        }
        var responseHeaders = HTTPFields()
        for (name, value) in answer.headers {
            // HTTPField itself is not re-exported by Hummingbird: its name's initializer is reached by inference.
            responseHeaders[.init(name)!] = value
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: responseHeaders, body: ByteBuffer(bytes: answer.body))
    }

    @discardableResult
    func execute<T>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                    _ test: (Response) async throws -> T) async throws -> T {
        try await test(execute(uri: uri, method: method, headers: headers, body: body))
    }
}
