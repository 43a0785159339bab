/// What a staff post shows about whether it needs a personal-title disclaimer: how much it is about school
/// or education, how much it judges, how much it is a practical message or personal news, and whether it
/// already says it is a personal view. Neutral evidence; `MissingDisclaimerRule` weighs it.
package struct DisclaimerEvidence {
    /// The kinds of evidence, each a count (capped) or a flag; the weights file names them.
    package enum Feature: String, CaseIterable, Sendable {
        /// School and education words, the school's own name, class codes ("3C", "groep 7").
        case topic
        /// Education policy and its makers: inspectie, ministerie, passend onderwijs, werkdruk.
        case policy
        /// People by role (vader, moeder, meneer, kind): a staff post about them may be about school.
        case people
        /// Opinion phrases and words of feeling ("ik vind", "schandalig", "trots", 😩).
        case opinion
        /// Markers that an opinion follows: "eerlijk:", "hot take", "als je het mij vraagt".
        case stance
        /// Irony that judges: "briljant weer 👏", "gelukt hoor".
        case sarcasm
        /// Adjectives of the subjectivity lexicon that judge negatively or positively.
        case negativeWords = "negative"
        case positiveWords = "positive"
        /// Nouns that judge when said of something: schande, grap, drama, clown.
        case judgingNouns = "judging"
        /// Must, should, deserve: "dit hoort niet", "zou moeten".
        case deontic
        /// A question with a question word: "Wie heeft dit bedacht?"
        case question
        case exclamation
        /// Quotation marks around words ("'minder administratieve lasten'"): often scare quotes.
        case quotes
        case firstPerson
        case firstPersonPlural
        /// A practical message in the teacher's role: reminders, requests, instructions, a time of day.
        case practical
        /// Personal news, thanks, farewells, leave.
        case news
        /// Length: log2 of the number of words.
        case length

        /// The feature's place in `values` (declaration order); evidence is gathered per word, and an array
        /// is cheaper there than a dictionary.
        var ordinal: Int {
            switch self {
            case .topic: return 0
            case .policy: return 1
            case .people: return 2
            case .opinion: return 3
            case .stance: return 4
            case .sarcasm: return 5
            case .negativeWords: return 6
            case .positiveWords: return 7
            case .judgingNouns: return 8
            case .deontic: return 9
            case .question: return 10
            case .exclamation: return 11
            case .quotes: return 12
            case .firstPerson: return 13
            case .firstPersonPlural: return 14
            case .practical: return 15
            case .news: return 16
            case .length: return 17
            }
        }
    }

    private var values = [Double](repeating: 0, count: Feature.allCases.count)
    /// The bytes behind each feature, for explanations (at most a few each): words are made only when
    /// a finding is explained.
    private var cueRanges = [[Range<Int>]](repeating: [], count: Feature.allCases.count)
    private let document: Document
    /// The disclaimer the post already has, if any (the words).
    package private(set) var disclaimer: String?

    package subscript(feature: Feature) -> Double { values[feature.ordinal] }

    /// The words behind `feature`, at most three, each once.
    func cues(_ feature: Feature) -> [String] { cueRanges[feature.ordinal].map { document.text(of: $0) } }

    /// The words behind every feature that has any.
    package var cues: [Feature: [String]] {
        Dictionary(uniqueKeysWithValues: Feature.allCases.filter { !cueRanges[$0.ordinal].isEmpty }.map { ($0, cues($0)) })
    }

    /// Whether the post is about school at all: a school or education word, or a person by role.
    var isAboutSchool: Bool { self[.topic] + self[.people] > 0 }

    static let cap = 3.0

    mutating func add(_ feature: Feature, _ cue: Range<Int>?) {
        let ordinal = feature.ordinal
        values[ordinal] = min(values[ordinal] + 1, Self.cap)
        guard let cue, cueRanges[ordinal].count < 3 else { return }
        let bytes = document.bytes
        if !cueRanges[ordinal].contains(where: { bytes[$0].elementsEqual(bytes[cue]) }) { cueRanges[ordinal].append(cue) }
    }

    init(context: RuleContext, organisationNames: [[UInt8]]) {
        let document = context.document, keys = context.keys, tokens = document.tokens
        self.document = document
        let resources = context.resources
        let conduct = resources.conduct, book = resources.grammar.book
        func named(_ name: String) -> WordClassSet { book.classSet(named: name) ?? [] }
        let negative = named("BN_NEG"), positive = named("BN_POS"), judging = named("SCHELD"), deontic = named("MOET")
        let firstPerson = named("IK").union(named("MIJ")), plural = named("WIJ"), questionWord = named("VRAAG")
        let person = named("PERSOON").union(named("MENSEN")), hour = named("UUR"), family = named("FAMILIE"), my = named("MIJ")
        var previousClasses = WordClassSet()
        var words = 0
        var sentenceHasQuestionWord = false
        var quotationMarks = 0
        for index in tokens.indices {
            let token = tokens[index]
            if token.kind == .other {
                switch document.bytes[Int(token.start)] {
                case UInt8(ascii: "?"):
                    if sentenceHasQuestionWord { add(.question, token.byteRange) }
                    sentenceHasQuestionWord = false
                case UInt8(ascii: "!"): add(.exclamation, nil)
                case UInt8(ascii: "."): sentenceHasQuestionWord = false
                default:
                    if document.isQuotationMark(index) { quotationMarks += 1 }
                }
                continue
            }
            guard token.isWordLike else { continue }
            words += 1
            // An e-mail address or a phone number: a contact message.
            if document.bytes[token.byteRange].contains(UInt8(ascii: "@")) { add(.practical, nil) }
            // "om 19.15 uur", "8:45": a time of day belongs to a practical message.
            if token.kind == .number, Self.isClockTime(document, index) { add(.practical, token.byteRange) }
            let facet = keys.facet(index)
            if facet.contains(.disclaimer), disclaimer == nil {
                conduct.disclaimers.forEachTerm(anchoredAt: index, in: document, keys: keys) { _, first, last in
                    disclaimer = document.text(of: Int(tokens[first].start)..<Int(tokens[last].end))
                }
            }
            if facet.contains(.schoolTopic) {
                conduct.schoolTopics.forEachTerm(anchoredAt: index, in: document, keys: keys) { kind, first, last in
                    let cue = Int(tokens[first].start)..<Int(tokens[last].end)
                    switch kind {
                    case .topic: add(.topic, cue)
                    case .policy: add(.policy, cue); add(.topic, cue)
                    case .voice: add(.opinion, cue)
                    case .stance: add(.stance, cue)
                    case .sarcasm: add(.sarcasm, cue)
                    case .practical: add(.practical, cue)
                    case .news: add(.news, cue)
                    case .`self`: break
                    }
                }
            }
            let key = keys.key(index)
            if organisationNames.contains(where: { key.elementsEqual($0) }) || SentenceReader.isClassCode(key) {
                add(.topic, token.byteRange)
            }
            let classes = book.words.value(for: key, hash: keys.hash(index)) ?? []
            if !classes.isDisjoint(with: negative) { add(.negativeWords, token.byteRange) }
            if !classes.isDisjoint(with: positive) { add(.positiveWords, token.byteRange) }
            if !classes.isDisjoint(with: judging) { add(.judgingNouns, token.byteRange) }
            if !classes.isDisjoint(with: deontic) { add(.deontic, token.byteRange) }
            // "mijn dochter" is the writer's family, not school.
            if !classes.isDisjoint(with: person), classes.isDisjoint(with: family) || previousClasses.isDisjoint(with: my) {
                add(.people, token.byteRange)
            }
            previousClasses = classes
            if !classes.isDisjoint(with: hour) { add(.practical, token.byteRange) }
            if !classes.isDisjoint(with: firstPerson) { add(.firstPerson, nil) }
            if !classes.isDisjoint(with: plural) { add(.firstPersonPlural, nil) }
            if !classes.isDisjoint(with: questionWord) { sentenceHasQuestionWord = true }
        }
        if quotationMarks >= 2 { for _ in 0..<(quotationMarks / 2) { add(.quotes, nil) } }
        if conduct.voiceEmoji.occurs(in: document.bytes) { add(.opinion, nil) }
        values[Feature.length.ordinal] = words > 0 ? (Double(words + 1)).squareRoot() / 4 : 0
        if disclaimer == nil { disclaimer = Self.disclaimerConstruction(context) }
    }

    /// "19.15", "8:45", "9.00": hours and minutes.
    private static func isClockTime(_ document: Document, _ index: Int) -> Bool {
        let bytes = document.bytes[document.tokens[index].byteRange]
        guard let separator = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else { return false }
        let hours = bytes[bytes.startIndex..<separator], minutes = bytes[(separator + 1)...]
        return (1...2).contains(hours.count) && minutes.count == 2 && minutes.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    /// The first disclaimer construction (Lexicons/nl/constructions/disclaimer.tsv) in the post.
    private static func disclaimerConstruction(_ context: RuleContext) -> String? {
        context.matches(of: context.resources.disclaimerConstructions, anchoredBy: .disclaimerAnchor, firstOnly: true).first.map { context.document.text(of: $0.range) }
    }
}

/// Weights of the evidence (`Lexicons/nl/models/missing-disclaimer.tsv`), fitted at development time by
/// scripts/models/train_missing_disclaimer.py on the development corpus.
typealias DisclaimerModel = LogisticModel<DisclaimerEvidence.Feature>

extension LogisticModel where Feature == DisclaimerEvidence.Feature {
    static var file: String { "nl/models/missing-disclaimer.tsv" }

    /// The log-odds that the post gives an opinion about school or education.
    func score(_ evidence: DisclaimerEvidence) -> Double { score { evidence[$0] } }
}
