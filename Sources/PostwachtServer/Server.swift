import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PostwachtCore

/// How `postwacht serve` runs: address, optional bearer token, limits.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port; the start-up log line names the one bound.
    public var port = 8787
    /// When set, every /v1/ request needs `Authorization: Bearer <token>`.
    public var token: String?
    public var maximumBodyBytes = 1 << 20
    /// Check requests accepted but not yet answered (reading their body or being checked); beyond this
    /// new ones get 503 at once, so overload sheds requests instead of queueing them without bound.
    public var maximumPendingChecks = 64
    /// A connection is closed when it has sent no complete request head for this long: idle keep-alive
    /// connections, and clients that send their headers byte by byte (slowloris).
    public var idleTimeout: Duration = .seconds(10)
    /// A check request whose body has not fully arrived this long after its head gets 408.
    public var bodyTimeout: Duration = .seconds(10)
    /// Check bodies up to this size run on the thread that handles the request when a slot is free:
    /// they take less time than handing them to a check thread and back.
    public var inlineCheckBytes = 16 * 1024
    /// Browser origins (`https://school.example`) that may call the API from a page; `*` for any.
    /// Empty: no CORS headers, and OPTIONS is 405 like any other method a route does not take.
    public var corsOrigins: [String] = []
    /// Called on the check thread before each check: tests hold a check there to fill the limits.
    var beforeCheck: (@Sendable () -> Void)?
    /// Called with the bound port once the server listens: tests start it on port 0 and learn the port here.
    var onServerRunning: (@Sendable (Int) -> Void)?

    public init() {}
}

/// Builds the service; `postwacht serve` runs it and tests drive it with HummingbirdTesting.
///
/// A check request is admitted or refused on arrival: 503 `server.busy` when `maximumPendingChecks`
/// requests are already in progress, so the queue is bounded. Admitted checks run on threads of their
/// own, at most `service.maximumConcurrentChecks` at once; one that finds them all busy waits for at most
/// `service.timeBudget`, then gets 503 `server.time-budget`. /healthz and /metrics answer at once however
/// long the checks take.
public func buildApplication(service: CheckService, settings: ServerSettings, logger: Logger = Logger(label: "postwacht")) -> some ApplicationProtocol {
    let metrics = ServiceMetrics()
    let pending = PendingLimit(limit: settings.maximumPendingChecks)
    let workers = CheckWorkers(count: service.maximumConcurrentChecks, maximumWait: service.timeBudget)
    let trimmer = MemoryTrimmer()
    let router = Router()
    router.add(middleware: RequestLogMiddleware(metrics: metrics))
    if !settings.corsOrigins.isEmpty { router.add(middleware: CORSOriginMiddleware(origins: Set(settings.corsOrigins))) }
    router.add(middleware: RouteFallbackMiddleware())
    if let token = settings.token { router.add(middleware: BearerTokenMiddleware(token: token)) }

    // GET routes answer HEAD too, as HTTP asks (load balancers probe /healthz that way): same handler, no body.
    func get(_ path: RouterPath, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        router.get(path, use: handler)
        router.head(path) { request, context in try await handler(request, context).createHeadResponse() }
    }
    get("/") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: Assets.demoPage)))
    }
    let openAPI = Assets.openAPI(policies: service.allowedValues.policies, channels: service.allowedValues.channels)
    get("/openapi.yaml") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
    get("/healthz") { _, _ in
        JSONBody.response(.ok, Health(status: "ok", rules: service.rulesInForce, icu: ICUVersion.string))
    }
    get("/metrics") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }
    get("/v1/policies") { _, _ in
        JSONBody.response(.ok, PoliciesResponse(service: service))
    }
    get("/v1/rules") { request, _ in
        let policy = request.uri.queryParameters["policy"].map(String.init)
        do { return JSONBody.response(.ok, try service.rules(policy: policy)) } catch let error as ServiceError { return JSONBody.error(error) }
    }
    router.post("/v1/check") { request, _ in
        guard pending.enter() else {
            return JSONBody.error(.busy("\(settings.maximumPendingChecks) check requests are already in progress; retry shortly"))
        }
        defer { pending.leave() }
        // A declared length over the limit is refused before reading a byte of it.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > settings.maximumBodyBytes {
            return JSONBody.error(.tooLarge(settings.maximumBodyBytes))
        }
        let body: ByteBuffer
        do {
            body = try await collect(request.body, upTo: settings.maximumBodyBytes, within: settings.bodyTimeout)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return JSONBody.error(.tooLarge(settings.maximumBodyBytes))
        } catch is BodyTimeout {
            var response = JSONBody.error(ServiceError(status: 408, code: "request.timeout",
                                                       message: "the request body did not arrive within \(settings.bodyTimeout)"))
            response.headers[.connection] = "close"
            return response
        } catch {
            return JSONBody.error(.invalid("request.unreadable-body", "the request body could not be read: \(error)"))
        }
        // Decoding, checking and encoding are all CPU work on a post of up to maximumBodyBytes: off the
        // cooperative threads, together.
        let large = body.readableBytes > MemoryTrimmer.largeBodyBytes
        defer { if large { trimmer.largeRequestFinished() } }
        // A small draft is checked where the request is handled when a slot is free (see CheckWorkers);
        // the tests' beforeCheck hook holds checks, which must never block a cooperative thread.
        let inline = body.readableBytes <= settings.inlineCheckBytes && settings.beforeCheck == nil
        let answer = await workers.run(inline: inline) { () -> Response in
            settings.beforeCheck?()
            return answerCheck(body, service: service, metrics: metrics)
        }
        return answer ?? JSONBody.error(ServiceError(status: 503, code: "server.time-budget",
                                                     message: "all \(workers.count) checkers stayed busy for \(workers.maximumWait); retry shortly"))
    }

    var configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "postwacht")
    configuration.backlog = 256
    let policy = service.baseOptions.policy ?? "all"
    let http = HTTP1Channel.Configuration(idleTimeout: TimeAmount.nanoseconds(Int64(settings.idleTimeout / .nanoseconds(1))))
    return Application(router: router, server: .http1(configuration: http), configuration: configuration, onServerRunning: { channel in
        // The bound port, not the asked one: they differ for --port 0.
        let port = channel.localAddress?.port ?? settings.port
        settings.onServerRunning?(port)
        logger.info("postwacht serving on http://\(settings.host):\(port) (policy: \(policy))")
    }, logger: logger)
}

