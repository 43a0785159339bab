import Foundation
import Hummingbird
import Logging

/// Logs method, path, status and duration of every request, and counts them for /metrics. Never the
/// body: post text and matched values stay out of logs.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let route = ServiceMetrics.route(of: request.uri.path)
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
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
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
