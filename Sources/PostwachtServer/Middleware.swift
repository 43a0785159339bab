import Foundation
import Hummingbird
import Logging

/// Logs method, path, status and duration of every request, and counts them for /metrics. Never the
/// body: post text and matched values stay out of logs.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let route = ServiceMetrics.route(of: Routes.path(of: request))
        do {
            let response = try await next(request, context)
            finish(request, route: route, status: response.status.code, started: started, context: context)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            finish(request, route: route, status: status, started: started, context: context)
            throw error
        }
    }

    private func finish(_ request: Request, route: String, status: Int, started: ContinuousClock.Instant, context: Context) {
        let elapsed = ContinuousClock.now - started
        metrics.observe(route: route, status: status, duration: elapsed)
        context.logger.debug("\(request.method) \(route) \(status) \(elapsed)")
    }
}

/// `Authorization: Bearer <token>` on /v1/ routes when the server was given a token. The scheme name is
/// case-insensitive (RFC 7235 §2.1); a missing header, another scheme and a wrong token get different
/// codes and messages, so whoever set up the client knows which it is (RFC 6750 §3.1's `invalid_token`).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The route's path, not the raw one: the router takes //v1/check for /v1/check, and so must the guard.
        guard Routes.path(of: request).hasPrefix("/v1/"), request.method != .options else { return try await next(request, context) }
        switch Self.judge(request.headers[.authorization]) {
        case .accepted(let sent) where Self.constantTimeEqual(Array(sent.utf8), Array(token.utf8)):
            return try await next(request, context)
        case .accepted:
            return Self.refusal("auth.invalid-token", "the bearer token is not the one this service was started with (--token-file); check the client's token setting",
                                challenge: #"Bearer realm="postwacht", error="invalid_token""#)
        case .missing:
            return Self.refusal("auth.required", "this service needs a token: send Authorization: Bearer <token>", challenge: #"Bearer realm="postwacht""#)
        case .otherScheme(let scheme):
            return Self.refusal("auth.required", "send the token as Authorization: Bearer <token>, not with the \(scheme) scheme",
                                challenge: #"Bearer realm="postwacht""#)
        }
    }

    enum Credentials: Equatable {
        case missing
        case otherScheme(String)
        case accepted(String)
    }

    /// What an Authorization header carries: `Bearer`, `bearer` and `BEARER` are one scheme.
    static func judge(_ header: String?) -> Credentials {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return .missing }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts[0].lowercased() == "bearer" else { return .otherScheme(String(parts[0])) }
        let sent = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        return sent.isEmpty ? .missing : .accepted(sent)
    }

    private static func refusal(_ code: String, _ message: String, challenge: String) -> Response {
        var response = JSONBody.error(ServiceError(status: 401, code: code, message: message))
        response.headers[.wwwAuthenticate] = challenge
        return response
    }

    /// Compares without stopping at the first difference, so timing does not leak the token.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0
    }
}

/// What no route takes, answered like the API's other errors instead of Hummingbird's empty 404: 404
/// for an unknown path, 405 with `Allow` for a known path and another method. Middleware runs after
/// the router has matched, so this decides from `Routes` rather than rerouting.
struct RouteFallbackMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let methods = Routes.methods[Routes.path(of: request)] else {
            return JSONBody.error(ServiceError(status: 404, code: "request.unknown-route",
                                               message: "no route \(request.uri.path); see /openapi.yaml"))
        }
        if methods.contains(request.method) || (request.method == .head && methods.contains(.get)) {
            return try await next(request, context)
        }
        let allowed = Routes.allowHeader(methods)
        var response = JSONBody.error(ServiceError(status: 405, code: "request.method-not-allowed",
                                                   message: "\(request.uri.path) answers \(allowed), not \(request.method)"))
        response.headers[.allow] = allowed
        return response
    }
}

/// Every route the service answers, with its methods: the fallback above and the metrics labels read it,
/// `buildApplication` registers exactly these, and HEAD beside every GET.
enum Routes {
    static let methods: [String: [HTTPRequest.Method]] = [
        "/": [.get], "/openapi.yaml": [.get], "/healthz": [.get], "/metrics": [.get],
        "/v1/rules": [.get], "/v1/policies": [.get], "/v1/check": [.post],
    ]

    /// The path as the router matches it: empty components (a trailing or doubled slash) do not count.
    static func path(of request: Request) -> String {
        "/" + request.uri.path.split(separator: "/").joined(separator: "/")
    }

    /// GET routes also take HEAD.
    static func allowHeader(_ methods: [HTTPRequest.Method]) -> String {
        (methods.contains(.get) ? methods + [.head] : methods).map(\.rawValue).joined(separator: ", ")
    }
}

/// Opt-in CORS (`--cors-origin`) for editors that call the service from the browser. Only the listed
/// origins get `Access-Control-Allow-Origin`; a preflight (OPTIONS with `Access-Control-Request-Method`)
/// from one of them is answered 204 here, before the token guard, since browsers send no credentials on
/// preflights. Without origins this middleware is not installed and OPTIONS stays 405.
struct CORSOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>
    static var allowedHeaders: String { "Authorization, Content-Type" }
    static var maximumAge: String { "600" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) || origins.contains("*") else {
            return try await next(request, context)
        }
        let path = Routes.path(of: request)
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil, let methods = Routes.methods[path] {
            var response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = Routes.allowHeader(methods)
            response.headers[.accessControlAllowHeaders] = Self.allowedHeaders
            response.headers[.accessControlMaxAge] = Self.maximumAge
            addOriginHeaders(&response, origin)
            return response
        }
        var response = try await next(request, context)
        addOriginHeaders(&response, origin)
        return response
    }

    private func addOriginHeaders(_ response: inout Response, _ origin: String) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
    }
}
