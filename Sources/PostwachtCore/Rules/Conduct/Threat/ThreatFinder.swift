/// The threat rule's reading of a post: its constructions (Lexicons/nl/constructions/threat.tsv)
/// matched in every sentence that holds a word one of them hangs on, then the rule's own judgement of
/// each match — a negation inside it, a report or condemnation around it, a game, an idiom, and for
/// the weak family whether the post gives more reason to read it as a threat.
struct ThreatFinder {
    let context: RuleContext

    struct Found {
        var range: Range<Int>
        var family: ConstructionSet.Family
        var source: String
    }

    /// Class sets the judgement reads, looked up once (`LinterResources.threatClasses`).
    struct Classes: Sendable {
        let negation, filler, barrier, report, conditional, then, game, gameVerb, doom, insult, curse, singular: WordClassSet
        let past, must, preposition, comma, again, copula, person, addressee, secondPerson: WordClassSet
        init(_ book: WordClassBook) {
            func named(_ name: String) -> WordClassSet { book.classSet(named: name) ?? [] }
            negation = named("NIET")
            filler = named("VUL").union(named("TIJD"))
            barrier = named("BARRIER").union(book[.comma])
            report = named("MELD")
            conditional = named("ALS")
            then = named("DAN")
            game = named("SPEL")
            gameVerb = named("SPELBAAR")
            doom = named("DOOD")
            insult = book[.insultWord].union(named("SCHELD"))
            curse = book[.curseWord]
            singular = named("ENKEL")
            past = named("VERLEDEN")
            must = named("MOET")
            preposition = named("VZ")
            comma = book[.comma]
            again = named("NOGMAALS")
            copula = named("IS")
            person = named("PERSOON").union(named("TITEL")).union(book[.name])
            addressee = named("JIJ").union(named("HIJ")).union(named("JOU")).union(named("HEM"))
            secondPerson = named("JIJ").union(named("JOU"))
        }
    }

    /// Family flags in the construction file: "geen-verleden" — a past auxiliary in the match (werd, was)
    /// makes it a report ("werden opgesloten"), unless a modal wishes it ("hadden … moeten");
    /// "niet-na-voorzetsel" — a match that follows a preposition is the object of another phrase
    /// ("het salaris van ⟦een leerkracht is een grap⟧").
    static let pastIsReport = "geen-verleden"
    static let notAfterPreposition = "niet-na-voorzetsel"

    func matches() -> [Found] {
        var found: [Found] = []
        judge { match, letGo in if letGo == nil { found.append(match) } }
        return found
    }

    /// Why a construction's match was let go, for people writing constructions (`postwacht lexicon parse`).
    enum LetGo: String, Sendable {
        case negated = "ontkend"
        case reported = "gemeld of geciteerd"
        case past = "verleden tijd"
        case afterPreposition = "na een voorzetsel"
        case game = "spel of sport"
        case idiom = "uitdrukking"
        case uncorroborated = "te weinig aanwijzingen"
    }

    /// Every match of every construction with the judgement on it: nil when it stands. A weak match
    /// that found too little evidence in its own sentence stands when the post holds another match
    /// apart from it: two signs of intimidation corroborate each other ("Ik ken zijn straat." after
    /// "dan zal hij nog van me horen").
    func judge(_ body: (Found, LetGo?) -> Void) {
        let document = context.document, keys = context.keys
        let constructions = context.resources.threatConstructions
        let insultRanges = context.profanityMatches.filter { ($0.entry.wordClass == .insult || $0.entry.wordClass == .slur || $0.isCompound) && $0.isAimed != false }
            .map(\.range)
        guard document.tokens.indices.contains(where: { !keys.facet($0).isDisjoint(with: [.constructionAnchor, .particleVerb]) }) || !insultRanges.isEmpty else {
            return
        }
        let classes = context.resources.threatClasses
        var judged: [(found: Found, letGo: LetGo?)] = []
        for (index, sentence) in context.sentences.enumerated() where isCandidate(sentence, insultRanges: insultRanges) {
            let units = context.units(ofSentence: index)
            let matcher = ConstructionMatcher(units: units, keys: keys, barrier: classes.barrier)
            var facts: SentenceFacts?
            for construction in constructions.constructions {
                for match in matcher.matches(of: construction) {
                    let family = constructions.family(construction.family)!
                    let found = Found(range: range(of: match, in: units), family: family, source: construction.source)
                    if facts == nil { facts = SentenceFacts(units, matcher, classes, idioms: constructions.idioms) }
                    judged.append((found, letGo(match, family, units, facts!, classes)))
                }
            }
        }
        // Another standing match apart from this one exists when one ends before it or starts after it.
        let standing = judged.filter { $0.letGo == nil || $0.letGo == .uncorroborated }.map(\.found.range)
        let earliestEnd = standing.map(\.upperBound).min() ?? .max, latestStart = standing.map(\.lowerBound).max() ?? .min
        for (found, letGo) in judged {
            if letGo == .uncorroborated, earliestEnd <= found.range.lowerBound || latestStart >= found.range.upperBound {
                body(found, nil)
            } else {
                body(found, letGo)
            }
        }
    }

