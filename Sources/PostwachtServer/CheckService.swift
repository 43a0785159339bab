import Foundation
import PostwachtCore
import PostwachtSession

/// The engine behind the HTTP routes, without HTTP: tests call it directly, and it gives the same
/// results as `postwacht check` on the same input.
public final class CheckService: Sendable {
    public let resources: LinterResources
    public let baseOptions: LintOptions
    /// The language of a request that names none (`serve --lang`).
    public let defaultLanguage: Language
    /// At most this many checks at once; the server queues the rest (bounded by its pending limit).
    public let maximumConcurrentChecks: Int
    /// A check request that waits longer than this for a checker is answered 503 (server.time-budget).
    public let timeBudget: Duration
    private let pools: [String: CheckerPool]

    /// One engine per policy: the language is the renderer's, chosen per request.
    public init(resources: LinterResources, options: LintOptions, language: Language = .nl,
                maximumConcurrentChecks: Int = 2 * ProcessInfo.processInfo.activeProcessorCount, timeBudget: Duration = .milliseconds(500)) {
        self.resources = resources
        baseOptions = options
        defaultLanguage = language
        self.maximumConcurrentChecks = maximumConcurrentChecks
        self.timeBudget = timeBudget
        var pools: [String: CheckerPool] = [:]
        for policy in [nil] + resources.policies.ids.map(Optional.some) {
            var variant = options
            variant.policy = policy ?? options.policy
            pools[Self.poolKey(policy)] = CheckerPool(linter: Linter(resources: resources, options: variant), limit: maximumConcurrentChecks)
        }
        self.pools = pools
    }

    /// The service of a loaded session (`postwacht serve`): its resources, and the options the session
    /// decides (default role, channel, lesson hours, account posters, fingerprint key), as `check` gets them.
    public convenience init(session: Session, language: Language = .nl,
                            maximumConcurrentChecks: Int = 2 * ProcessInfo.processInfo.activeProcessorCount, timeBudget: Duration = .milliseconds(500)) {
        self.init(resources: session.resources, options: session.lintOptions(), language: language,
                  maximumConcurrentChecks: maximumConcurrentChecks, timeBudget: timeBudget)
    }

    /// Posts above this many UTF-8 bytes do not return their checker to the pool.
    static let largePostBytes = 256 * 1024

    private static func poolKey(_ policy: String?) -> String { policy ?? "-" }

    /// The rules the service's default engine enforces (what the configuration leaves on), for /healthz.
    public var rulesInForce: Int { pools[Self.poolKey(nil)]!.linter.rules.count }

