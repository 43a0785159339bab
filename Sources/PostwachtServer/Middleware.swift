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

/// `Authorization: Bearer <token>` on /v1/ routes when the server was given a token.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The route's path, not the raw one: the router takes //v1/check for /v1/check, and so must the guard.
        guard Routes.path(of: request).hasPrefix("/v1/") else { return try await next(request, context) }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), Self.constantTimeEqual(Array(header.dropFirst(7).utf8), Array(token.utf8)) else {
            var response = JSONBody.error(ServiceError(status: 401, code: "auth.required", message: "send Authorization: Bearer <token>"))
            response.headers[.wwwAuthenticate] = "Bearer realm=\"postwacht\""
            return response
        }
        return try await next(request, context)
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
        "/v1/rules": [.get], "/v1/check": [.post],
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
