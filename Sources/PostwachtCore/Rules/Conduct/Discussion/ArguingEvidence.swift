/// What a staff comment or reply says, weighed by conduct.arguing's model (`ArguingModel`): the arguing
/// constructions it matches, how it addresses and contradicts the reader, and the referrals, thanks and
/// apologies that keep a reply out of an argument. Neutral facts; the rule decides what they mean.
///
/// The constructions alone carried to new text poorly (13 of 13 on the set they were written from, 2 of
/// 12 and 6 of 32 on two sets written after): Dutch argues in too many words. The model weighs the
/// signs that do carry.
package struct ArguingEvidence: Sendable {
    package enum Feature: String, CaseIterable, Sendable {
        /// Matches of the arguing construction families (Lexicons/nl/constructions/arguing.tsv) and the
        /// contradiction phrases of nl/clause-cues.tsv.
        case contradiction, blame, tellingOff
        /// Words for the reader: u, je, jij, jullie, uw, jouw, you, your.
        case address
        /// niet, geen, nooit, not.
        case negation
        /// maar, juist, toch, heus, nee, gewoon, simply (TEGENDEEL).
        case contrast
        /// Negative evaluative adjectives (the CLiPS subjectivity lexicon) and insult nouns.
        case judging
        case firstPerson
        /// moet, moeten, zou moeten.
        case deontic
        case question
        case exclamation
        /// A way out to a private talk: bel, mail, afspraak, langskomen, bespreken (VERWIJZING).
        case referral
        /// Thanks, apologies, understanding: dank, sorry, excuses, begrijp, terecht (BELEEFD).
        case courtesy
        /// √(words + 1) / 4.
        case length
        /// The reply answers a parent or a pupil (reply_to_role).
        case answersParentOrPupil

        var ordinal: Int { Self.allCases.firstIndex(of: self)! }
    }

    static let cap = 3.0
    private var values = [Double](repeating: 0, count: Feature.allCases.count)

    package subscript(feature: Feature) -> Double { values[feature.ordinal] }

    /// The construction matches and contradiction phrases found, as byte ranges: the spans a finding shows.
    package private(set) var spans: [Range<Int>] = []

    init(context: RuleContext) {
        let document = context.document, keys = context.keys, book = context.resources.grammar.book
        func named(_ name: String) -> WordClassSet { book.classSet(named: name) ?? [] }
        let address = named("JIJ").union(named("JOU")), negation = named("NIET"), contrast = named("TEGENDEEL")
        let judging = named("BN_NEG").union(named("SCHELD")), firstPerson = named("IK").union(named("MIJ")), deontic = named("MOET")
        let referral = named("VERWIJZING"), courtesy = named("BELEEFD"), possessive = named("BEZ")
        var words = 0
        for index in document.tokens.indices {
            let token = document.tokens[index]
            if token.kind == .other {
                if document.isCharacter(index, "?") { add(.question) }
                if document.isCharacter(index, "!") { add(.exclamation) }
                continue
            }
            guard token.isWordLike else { continue }
            words += 1
            let classes = book.words.value(for: keys.key(index), hash: keys.hash(index)) ?? []
            if !classes.isDisjoint(with: address) || !classes.isDisjoint(with: possessive) && classes.isDisjoint(with: firstPerson) { add(.address) }
            if !classes.isDisjoint(with: negation) { add(.negation) }
            if !classes.isDisjoint(with: contrast) || keys.key(index).elementsEqual("maar".utf8) { add(.contrast) }
            if !classes.isDisjoint(with: judging) { add(.judging) }
            if !classes.isDisjoint(with: firstPerson) { add(.firstPerson) }
            if !classes.isDisjoint(with: deontic) { add(.deontic) }
            if !classes.isDisjoint(with: referral) { add(.referral) }
            if !classes.isDisjoint(with: courtesy) { add(.courtesy) }
        }
        values[Feature.length.ordinal] = words > 0 ? Double(words + 1).squareRoot() / 4 : 0
        if let role = document.metadata.replyToRole, role == .parent || role == .pupil { values[Feature.answersParentOrPupil.ordinal] = 1 }
        for cue in context.clauseCues.joinedCues(.contradiction) {
            add(.contradiction)
            spans.append(document.range(of: cue))
        }
        for match in context.matches(of: context.resources.arguingConstructions) {
            switch match.family {
            case "tegenspraak": add(.contradiction)
            case "verwijt": add(.blame)
            default: add(.tellingOff)
            }
            spans.append(match.range)
        }
    }

    private mutating func add(_ feature: Feature) {
        values[feature.ordinal] = min(values[feature.ordinal] + 1, Self.cap)
    }
}

/// The weights of `ArguingEvidence` (`Lexicons/nl/models/arguing.tsv`), fitted at development time by
/// scripts/models/train_arguing.py.
typealias ArguingModel = LogisticModel<ArguingEvidence.Feature>

extension LogisticModel where Feature == ArguingEvidence.Feature {
    static var file: String { "nl/models/arguing.tsv" }

    /// The log-odds that the reply argues.
    func score(_ evidence: ArguingEvidence) -> Double { score { evidence[$0] } }
}