    private func letGo(_ match: ConstructionMatch, _ family: ConstructionSet.Family, _ units: SentenceUnits,
                       _ facts: SentenceFacts, _ classes: Classes) -> LetGo? {
        if isNegated(match, units, classes) { return .negated }
        if isReported(match, units, facts, classes) { return .reported }
        if family.flags.contains(Self.pastIsReport), isPast(match, units, classes) { return .past }
        // The subject of a predication that follows a preposition is that phrase's object ("het salaris van
        // ⟦een leerkracht is een grap⟧"); past a comma the match is a clause of its own ("van die Ghanezen,
        // echt apen"), and without a copula it says what it says wherever it stands ("met jouw vette reet").
        let span = match.first...match.last
        if family.flags.contains(Self.notAfterPreposition), match.first > 0,
           !units.classes[match.first - 1].isDisjoint(with: classes.preposition),
           span.contains(where: { !units.classes[$0].isDisjoint(with: classes.copula) }),
           !span.contains(where: { !units.classes[$0].isDisjoint(with: classes.comma) }) { return .afterPreposition }
        if isGame(match, units, classes), documentHas(classes.game) { return .game }
        // An idiom takes back what it overlaps; a weak construction, anything in its sentence ("ik kom je
        // morgen halen, om 8 uur bij de brug").
        if family.sureness == 0 ? !facts.idiomMatches.isEmpty : facts.idiomMatches.contains(where: { overlaps($0, match) }) {
            return .idiom
        }
        if family.sureness == 0, !isCorroborated(match, units, facts, classes) { return .uncorroborated }
        return nil
    }

    /// A sentence is read when a word in it may anchor a construction, a verb has a particle that makes
    /// it a verb of harm, or profanity aims at someone.
    private func isCandidate(_ sentence: Range<Int>, insultRanges: [Range<Int>]) -> Bool {
        var facets = LexiconFacets.Facet()
        for index in sentence { facets.formUnion(context.keys.facet(index)) }
        if facets.contains(.constructionAnchor) || facets.isSuperset(of: [.particleVerb, .verbParticle]) { return true }
        let tokens = context.document.tokens
        let start = Int(tokens[sentence.lowerBound].start), end = Int(tokens[sentence.upperBound - 1].end)
        let first = insultRanges.partitioningIndex { $0.upperBound > start }
        return first < insultRanges.count && insultRanges[first].lowerBound < end
    }

    /// The bytes a match covers (its context left out), out to a separable verb's particle ("ik maak je
    /// morgen ⟦…af⟧").
    private func range(of match: ConstructionMatch, in units: SentenceUnits) -> Range<Int> {
        let tokens = context.document.tokens
        var end = Int(tokens[units.tokens[match.last]].end)
        for unit in match.first...match.last where units.particleEnd[unit] >= 0 {
            end = max(end, Int(tokens[units.particleEnd[unit]].end))
        }
        return Int(tokens[units.tokens[match.first]].start)..<end
    }

    /// "ik ga je niet slaan", "ik sla je niet": a negation a gap swallowed, one between the match and its
    /// verb's particle, or one right after the match in its clause.
    private func isNegated(_ match: ConstructionMatch, _ units: SentenceUnits, _ classes: Classes) -> Bool {
        if match.gapUnits.contains(where: { !units.classes[$0].isDisjoint(with: classes.negation) }) { return true }
        var last = match.last
        for unit in match.first...match.last where units.particleEnd[unit] >= 0 {
            while last + 1 < units.count, units.tokens[last + 1] <= units.particleEnd[unit] { last += 1 }
        }
        if last > match.last, (match.last + 1...last).contains(where: { !units.classes[$0].isDisjoint(with: classes.negation) }) { return true }
        var next = last + 1
        while next < units.count, !units.classes[next].isDisjoint(with: classes.filler), units.classes[next].isDisjoint(with: classes.negation) {
            next += 1
        }
        return next < units.count && !units.classes[next].isDisjoint(with: classes.negation)
    }

    /// A threat reported or condemned: a MELD word in the sentence outside an "als"-clause ("als je het
    /// meldt, ben je dood" still threatens), or the match inside quotation marks in a post that reports,
    /// or that the school or a teacher wrote (a lesson quoting hate to discuss it).
    private func isReported(_ match: ConstructionMatch, _ units: SentenceUnits, _ facts: SentenceFacts, _ classes: Classes) -> Bool {
        for unit in facts.reportUnits {
            // After the match only in its own clause ("ik maak je af zei hij"), not in a clause of its own
            // ("…, niet normaal wat je over mn moeder zei").
            if unit > match.last, ((match.last + 1)..<unit).contains(where: { !units.classes[$0].isDisjoint(with: classes.barrier) }) { continue }
            var back = unit - 1
            var conditional = false
            while back >= 0, units.classes[back].isDisjoint(with: classes.barrier) {
                if !units.classes[back].isDisjoint(with: classes.conditional) { conditional = true; break }
                back -= 1
            }
            if !conditional { return true }
        }
        guard context.document.isQuoted(units.tokens[match.first]) else { return false }
        return context.authorRole == .school || context.authorRole == .staff || documentHas(classes.report)
    }

