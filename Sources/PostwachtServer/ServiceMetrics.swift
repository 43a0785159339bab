import Prometheus

/// Requests, latency and findings, in Prometheus text format for GET /metrics.
final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let latency: DurationHistogram

    // Computed: the descriptor type is not Sendable, so it cannot be a static constant.
    private static var duration: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "postwacht", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer a request")
    }
    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "postwacht", metricName: "requests", unitName: "total", helpText: "Requests answered")
    }
    private static var findings: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "postwacht", metricName: "findings", unitName: "total", helpText: "Findings reported")
    }

    init() {
        latency = registry.makeDurationHistogram(
            descriptor: Self.duration,
            buckets: [.microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
                      .milliseconds(10), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(1)])
    }

    /// Known routes by name, everything else as "other": label values stay few.
    static func route(of path: String) -> String {
        Routes.methods[path] == nil ? "other" : path
    }

    func observe(route: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("route", route), ("status", String(status))]).increment()
        latency.record(duration)
    }

    func count(_ categories: [String]) {
        for category in categories {
            registry.makeCounter(descriptor: Self.findings, labels: [("category", category)]).increment()
        }
    }

    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
