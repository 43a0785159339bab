import PostwachtCore
import PostwachtSession

/// `POST /v1/check` body: one text, or one segment per editor block sharing the post's metadata.
///
/// The named values (`author_role`, `lang`, `policy`, `org`, `channel`) are kept as sent: which ones
/// are valid depends on the packs and lexicons loaded, so `CheckService` checks them and answers 400
/// `request.invalid-field` naming the field and the valid values. No field may be `null`: leave it out.
public struct CheckRequest: Decodable, Sendable {
    public var text: String?
    public var segments: [Segment]?
    public var authorRole: String?
    public var attachments: [Attachment]?
    public var org: String?
    public var channel: String?
    public var policy: String?
    public var lang: String?
    /// `reference` (the default: findings cite clause ids, the response's `clauses` holds their text) or
    /// `inline` (each finding carries its clauses in full, findings contract 1's form).
    public var clauses: String?

    public struct Segment: Decodable, Sendable {
        public var id: String
        public var text: String
    }

    /// An attachment as sent, an object or just its type ("image"); its type not yet known to be one of `attachmentKinds`.
    private struct AttachmentBody: Decodable {
        var type: String
        var alt: String?
        var name: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case type, alt, name }

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let kind = try? single.decode(String.self) {
                type = kind
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            try CheckRequest.refuseNulls(in: container)
            type = try container.decode(String.self, forKey: .type)
            alt = try container.decodeIfPresent(String.self, forKey: .alt)
            name = try container.decodeIfPresent(String.self, forKey: .name)
        }
    }

    /// `null` for a key that is there: 400 request.invalid-field naming it (`lang`, `attachments.0.alt`).
    fileprivate static func refuseNulls<Key: CodingKey & CaseIterable>(in container: KeyedDecodingContainer<Key>) throws {
        for key in Key.allCases where container.contains(key) {
            if try container.decodeNil(forKey: key) {
                let field = (container.codingPath + [key]).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
                throw InvalidField(field: field, message: "\(field) must not be null; leave it out instead")
            }
        }
    }

    static let attachmentKinds = ["image", "video", "audio", "file"]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, segments, attachments, org, channel, policy, lang, clauses
        case authorRole = "author_role"
    }

    public init(text: String? = nil, segments: [Segment]? = nil, authorRole: String? = nil, attachments: [Attachment]? = nil,
                org: String? = nil, channel: String? = nil, policy: String? = nil, lang: String? = nil, clauses: String? = nil) {
        self.clauses = clauses
        self.text = text
        self.segments = segments
        self.authorRole = authorRole
        self.attachments = attachments
        self.org = org
        self.channel = channel
        self.policy = policy
        self.lang = lang
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try Self.refuseNulls(in: container)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        segments = try container.decodeIfPresent([Segment].self, forKey: .segments)
        authorRole = try container.decodeIfPresent(String.self, forKey: .authorRole)
        attachments = try container.decodeIfPresent([AttachmentBody].self, forKey: .attachments)?.enumerated().map { index, body in
            guard let kind = Attachment.Kind(named: body.type) else { throw InvalidField.notOneOf("attachments.\(index).type", body.type, Self.attachmentKinds) }
            return Attachment(type: kind, alt: body.alt, name: body.name)
        }
        org = try container.decodeIfPresent(String.self, forKey: .org)
        channel = try container.decodeIfPresent(String.self, forKey: .channel)
        policy = try container.decodeIfPresent(String.self, forKey: .policy)
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        clauses = try container.decodeIfPresent(String.self, forKey: .clauses)
    }
}

/// A field whose value the service cannot use: 400 `request.invalid-field` with the field and, where
/// there is a fixed set, the values it takes.
public struct InvalidField: Error, Sendable {
    public var field: String
    public var message: String
    public var allowed: [String]?

    public init(field: String, message: String, allowed: [String]? = nil) {
        self.field = field
        self.message = message
        self.allowed = allowed
    }

    /// "`field` 'value' is not one of a, b, c" with those values.
    static func notOneOf(_ field: String, _ value: String, _ allowed: [String]) -> InvalidField {
        InvalidField(field: field, message: "\(field) '\(value)' is not one of \(allowed.joined(separator: ", "))", allowed: allowed)
    }

    var serviceError: ServiceError {
        ServiceError(status: 400, code: "request.invalid-field", message: message, field: field, allowed: allowed)
    }
}

/// `POST /v1/check` answer: the verdict and the same finding objects as `postwacht check` (findings
/// contract 2: clauses by id, their text once in `clauses`, unless the request asked for them inline).
public struct CheckResponse: Encodable, Sendable {
    public enum Verdict: String, Encodable, Sendable { case block, warn, ok }

    public var verdict: Verdict
    public var findings: [SegmentFinding]
    /// The clauses the findings cite, by id (absent with clauses inline).
    public var clauses: [String: ProtocolClause]?
    /// Only when there are any: `findings.truncated` for a post with more findings than are reported.
    public var warnings: [RenderedWarning]?
    public var elapsedMilliseconds: Double
    public var version = FindingsContract.version

    enum CodingKeys: String, CodingKey {
        case verdict, findings, clauses, warnings, version
        case elapsedMilliseconds = "elapsed_ms"
    }

    /// block when anything is an error, warn when anything is a warning, else ok.
    static func verdict(of findings: [RenderedFinding]) -> Verdict {
        if findings.contains(where: { $0.severity == .error }) { return .block }
        if findings.contains(where: { $0.severity == .warning }) { return .warn }
        return .ok
    }
}

/// A finding with the id of the segment it lies in (offsets are relative to that segment's text).
public struct SegmentFinding: Encodable, Sendable {
    public var finding: RenderedFinding
    public var segment: String?

    enum CodingKeys: String, CodingKey { case segment }

    public func encode(to encoder: any Encoder) throws {
        try finding.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(segment, forKey: .segment)
    }
}

/// A refusal the client can act on: `{"error": {"code", "message", "field"?, "allowed"?}}` with an HTTP
/// status. `field` and `allowed` come with `request.invalid-field`: which field, and its valid values.
public struct ServiceError: Error, Encodable, Sendable {
    public var status: Int
    public var code: String
    public var message: String
    public var field: String?
    public var allowed: [String]?

    public init(status: Int, code: String, message: String, field: String? = nil, allowed: [String]? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.allowed = allowed
    }

    enum CodingKeys: String, CodingKey { case error }
    enum ErrorKeys: String, CodingKey { case code, message, field, allowed }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
        try error.encode(code, forKey: .code)
        try error.encode(message, forKey: .message)
        try error.encodeIfPresent(field, forKey: .field)
        try error.encodeIfPresent(allowed, forKey: .allowed)
    }

    /// The session's answer to a request, as HTTP: a field naming no pack is 400 `request.invalid-field`
    /// with the valid values, as every other field is.
    static func checking(_ body: () throws(SessionError) -> Void) throws(ServiceError) {
        do { try body() } catch {
            switch error.kind {
            case .unknownPack(let field, let id, let known): throw InvalidField.notOneOf(field, id, known).serviceError
            default: throw ServiceError(status: 500, code: "internal.session", message: error.lines(in: .en).joined(separator: "; "))
            }
        }
    }

    static func invalid(_ code: String, _ message: String) -> ServiceError { ServiceError(status: 400, code: code, message: message) }
    static func busy(_ message: String) -> ServiceError { ServiceError(status: 503, code: "server.busy", message: message) }
    static func tooLarge(_ limit: Int) -> ServiceError {
        ServiceError(status: 413, code: "request.too-large", message: "the request body is larger than \(limit) bytes")
    }
}