    private func isPast(_ match: ConstructionMatch, _ units: SentenceUnits, _ classes: Classes) -> Bool {
        let span = match.first...match.last
        return span.contains { !units.classes[$0].isDisjoint(with: classes.past) } && !span.contains { !units.classes[$0].isDisjoint(with: classes.must) }
    }

    /// Words of harm that are also said of games, or a doom ("jullie zijn zo dood"), in a match.
    private func isGame(_ match: ConstructionMatch, _ units: SentenceUnits, _ classes: Classes) -> Bool {
        (match.first...match.last).contains { !units.classes[$0].isDisjoint(with: classes.gameVerb) }
            || (match.anchor >= 0 && !units.classes[match.anchor].isDisjoint(with: classes.doom))
    }

    /// The weak family needs more: a condition before it in the sentence ("als je …, kom ik je halen") or
    /// after it on the target ("… wat er gebeurt als je nog eens …"), "dan" right before it, a repeat
    /// warning in the post ("doe dat nog maar eens opnieuw"), an insult or curse in the post, personal
    /// data in it of a person the match names by role or name ("meester Dennis woont op de Lindenlaan 4"),
    /// a pupil saying it to or of one person ("we wachten je op" from a pupil, not "we wachten jullie op"
    /// from the school), or a parent saying it to "je" or of a person named by role or name. An
    /// appointment ("om drie uur") is an idiom of the construction file.
    private func isCorroborated(_ match: ConstructionMatch, _ units: SentenceUnits, _ facts: SentenceFacts, _ classes: Classes) -> Bool {
        if let first = facts.conditionalUnits.first, first < match.first { return true }
        // A condition after it on the target: "… wat er gebeurt als je nog eens …" (not "voor als er iets is").
        for unit in facts.conditionalUnits where unit > match.last {
            if (unit + 1..<min(unit + 3, units.count)).contains(where: { !units.classes[$0].isDisjoint(with: classes.addressee) }) { return true }
        }
        if match.first > 0, !units.classes[match.first - 1].isDisjoint(with: classes.then) || !units.classes[match.first].isDisjoint(with: classes.then) {
            return true
        }
        if documentHas(classes.again) { return true }
        if facts.hasInsult { return true }
        if context.profanityMatches.contains(where: { $0.entry.sureness >= 1 && $0.isAimed != false }) { return true }
        // Someone else's address or number, named by role or name ("meester Dennis woont op de Lindenlaan 4"),
        // not a relative's number for the school ("haar Belgische nummer is +32 …").
        if (match.first...match.last).contains(where: { !units.classes[$0].isDisjoint(with: classes.person) }),
           context.personalData.candidates.contains(where: { [.phone, .address, .email].contains($0.kind) }) { return true }
        let span = match.first...match.last
        switch context.authorRole {
        case .pupil: return span.contains { !units.classes[$0].isDisjoint(with: classes.singular) }
        // A parent to "je" or about a named person or role ("we wachten die meester op"), not "haar nummer".
        case .parent: return span.contains { !units.classes[$0].intersection(classes.singular).isDisjoint(with: classes.secondPerson)
                                              || !units.classes[$0].isDisjoint(with: classes.person) }
        default: return false
        }
    }

    /// What every match in a sentence asks of the sentence as a whole, worked out once: a post of one
    /// endless sentence would otherwise be read again for each match in it.
    private struct SentenceFacts {
        let idiomMatches: [ConstructionMatch]
        let reportUnits: [Int]
        let conditionalUnits: [Int]
        let hasInsult: Bool

        init(_ units: SentenceUnits, _ matcher: ConstructionMatcher, _ classes: Classes, idioms: [Construction]) {
            idiomMatches = idioms.flatMap { matcher.matches(of: $0) }
            reportUnits = units.classes.indices.filter { !units.classes[$0].isDisjoint(with: classes.report) }
            conditionalUnits = units.classes.indices.filter { !units.classes[$0].isDisjoint(with: classes.conditional) }
            let insults = classes.insult.union(classes.curse)
            hasInsult = units.classes.contains { !$0.isDisjoint(with: insults) }
        }
    }

    private func overlaps(_ idiom: ConstructionMatch, _ match: ConstructionMatch) -> Bool {
        idiom.first <= match.last + 1 && match.first <= idiom.last
    }

    /// Whether any word of the post has one of `classes` (for post-wide context: a game, a report), also
    /// as the end of a compound ("hockeywedstrijd", "voetbaltoernooi").
    private func documentHas(_ classes: WordClassSet) -> Bool {
        !context.postClasses.isDisjoint(with: classes)
    }
}
