/// How sure a rule is of one detection. The rule decides it; the severity the school's policy pack or
/// the configuration gives the rule is the severity of a sure detection, and less sure ones step down
/// from it (`Severity.lowered(for:)`), in one place for every output.
enum Sureness: Int, Comparable, Sendable, CaseIterable {
    /// A hint, always reported as info: a school's general mailbox, a photo with recorded consent.
    case hint = 0
    /// Probably what the rule is about, one step below the rule's severity: nine digits passing the
    /// 11-proef with no word saying BSN, an insult that is also an ordinary word.
    case likely = 1
    /// What the rule is about: the rule's severity.
    case sure = 2

    static func < (lhs: Sureness, rhs: Sureness) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The lexicons' sureness column (0, 1, 2).
    init(lexicon value: Int) { self = value >= 2 ? .sure : value == 1 ? .likely : .hint }
}

extension Severity {
    /// The severity of a detection of this sureness when a sure one has this severity.
    func lowered(for sureness: Sureness) -> Severity {
        switch sureness {
        case .sure: return self
        case .likely: return self == .error ? .warning : .info
        case .hint: return .info
        }
    }
}

/// What a rule reports: where, and what it saw there. The linter turns detections into findings
/// (positions in every unit, clauses, severity, fingerprint), so rules stay small.
package struct Detection: Sendable {
    /// UTF-8 byte range in the document.
    var range: Range<Int>
    /// How sure the rule is; the severity follows from it and the rule's severity in force.
    var sureness: Sureness
    /// The matched value in normalized form; fingerprints are made of it.
    var normalized: String
    /// Fills `{detail}` in the rule's message.
    var detail: LocalizedText?
    /// Replaces the rule's suggestion (the school's own disclaimer sentence).
    var suggestion: LocalizedText?

    init(range: Range<Int>, sureness: Sureness = .sure, normalized: String, detail: LocalizedText? = nil,
                suggestion: LocalizedText? = nil) {
        self.range = range
        self.sureness = sureness
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
package protocol Rule: Sendable {
    var description: RuleDescription { get }
    func detect(in context: RuleContext) -> [Detection]
}

/// What rules see of one document, with analyses that several rules share computed once.
package final class RuleContext {
    let document: Document
    /// The matching key of every word token, computed once for all rules.
    let keys: WordKeys
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

    /// Who wrote the post: the record says, else the configured default (the account holder's role,
    /// so not for what others wrote on the account's pages).
    var authorRole: AuthorRole? {
        document.metadata.authorRole ?? (document.metadata.byAccountHolder ? options.defaultRole : nil)
    }

    /// Where the post goes: the record says, else the configured default.
    var channel: String? { (document.metadata.channel ?? options.defaultChannel)?.lowercased() }

    /// The policy pack the post is held to: --policy, else its school's (the record's `org`, else the
    /// configured organisation), whose linter checks it with that pack as its policy.
    var policyPack: PolicyPack? { options.policy.flatMap { resources.policies.pack($0) } }

    /// When lessons are given, from the configuration (`lesson_hours:`).
    var lessonHours: LessonHours? { options.lessonHours }

    /// Who may post on the school's account, from the configuration (`account_posters:`).
    var accountPosters: [String] { options.accountPosters }

    /// The document's sentences as token ranges, for rules that read constructions.
    private(set) lazy var sentences: [Range<Int>] = SentenceUnits.sentences(of: document)

    /// Reads a sentence's words into word classes (made once per document, when a construction rule asks).
    private(set) lazy var sentenceReader = SentenceReader(
        document: document, keys: keys, book: resources.grammar.book, verbs: resources.grammar.verbs,
        names: resources.personalData.names,
        // A word that insults only when aimed ("eikels" in the woods) is an ordinary word to the grammar.
        profanity: profanityMatches.filter { $0.isAimed != false }.map { ($0.range, $0.entry.wordClass == .insult || $0.entry.wordClass == .slur) })

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
    private(set) lazy var personalData = PersonalDataScan(document: document, keys: keys, resources: resources)

    /// Pupils' photo consent, when the school gave its register (`--consent`).
    var consent: ConsentRegister? { options.consent }

    /// The cue words of the clause rules (replies, quotes, photos of school, lesson recordings), found once.
    private(set) lazy var clauseCues = ClauseCueScan(document: document, keys: keys, lexicon: resources.clauseCues)

    /// Whether the post says its writer works at the school (staff-unidentified and missing-disclaimer
    /// ask), found once.
    private(set) lazy var writerSaysTheyWorkThere = findStaffIdentification()

    /// Every profanity match of the document, for all profanity rules.
    private(set) lazy var profanityMatches: [ProfanityMatch] = profanityMatcher.matches(in: document, keys: keys)
}
