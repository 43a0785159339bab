import Foundation

/// Choices that shape findings, the same for every front end. Language and masking are not among
/// them: they are the renderer's (`FindingRenderer`), so one engine serves every language.
public struct LintOptions: Sendable {
    /// Cite only this policy's clauses; nil cites every protocol's.
    public var policy: String?
    /// Pupils' photo consent (`--consent`): a named pupil without consent is an error, with consent info.
    public var consent: ConsentRegister?
    /// The school (policy pack id) of records that do not name one in `org`.
    public var organisation: String?
    /// Names and aliases of the organisation ("De Regenboog", "GBS"): a staff post naming it is about school.
    public var organisationNames: [String]
    /// Author role and channel of records that do not say (plain-text drafts).
    public var defaultRole: AuthorRole?
    /// Channel of records that do not say.
    public var defaultChannel: String?
    /// Per rule id: switched off, or another severity (from the configuration).
    public var ruleSettings: [String: Configuration.RuleSetting] = [:]
    /// The school's secret for fingerprints; nil makes them plain hashes.
    public var fingerprintKey: FingerprintKey?
    /// When lessons are given (`lesson_hours:`), for conduct.during-lessons.
    public var lessonHours: LessonHours?
    /// Who may post on the school's account (`account_posters:`), for conduct.account-poster.
    public var accountPosters: [String] = []
    /// Give each record checked without a school the warning `policy.none` (JSON outputs; the text
    /// output says it once on stderr instead).
    public var marksRecordsWithoutSchool = false

    /// Options with these settings; the others start empty.
    public init(policy: String? = nil, consent: ConsentRegister? = nil,
                organisation: String? = nil, organisationNames: [String] = [], defaultRole: AuthorRole? = nil, defaultChannel: String? = nil) {
        self.policy = policy
        self.consent = consent
        self.organisation = organisation
        self.organisationNames = organisationNames
        self.defaultRole = defaultRole
        self.defaultChannel = defaultChannel
    }
}

/// The engine: rules plus their data, immutable and shared. Each thread checks records with its own `Checker`.
public final class Linter: Sendable {
    /// The lexicons and policy packs the rules read.
    public let resources: LinterResources
    /// The rules in force: with a policy chosen, only those its pack lists.
    package let rules: [any Rule]
    /// The options, with school names resolved to pack ids.
    public let options: LintOptions
    /// The rules' descriptions, read once: they are large values, not worth copying per record.
    let descriptions: [RuleDescription]
    /// Per rule: the clauses it cites and the severity of a sure detection (configuration, else the
    /// policy pack, else the rule's default).
    let citations: [(clauses: [ProtocolClause], severity: Severity)]
    /// Per policy pack id: the configured aliases plus the distinctive words of the school's name
    /// (Regenboog, Montessori, SVOK), folded once.
    let organisationNames: [String: [[UInt8]]]
    let aliases: [[UInt8]]
    /// Without a policy forced on every post: per policy pack id, the linter for that school's posts
    /// (its rules, severities and clauses), chosen by the post's `org` or the configured organisation.
    private let schools: [String: Linter]

    package init(resources: LinterResources, rules: [any Rule] = RuleRegistry.all, options given: LintOptions = LintOptions()) {
        // A school may be named by its id, its organisation or an alias its pack gives ("De Klimop").
        var options = given
        options.policy = options.policy.map { resources.policies.pack(named: $0)?.id ?? $0 }
        options.organisation = options.organisation.map { resources.policies.pack(named: $0)?.id ?? $0 }
        let pack = options.policy.flatMap { resources.policies.pack($0) }
        let enforced = rules.filter { rule in
            (pack == nil || pack!.rules[rule.description.id] != nil) && options.ruleSettings[rule.description.id]?.enabled != false
        }
        self.resources = resources
        self.rules = enforced
        self.options = options
        descriptions = enforced.map(\.description)
        let folder = KeyFolder()
        let aliases = options.organisationNames.map { folder.key(of: $0) }
        self.aliases = aliases
        organisationNames = Dictionary(uniqueKeysWithValues: resources.policies.packs.map { pack in
            (pack.id, aliases + pack.aliases.map { folder.key(of: $0) } + pack.organisation.split(whereSeparator: { !$0.isLetter })
                .filter { $0.count >= 4 && $0.first!.isUppercase }.map { folder.key(of: String($0)) })
        })
        // A post of no known school cites no protocol: every school's clauses at once would present
        // it as belonging to all of them.
        citations = descriptions.map { description in
            (options.policy.map { resources.policies.clauses(for: description.id, policy: $0) } ?? [],
             options.ruleSettings[description.id]?.severity ?? pack?.rules[description.id]?.severity ?? description.defaultSeverity)
        }
        schools = options.policy != nil ? [:] : Dictionary(uniqueKeysWithValues: resources.policies.packs.map { pack in
            var schoolOptions = options
            schoolOptions.policy = pack.id
            return (pack.id, Linter(resources: resources, rules: rules, options: schoolOptions))
        })
    }

    /// The linter for one post: its school's when no policy is forced and the post's `org` (else the
    /// configured organisation) names a policy pack, so the finding cites that school's own protocol;
    /// else this one.
    func linter(for metadata: RecordMetadata) -> Linter {
        guard !schools.isEmpty, let school = metadata.organisation ?? options.organisation else { return self }
        return schools[school] ?? resources.policies.pack(named: school).flatMap { schools[$0.id] } ?? self
    }