/// The body, collected up to `limit` bytes; throws `BodyTimeout` when it has not all arrived within
/// `timeout` (a client trickling its body must not hold a pending slot for ever).
private func collect(_ body: RequestBody, upTo limit: Int, within timeout: Duration) async throws -> ByteBuffer {
    try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
        group.addTask { try await body.collect(upTo: limit) }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let collected = first else { throw BodyTimeout() }
        return collected
    }
}

struct BodyTimeout: Error {}

/// The answer to one check request body: findings, or the JSON error the client must act on.
private func answerCheck(_ body: ByteBuffer, service: CheckService, metrics: ServiceMetrics) -> Response {
    let checkRequest: CheckRequest
    do {
        checkRequest = try JSONDecoder().decode(CheckRequest.self, from: Data(buffer: body))
    } catch let invalid as InvalidField {
        return JSONBody.error(invalid.serviceError)
    } catch {
        return JSONBody.error(.invalid("request.invalid-json", JSONBody.describe(error)))
    }
    do {
        let response = try service.check(checkRequest)
        metrics.count(response.findings.map(\.finding.category))
        return JSONBody.response(.ok, response)
    } catch {
        return JSONBody.error(error)
    }
}

/// Counts requests in progress, refusing new ones past the limit.
final class PendingLimit: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return false }
        count += 1
        return true
    }

    func leave() {
        lock.lock()
        count -= 1
        lock.unlock()
    }
}

/// `GET /v1/policies`: the packs a client may name in `policy` and `org`, with their schools.
struct PoliciesResponse: Encodable {
    struct Pack: Encodable {
        var id: String
        var organisation: String
    }
    var policies: [Pack]
    /// The pack the server enforces when a request names none (`--policy`), or null.
    var defaultPolicy: String?

    enum CodingKeys: String, CodingKey {
        case policies
        case defaultPolicy = "default"
    }

    init(service: CheckService) {
        policies = service.resources.policies.packs.map { Pack(id: $0.id, organisation: $0.organisation) }
        defaultPolicy = service.baseOptions.policy
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policies, forKey: .policies)
        try container.encode(defaultPolicy, forKey: .defaultPolicy)
    }
}

struct Health: Encodable {
    var status: String
    var rules: Int
    var icu: String
}

/// JSON responses with sorted keys, like the CLI's output.
enum JSONBody {
    static func response<T: Encodable>(_ status: HTTPResponse.Status, _ value: T) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ error: ServiceError) -> Response {
        var response = response(status(error.status), error)
        // Every 503 is a refusal of the moment (busy, time budget): tell clients when to come back.
        if error.status == 503 { response.headers[.retryAfter] = "1" }
        return response
    }

    /// The status with its reason phrase: `Status(code:)` alone sends an empty one ("HTTP/1.1 503 ").
    private static func status(_ code: Int) -> HTTPResponse.Status {
        let known: [HTTPResponse.Status] = [.badRequest, .unauthorized, .notFound, .methodNotAllowed, .requestTimeout, .contentTooLarge,
                                            .unsupportedMediaType, .internalServerError, .serviceUnavailable]
        return known.first { $0.code == code } ?? HTTPResponse.Status(code: code)
    }

    /// A decoding error in words a client developer can act on, naming the field.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON: \(context.debugDescription)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            return "\(path(context)): missing '\(key.stringValue)'"
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "body" : context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

/// The demo page and the OpenAPI document, read once from the bundle.
enum Assets {
    static let demoPage = load("demo", "html")
    static let openAPITemplate = String(decoding: load("openapi", "yaml"), as: UTF8.self)

    /// The OpenAPI document with the enums of what this server loaded: its policy packs (custom ones
    /// too) and channels, so that a client generated from it, or a fuzzer, sends what the server takes.
    static func openAPI(policies: [String], channels: [String]) -> [UInt8] {
        func list(_ values: [String]) -> String { "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        return Array(openAPITemplate
            .replacingOccurrences(of: "[__POLICY_PACKS__]", with: list(policies))
            .replacingOccurrences(of: "[__CHANNELS__]", with: list(channels)).utf8)
    }

    private static func load(_ name: String, _ ext: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets"),
              let data = try? Data(contentsOf: url) else {
            return Array("missing asset \(name).\(ext)".utf8)
        }
        return [UInt8](data)
    }
}