    /// Checks a request; throws `ServiceError` for what the client must fix or retry.
    public func check(_ request: CheckRequest) throws(ServiceError) -> CheckResponse {
        let started = ContinuousClock.now
        let fields = try validate(request)
        let segments: [(id: String?, text: String)]
        switch (request.text, request.segments) {
        case (let text?, nil): segments = [(nil, text)]
        case (nil, let parts?) where !parts.isEmpty: segments = parts.map { ($0.id, $0.text) }
        case (.some, .some): throw .invalid("request.invalid-field", "send either text or segments, not both")
        default: throw .invalid("request.missing-text", "the request needs a text (or a non-empty segments list)")
        }
        let metadata = RecordMetadata(authorRole: fields.authorRole, attachments: request.attachments ?? [],
                                      organisation: request.org, channel: request.channel)
        let pool = pools[Self.poolKey(request.policy)]!
        let renderer = FindingRenderer(language: fields.language)
        // Segments are one post: checked together (a disclaimer in the last block covers the first), then
        // each finding is handed back to the segment it starts in, with offsets relative to that segment.
        let post = PostLayout(segments.map(\.text))
        let ids = segments.map { $0.id ?? "" }
        // A checker keeps the capacity of the largest post it saw (tokens, keys): after a large post it is
        // dropped rather than pooled, so that memory is freed with the post.
        let large = post.text.utf8.count > Self.largePostBytes
        let (findings, warnings): ([SegmentFinding], [RecordWarning]) = try pool.withChecker(keep: !large) { checker throws(ServiceError) in
            guard ContinuousClock.now - started <= timeBudget else {
                throw ServiceError(status: 503, code: "server.time-budget", message: "the request waited longer than \(timeBudget); retry shortly")
            }
            switch checker.lint(Record(id: "post", text: post.text, metadata: metadata)) {
            case .checked(let result):
                let findings = result.findings.map { finding in
                    let rendered = renderer.render(finding, clauses: fields.clauses)
                    return request.segments == nil ? SegmentFinding(finding: rendered, segment: nil) : post.locate(rendered, ids: ids)
                }
                return (findings, result.warnings)
            case .failed(_, let error):
                throw ServiceError(status: 400, code: error.code, message: error.message)
            }
        }
        let elapsed = ContinuousClock.now - started
        var clauses: [String: ProtocolClause]?
        if fields.clauses == .reference {
            clauses = Dictionary(findings.flatMap(\.finding.clauses).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return CheckResponse(verdict: CheckResponse.verdict(of: findings.map(\.finding)), findings: findings, clauses: clauses,
                             warnings: warnings.isEmpty ? nil : warnings.map(renderer.render),
                             elapsedMilliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }

    /// The values the named fields take: the packs and channels loaded, the roles and languages there are.
    public var allowedValues: (policies: [String], channels: [String], roles: [String], languages: [String]) {
        (resources.policies.ids, resources.conduct.channels, AuthorRole.allCases.map(\.rawValue), Language.allCases.map(\.rawValue))
    }

    /// The named fields as the engine takes them, or `request.invalid-field` for the first that is not
    /// one of its values.
    private func validate(_ request: CheckRequest) throws(ServiceError) -> (authorRole: AuthorRole?, language: Language, clauses: ClauseStyle) {
        let allowed = allowedValues
        func check(_ field: String, _ value: String?, _ values: [String]) throws(ServiceError) {
            if let value, !values.contains(value) { throw InvalidField.notOneOf(field, value, values).serviceError }
        }
        try ServiceError.checking { () throws(SessionError) in
            try PackChoice.id.check(request.policy, setting: "policy", in: resources.policies)
            // The author's school as a record names it: its id, or (as in JSONL and exports) its name or an alias.
            try PackChoice.named.check(request.org, setting: "org", in: resources.policies)
        }
        try check("channel", request.channel, allowed.channels)
        try check("author_role", request.authorRole, allowed.roles)
        try check("lang", request.lang, allowed.languages)
        try check("clauses", request.clauses, ClauseStyle.allCases.map(\.rawValue))
        return (request.authorRole.flatMap(AuthorRole.init(rawValue:)), request.lang.flatMap(Language.init(rawValue:)) ?? defaultLanguage,
                request.clauses.flatMap(ClauseStyle.init(rawValue:)) ?? .reference)
    }

    /// The checker pool a request with this policy uses (for tests).
    func pool(policy: String?) -> CheckerPool { pools[Self.poolKey(policy)]! }

    /// The rules in force under a policy, with their clauses, for `GET /v1/rules`.
    public func rules(policy: String?) throws(ServiceError) -> RulesResponse {
        try ServiceError.checking { () throws(SessionError) in try PackChoice.id.check(policy, setting: "policy", in: resources.policies) }
        let linter = pools[Self.poolKey(policy)]!.linter
        return RulesResponse(policy: policy ?? baseOptions.policy, rules: linter.rules.map { rule in
            let description = rule.description
            return RulesResponse.Rule(id: description.id, name: description.name.text(in: defaultLanguage), category: description.category,
                                      severity: linter.severity(of: description.id), clauses: linter.clauses(of: description.id))
        })
    }
}

public struct RulesResponse: Encodable, Sendable {
    public struct Rule: Encodable, Sendable {
        public var id: String
        public var name: String
        public var category: FindingCategory
        public var severity: Severity
        public var clauses: [ProtocolClause]
    }
    public var policy: String?
    public var rules: [Rule]

    enum CodingKeys: String, CodingKey { case policy, rules }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policy, forKey: .policy)
        try container.encode(rules, forKey: .rules)
    }
}

/// Where each segment lies in the post made by joining them with a blank line.
struct PostLayout {
    static let separator = "\n\n"
    let text: String
    /// Per segment: start in scalars, UTF-16 units, UTF-8 bytes, and its first line (1-based).
    private let starts: [(scalar: Int, utf16: Int, utf8: Int, line: Int, length: Int)]