    /// The clauses rule `id` cites under the chosen policy (empty if the rule is not in force).
    public func clauses(of id: String) -> [ProtocolClause] {
        descriptions.firstIndex { $0.id == id }.map { citations[$0].clauses } ?? []
    }

    /// The severity of a sure detection of rule `id`: what `rules`, `explain`, SARIF and the service show.
    public func severity(of id: String) -> Severity {
        descriptions.firstIndex { $0.id == id }.map { citations[$0].severity } ?? .info
    }

    /// A checker for one thread (each has its own tokenizer and buffers).
    public func makeChecker() throws(TextModelError) -> Checker {
        try Checker(linter: self)
    }
}

/// Checks records one after another on one thread: decode → tokens → rules → findings.
public final class Checker {
    /// Findings reported per record at most; beyond it the record gets `findings.truncated`. Each finding
    /// carries its clauses (a few KB in JSON), and a post is never worth more than this many.
    public static let maximumFindings = 10_000

    private let linter: Linter
    private let tokenizer: Tokenizer
    private let profanityMatcher: ProfanityMatcher
    private let keys: WordKeys

    init(linter: Linter) throws(TextModelError) {
        self.linter = linter
        let folder = KeyFolder(lookalikes: linter.resources.letterLookalikes)
        keys = WordKeys(folder: folder, tables: linter.resources.keyTables, facets: linter.resources.facets)
        profanityMatcher = ProfanityMatcher(lexicon: linter.resources.profanity, terms: linter.resources.profanityTerms,
                                            context: linter.resources.profanityContext, folder: folder)
        tokenizer = try Tokenizer()
    }

    /// Turns off the tokenizer's ASCII fast path (for benchmarks comparing against pure ICU).
    package var usesTokenizerFastPath: Bool {
        get { tokenizer.usesFastPath }
        set { tokenizer.usesFastPath = newValue }
    }

    /// Checks one record: its findings and warnings, or why it could not be checked.
    public func lint(_ record: Record) -> RecordOutcome {
        let document: Document
        do { document = try self.document(for: record) } catch {
            return .failed(id: record.id, error: error)
        }
        return .checked(lint(document))
    }

    package func document(for record: Record) throws(RecordError) -> Document {
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

    /// The rules' view of one document: keys made, analyses ready to be asked for.
    func context(for document: Document) -> RuleContext {
        keys.rebuild(for: document)
        return RuleContext(document: document, keys: keys, profanityMatcher: profanityMatcher, linter: linter.linter(for: document.metadata))
    }

    func lint(_ document: Document) -> LintResult {
        let context = context(for: document)
        let linter = context.linter
        var pending: [(rule: Int, detection: Detection)] = []
        for (index, rule) in linter.rules.enumerated() {
            for detection in rule.detect(in: context) { pending.append((index, detection)) }
        }
        let notes = RecordNotes.warnings(for: document.metadata, checkedBy: linter)
        guard !pending.isEmpty else { return LintResult(id: document.id, findings: [], warnings: document.warnings + notes, text: document.bytes) }
        let descriptions = linter.descriptions
        pending.sort {
            ($0.detection.range.lowerBound, $0.detection.range.upperBound, descriptions[$0.rule].id)
                < ($1.detection.range.lowerBound, $1.detection.range.upperBound, descriptions[$1.rule].id)
        }
        var warnings = document.warnings + notes
        if pending.count > Self.maximumFindings {
            warnings.append(.findingsTruncated(found: pending.count, reported: Self.maximumFindings))
            // Exit codes and verdicts go by the most severe finding: if only dropped ones have that
            // severity, the first of them takes the last place.
            let severities = pending.map { Self.severity(of: $0.rule, $0.detection, linter: linter) }
            let highest = severities.max()!
            if !severities[..<Self.maximumFindings].contains(highest), let first = severities.firstIndex(of: highest) {
                pending[Self.maximumFindings - 1] = pending[first]
            }
            pending.removeSubrange(Self.maximumFindings...)
        }
        var positions = TextPositions(document.bytes)
        let findings = pending.map { makeFinding($0.rule, $0.detection, linter: linter, document: document, positions: &positions) }
        return LintResult(id: document.id, findings: findings, warnings: warnings, text: document.bytes)
    }

    /// A detection's severity, the one path every output reads: the rule's severity in force, stepped
    /// down for a less sure detection.
    private static func severity(of ruleIndex: Int, _ detection: Detection, linter: Linter) -> Severity {
        linter.citations[ruleIndex].severity.lowered(for: detection.sureness)
    }

    private func makeFinding(_ ruleIndex: Int, _ detection: Detection, linter: Linter, document: Document, positions: inout TextPositions) -> Finding {
        let rule = linter.descriptions[ruleIndex]
        let citation = linter.citations[ruleIndex]
        let options = linter.options
        let location = positions.location(of: detection.range)
        return Finding(
            rule: rule.id, category: rule.category, severity: Self.severity(of: ruleIndex, detection, linter: linter),
            span: location.scalars, utf16: location.utf16, utf8: location.utf8,
            line: location.line, column: location.column, match: document.text(of: detection.range), normalized: detection.normalized,
            detail: detection.detail, suggestion: detection.suggestion ?? rule.suggestion, clauses: citation.clauses,
            fingerprint: Fingerprint.of(rule: rule.id, normalized: detection.normalized, key: options.fingerprintKey),
            isPostLevel: rule.judgesWholePost
        )
    }
}
