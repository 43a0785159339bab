import PostwachtCore

/// `POST /v1/check` body: one text, or one segment per editor block sharing the post's metadata.
public struct CheckRequest: Decodable, Sendable {
    public var text: String?
    public var segments: [Segment]?
    public var authorRole: AuthorRole?
    public var attachments: [Attachment]?
    public var org: String?
    public var channel: String?
    public var policy: String?
    public var lang: Language?

    public struct Segment: Decodable, Sendable {
        public var id: String
        public var text: String
    }

    enum CodingKeys: String, CodingKey {
        case text, segments, attachments, org, channel, policy, lang
        case authorRole = "author_role"
    }
}

/// `POST /v1/check` answer: the verdict and the same finding objects as `postwacht check`.
public struct CheckResponse: Encodable, Sendable {
    public enum Verdict: String, Encodable, Sendable { case block, warn, ok }

    public var verdict: Verdict
    public var findings: [SegmentFinding]
    /// Only when there are any: `findings.truncated` for a post with more findings than are reported.
    public var warnings: [RecordWarning]?
    public var elapsedMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case verdict, findings, warnings
        case elapsedMilliseconds = "elapsed_ms"
    }

    /// block when anything is an error, warn when anything is a warning, else ok.
    static func verdict(of findings: [Finding]) -> Verdict {
        if findings.contains(where: { $0.severity == .error }) { return .block }
        if findings.contains(where: { $0.severity == .warning }) { return .warn }
        return .ok
    }
}

/// A finding with the id of the segment it lies in (offsets are relative to that segment's text).
public struct SegmentFinding: Encodable, Sendable {
    public var finding: Finding
    public var segment: String?

    enum CodingKeys: String, CodingKey { case segment }

    public func encode(to encoder: any Encoder) throws {
        try finding.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(segment, forKey: .segment)
    }
}

/// A refusal the client can act on: `{"error": {"code", "message"}}` with an HTTP status.
public struct ServiceError: Error, Encodable, Sendable {
    public var status: Int
    public var code: String
    public var message: String

    enum CodingKeys: String, CodingKey { case error }
    enum ErrorKeys: String, CodingKey { case code, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
        try error.encode(code, forKey: .code)
        try error.encode(message, forKey: .message)
    }

    static func invalid(_ code: String, _ message: String) -> ServiceError { ServiceError(status: 400, code: code, message: message) }
    static func busy(_ message: String) -> ServiceError { ServiceError(status: 503, code: "server.busy", message: message) }
    static func tooLarge(_ limit: Int) -> ServiceError {
        ServiceError(status: 413, code: "request.too-large", message: "the request body is larger than \(limit) bytes")
    }
}
