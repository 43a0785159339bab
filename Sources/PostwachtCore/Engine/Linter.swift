import Foundation

/// Choices that shape findings, the same for every front end.
public struct LintOptions: Sendable {
    /// Language of messages and suggestions.
    public var language: Language
    /// Mask matched values in messages, `match` and `normalized`.
    public var redact: Bool
    /// Cite only this policy's clauses; nil cites every protocol's.
    public var policy: String?

    public init(language: Language = .nl, redact: Bool = false, policy: String? = nil) {
        self.language = language
        self.redact = redact
        self.policy = policy
    }
}

/// The engine: rules plus their data, immutable and shared. Each thread checks records with its own `Checker`.
public final class Linter: Sendable {
    public let resources: LinterResources
    public let rules: [any Rule]
    public let options: LintOptions
    /// The rules' descriptions, read once: they are large values, not worth copying per record.
    let descriptions: [RuleDescription]

    public init(resources: LinterResources, rules: [any Rule] = RuleRegistry.all, options: LintOptions = LintOptions()) {
        self.resources = resources
        self.rules = rules
        self.options = options
        descriptions = rules.map(\.description)
    }

    public func makeChecker() throws(TextModelError) -> Checker {
        try Checker(linter: self)
    }
}

/// Checks records one after another on one thread: decode → tokens → rules → findings.
public final class Checker {
    private let linter: Linter
    private let tokenizer: Tokenizer
    private let profanityMatcher: ProfanityMatcher
    private let keys: WordKeys

    init(linter: Linter) throws(TextModelError) {
        self.linter = linter
        let folder = KeyFolder(lookalikes: linter.resources.letterLookalikes)
        keys = WordKeys(folder: folder)
        profanityMatcher = ProfanityMatcher(lexicon: linter.resources.profanity, context: linter.resources.profanityContext, folder: folder)
        tokenizer = try Tokenizer()
    }

    /// Turns off the tokenizer's ASCII fast path (for benchmarks comparing against pure ICU).
    public var usesTokenizerFastPath: Bool {
        get { tokenizer.usesFastPath }
        set { tokenizer.usesFastPath = newValue }
    }

    public func lint(_ record: Record) -> RecordOutcome {
        let document: Document
        do { document = try self.document(for: record) } catch {
            return .failed(id: record.id, error: error)
        }
        return .checked(lint(document))
    }

    public func document(for record: Record) throws(RecordError) -> Document {
        guard record.bytes.count <= Document.maximumByteCount else {
            throw RecordError(code: "input.too-large", message: "the record is \(record.bytes.count) bytes; at most \(Document.maximumByteCount) bytes are checked")
        }
        let (bytes, repaired) = UTF8Decoding.decode(record.bytes)
        let tokens: [Token]
        do {
            tokens = try bytes.withUnsafeBufferPointer { buffer throws(TextModelError) in try tokenizer.tokens(of: buffer) }
        } catch {
            throw RecordError(code: "internal.tokenizer", message: error.description)
        }
        return Document(id: record.id, bytes: bytes, tokens: tokens, metadata: record.metadata,
                        warnings: repaired ? [RecordWarning.invalidUTF8] : [])
    }

    public func lint(_ document: Document) -> LintResult {
        keys.rebuild(for: document)
        let context = RuleContext(document: document, keys: keys, profanityMatcher: profanityMatcher)
        var pending: [(rule: Int, detection: Detection)] = []
        for (index, rule) in linter.rules.enumerated() {
            for detection in rule.detect(in: context) { pending.append((index, detection)) }
        }
        guard !pending.isEmpty else { return LintResult(id: document.id, findings: [], warnings: document.warnings, text: document.bytes) }
        let descriptions = linter.descriptions
        pending.sort {
            ($0.detection.range.lowerBound, $0.detection.range.upperBound, descriptions[$0.rule].id)
                < ($1.detection.range.lowerBound, $1.detection.range.upperBound, descriptions[$1.rule].id)
        }
        var positions = TextPositions(document.bytes)
        let findings = pending.map { makeFinding(descriptions[$0.rule], $0.detection, document: document, positions: &positions) }
        return LintResult(id: document.id, findings: findings, warnings: document.warnings, text: document.bytes)
    }

    private func makeFinding(_ rule: RuleDescription, _ detection: Detection, document: Document, positions: inout TextPositions) -> Finding {
        let options = linter.options
        let location = positions.location(of: detection.range)
        let matched = document.text(of: detection.range)
        let shownMatch = options.redact ? Redaction.mask(matched) : matched
        let shownNormalized = options.redact ? Redaction.mask(detection.normalized) : detection.normalized
        let detail = options.redact ? "" : detection.detail?.text(in: options.language) ?? ""
        let message = MessageTemplate.fill(rule.message.text(in: options.language), ["match": shownMatch, "detail": detail])
        let clauses = options.policy.map { policy in rule.clauses.filter { $0.policy == policy } } ?? rule.clauses
        return Finding(
            rule: rule.id, category: rule.category, severity: detection.severity ?? rule.defaultSeverity,
            message: message, span: location.scalars, utf16: location.utf16, utf8: location.utf8,
            line: location.line, column: location.column, match: shownMatch, normalized: shownNormalized,
            clauses: clauses, suggestion: rule.suggestion.text(in: options.language),
            fingerprint: Fingerprint.of(rule: rule.id, normalized: detection.normalized)
        )
    }
}
