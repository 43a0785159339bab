import Prometheus

/// Requests, latency and findings, in Prometheus text format for GET /metrics.
final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let latency: DurationHistogram

    init() {
        latency = registry.makeDurationHistogram(
            name: "postwacht_request_duration_seconds",
            buckets: [.microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
                      .milliseconds(10), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(1)],
            help: "Time to answer a request")
    }

    /// Known routes by name, everything else as "other": label values stay few.
    static func route(of path: String) -> String {
        ["/", "/healthz", "/metrics", "/openapi.yaml", "/v1/check", "/v1/rules"].contains(path) ? path : "other"
    }

    func observe(route: String, status: Int, duration: Duration) {
        registry.makeCounter(name: "postwacht_requests_total", labels: [("route", route), ("status", String(status))],
                             help: "Requests answered").increment()
        latency.record(duration)
    }

    func count(_ categories: [String]) {
        for category in categories {
            registry.makeCounter(name: "postwacht_findings_total", labels: [("category", category)], help: "Findings reported").increment()
        }
    }

    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
