/// What a rule reports: where, and what it saw there. The linter turns detections into findings
/// (positions in every unit, clauses, messages, redaction, fingerprint), so rules stay small.
public struct Detection: Sendable {
    /// UTF-8 byte range in the document.
    public var range: Range<Int>
    /// Overrides the rule's default severity (profanity: by sureness).
    public var severity: Severity?
    /// The matched value in normalized form; fingerprints are made of it.
    public var normalized: String
    /// Fills `{detail}` in the rule's message.
    public var detail: LocalizedText?

    public init(range: Range<Int>, severity: Severity? = nil, normalized: String, detail: LocalizedText? = nil) {
        self.range = range
        self.severity = severity
        self.normalized = normalized
        self.detail = detail
    }
}

/// A check of one concern. It declares itself in `description` and detects; it never prints.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func detect(in context: RuleContext) -> [Detection]
}

/// What rules see of one document, with analyses that several rules share computed once.
public final class RuleContext {
    public let document: Document
    /// The matching key of every word token, computed once for all rules.
    public let keys: WordKeys
    private let profanityMatcher: ProfanityMatcher
    private let resources: LinterResources
    private let consent: ConsentRegister?

    init(document: Document, keys: WordKeys, profanityMatcher: ProfanityMatcher, resources: LinterResources, consent: ConsentRegister?) {
        self.document = document
        self.keys = keys
        self.profanityMatcher = profanityMatcher
        self.resources = resources
        self.consent = consent
    }

    /// Phones, e-mail, addresses, BSNs, IBANs, birth dates and names with photos, found in one pass.
    private(set) lazy var personalData = PersonalDataScan(document: document, keys: keys, resources: resources, consent: consent)

    /// The personal data of one category, for the rule that reports it.
    func personalData(_ category: FindingCategory) -> [Detection] {
        personalData.items.compactMap { $0.category == category ? $0.detection : nil }
    }

    /// Every profanity match of the document, for all profanity rules.
    public private(set) lazy var profanityMatches: [ProfanityMatch] = profanityMatcher.matches(in: document, keys: keys)
}
