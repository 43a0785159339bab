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
    /// Replaces the rule's suggestion (the school's own disclaimer sentence).
    public var suggestion: LocalizedText?

    public init(range: Range<Int>, severity: Severity? = nil, normalized: String, detail: LocalizedText? = nil,
                suggestion: LocalizedText? = nil) {
        self.range = range
        self.severity = severity
        self.normalized = normalized
        self.detail = detail
        self.suggestion = suggestion
    }
}

/// A check of one concern. It declares itself in `description` and detects; it never prints.
///
/// Rules return their description from a `static let`, not a stored property: a rule value is copied
/// for every document checked, and a stored description would be copied with it — dozens of
/// reference counts that every checking thread shares.
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
    /// The linter itself rather than copies of its options and data: one reference count per post,
    /// not one per field, on values every checking thread shares.
    let linter: Linter
    var resources: LinterResources { linter.resources }
    private var options: LintOptions { _read { yield linter.options } }

    init(document: Document, keys: WordKeys, profanityMatcher: ProfanityMatcher, linter: Linter) {
        self.document = document
        self.keys = keys
        self.profanityMatcher = profanityMatcher
        self.linter = linter
    }

    /// The folded names a staff post about its school may use: the pack's and the configured aliases.
    func organisationNames(_ packID: String?) -> [[UInt8]] {
        packID.flatMap { linter.organisationNames[$0] } ?? linter.aliases
    }

    /// Who wrote the post: the record says, else the configured default.
    public var authorRole: AuthorRole? { document.metadata.authorRole ?? options.defaultRole }

    /// Where the post goes: the record says, else the configured default.
    public var channel: String? { (document.metadata.channel ?? options.defaultChannel)?.lowercased() }

    /// The policy pack of the post's school: the record's `org`, else the configured organisation or --policy.
    public var policyPack: PolicyPack? {
        (document.metadata.organisation ?? options.organisation ?? options.policy).flatMap { resources.policies.pack($0) }
    }

    /// The document's sentences as token ranges, for rules that read constructions.
    private(set) lazy var sentences: [Range<Int>] = SentenceUnits.sentences(of: document)

    /// Reads a sentence's words into word classes (made once per document, when a construction rule asks).
    private(set) lazy var sentenceReader = SentenceReader(
        document: document, keys: keys, book: resources.grammar.book, verbs: resources.grammar.verbs,
        names: resources.personalData.names,
        profanity: profanityMatches.map { ($0.range, $0.entry.wordClass == .insult || $0.entry.wordClass == .slur) })

    private var sentenceUnits: [Int: SentenceUnits] = [:]

    /// The word classes of all the post's words, with those of compound ends the grammar names
    /// (`WordClassBook.postTailClassNames`): whether a post mentions a game or a report anywhere.
    private(set) lazy var postClasses: WordClassSet = {
        let book = resources.grammar.book
        var classes = WordClassSet()
        for index in document.tokens.indices where document.tokens[index].kind == .word {
            if let known = book.words.value(for: keys.key(index), hash: keys.hash(index)) { classes.formUnion(known) }
            let key = keys.key(index)
            if key.count >= 7, let tail = book.postTails.longestStem(in: key, minimumRest: 3) {
                classes.formUnion(book.postTailClasses[tail])
            }
        }
        return classes
    }()

    /// The units of sentence `index` (of `sentences`), read once.
    func units(ofSentence index: Int) -> SentenceUnits {
        if let units = sentenceUnits[index] { return units }
        let units = sentenceReader.units(of: sentences[index])
        sentenceUnits[index] = units
        return units
    }

    /// School topics, personal voice, disclaimers, closed channels and befriending calls: asked for only
    /// by rules that apply to the post (staff posts; photos bound for a public channel).
    private(set) lazy var voice = VoiceScan(document: document, keys: keys, resources: resources,
                                            organisationNames: organisationNames(policyPack?.id))

    /// Phones, e-mail, addresses, BSNs, IBANs, birth dates and names with photos, found in one pass.
    private(set) lazy var personalData = PersonalDataScan(document: document, keys: keys, resources: resources, consent: options.consent)

    /// The personal data of one category, for the rule that reports it.
    func personalData(_ category: FindingCategory) -> [Detection] {
        personalData.items.compactMap { $0.category == category ? $0.detection : nil }
    }

    /// Every profanity match of the document, for all profanity rules.
    public private(set) lazy var profanityMatches: [ProfanityMatch] = profanityMatcher.matches(in: document, keys: keys)
}