    init(_ segments: [String]) {
        var starts: [(Int, Int, Int, Int, Int)] = []
        var scalar = 0, utf16 = 0, utf8 = 0, line = 1
        for segment in segments {
            starts.append((scalar, utf16, utf8, line, segment.unicodeScalars.count))
            scalar += segment.unicodeScalars.count + 2
            utf16 += segment.utf16.count + 2
            utf8 += segment.utf8.count + 2
            line += segment.utf8.filter { $0 == 0x0A }.count + 2
        }
        self.starts = starts
        text = segments.joined(separator: Self.separator)
    }

    /// The finding relative to the segment it starts in. A post-level finding lies in no one segment:
    /// it has no segment, an empty match and empty offsets, rather than offsets into and a copy of the
    /// joined text, which the client never sent (documented in openapi.yaml, Finding.segment).
    func locate(_ finding: RenderedFinding, ids: [String]) -> SegmentFinding {
        if finding.postLevel {
            var post = finding
            post.span = OffsetRange(start: 0, end: 0)
            post.utf16 = post.span
            post.utf8 = post.span
            post.line = 1
            post.column = 1
            post.match = ""
            return SegmentFinding(finding: post, segment: nil)
        }
        let index = starts.lastIndex { $0.scalar <= finding.span.start } ?? 0
        let start = starts[index]
        var local = finding
        let end = min(finding.span.end - start.scalar, start.length)
        let clipped = finding.span.end - start.scalar - end
        local.span = OffsetRange(start: finding.span.start - start.scalar, end: end)
        local.utf16 = OffsetRange(start: finding.utf16.start - start.utf16, end: finding.utf16.end - start.utf16 - clipped)
        local.utf8 = OffsetRange(start: finding.utf8.start - start.utf8, end: finding.utf8.end - start.utf8 - clipped)
        local.line = finding.line - start.line + 1
        return SegmentFinding(finding: local, segment: ids[index])
    }
}

/// Checkers are not thread-safe and cost ICU set-up to make: a pool lends them out, and says no
/// (server.busy) rather than queueing when every one is in use.
final class CheckerPool: @unchecked Sendable {
    let linter: Linter
    private let limit: Int
    private let lock = NSLock()
    private var idle: [Checker] = []
    private var lent = 0

    init(linter: Linter, limit: Int) {
        self.linter = linter
        self.limit = limit
    }

    /// Checkers made so far, for tests: a dropped one is made anew.
    private(set) var made = 0

    func withChecker<T>(keep: Bool = true, _ body: (Checker) throws(ServiceError) -> T) throws(ServiceError) -> T {
        let checker = try take()
        defer { giveBack(checker, keep: keep) }
        return try body(checker)
    }

    /// Checkers waiting to be lent, for tests.
    var idleCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return idle.count
    }

    private func take() throws(ServiceError) -> Checker {
        lock.lock()
        if let checker = idle.popLast() {
            lent += 1
            lock.unlock()
            return checker
        }
        guard lent < limit else {
            lock.unlock()
            throw ServiceError(status: 503, code: "server.busy", message: "all \(limit) checkers are busy; retry shortly")
        }
        lent += 1
        lock.unlock()
        do {
            let checker = try linter.makeChecker()
            lock.lock(); made += 1; lock.unlock()
            return checker
        } catch {
            lock.lock(); lent -= 1; lock.unlock()
            throw ServiceError(status: 500, code: "internal.tokenizer", message: "\(error)")
        }
    }

    private func giveBack(_ checker: Checker, keep: Bool) {
        lock.lock()
        if keep { idle.append(checker) }
        lent -= 1
        lock.unlock()
    }
}
