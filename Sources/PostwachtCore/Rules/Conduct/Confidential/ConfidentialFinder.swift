/// The confidential rule's reading of a post: confidential terms (Lexicons/nl/confidential-terms.tsv)
/// found through the facet table, then judged in their sentence. Markers, internal documents and files
/// are confidential on their own; health, diagnoses, measures, family circumstances, complaints and the
/// AVG art. 9 categories only when they concern a specific person — a name, "mijn collega", "de vader
/// van Daan", "een meisje uit mijn klas", "je", a pronoun in a post that names someone — and not the
/// writer themself, a group ("moslims"), someone in general ("een kind met dyslexie krijgt extra
/// tijd") or a measure that is only possible ("kan worden geschorst"). Meetings about pupils
/// (zorgoverleg, MDO, rapportvergadering) are confidential when the post names whom they were about.
struct ConfidentialFinder {
    let context: RuleContext

    private struct Classes {
        let name, title, person, people, group, groupMember, ownerOrThis, article, preposition, you, third, singular, me, copula, modal, barrier: WordClassSet
        let family, myself, report, filler, writer, count, classCode: WordClassSet
        init(_ book: WordClassBook) {
            func named(_ name: String) -> WordClassSet { book.classSet(named: name) ?? [] }
            name = book[.name]
            title = named("TITEL")
            person = named("PERSOON")
            people = named("MENSEN")
            group = named("GROEP")
            groupMember = named("GROEPLID")
            ownerOrThis = named("MIJ").union(named("BEZ")).union(named("DIE"))
            article = named("DE")
            preposition = named("VZ")
            you = named("JIJ").union(named("JOU"))
            third = named("HIJ").union(named("HEM")).union(named("BEZ"))
            singular = named("ENKEL")
            me = named("IK").union(named("MIJ"))
            copula = named("IS")
            modal = named("MOET").union(named("KAN")).union(named("GA")).union(named("ALS"))
            barrier = named("BARRIER").union(book[.comma])
            family = named("FAMILIE")
            myself = named("MIJ")
            report = named("MELD")
            filler = named("VUL").union(named("BN"))
            writer = named("IK")
            count = book[.number].union(named("TELWOORD"))
            classCode = book[.classCode]
        }
    }

    private static let specialCategories: Set<String> = ["religion", "ethnicity", "orientation", "politics", "union"]

    func detections() -> [Detection] {
        let document = context.document, keys = context.keys, tokens = document.tokens
        let resources = context.resources
        let conduct = resources.conduct
        // Innocent phrases (vertrouwenspersoon, het dossier klimaat) cover their tokens.
        var allowed: [ClosedRange<Int>] = []
        for index in tokens.indices where keys.facet(index).contains(.confidentialAllowed) {
            conduct.confidentialAllowed.forEachTerm(anchoredAt: index, in: document, keys: keys) { _, first, last in allowed.append(first...last) }
        }
        var candidates: [(term: ConductLexicon.ConfidentialTerm, first: Int, last: Int)] = []
        let prefixes = conduct.confidentialPrefixes
        for index in tokens.indices {
            let facet = keys.facet(index)
            let prefix = tokens[index].kind == .word ? prefixes.longestStem(in: keys.key(index), minimumRest: 0) : nil
            guard facet.contains(.confidential) || prefix != nil, !allowed.contains(where: { $0.contains(index) }) else { continue }
            if facet.contains(.confidential) {
                conduct.confidentialWords.forEachTerm(anchoredAt: index, in: document, keys: keys) { term, first, last in
                    candidates.append((term, first, last))
                }
            }
            if let prefix { candidates.append((conduct.confidentialPrefixTerms[prefix], index, index)) }
        }
        guard !candidates.isEmpty else { return [] }
        let classes = Classes(resources.grammar.book)
        let sentences = context.sentences
        var sentenceOfToken = 0
        var postNamesSomeone: Bool?
        var found: [Detection] = []
        for candidate in candidates.sorted(by: { $0.first < $1.first }) {
            while sentenceOfToken + 1 < sentences.count, sentences[sentenceOfToken].upperBound <= candidate.first { sentenceOfToken += 1 }
            // "een avond over dyslexie": the subject of an event, not a person's condition.
            if candidate.term.needsPerson, candidate.first > 0, keys.keyString(candidate.first - 1) == "over" { continue }
            let units = context.units(ofSentence: sentenceOfToken)
            guard let first = units.tokens.firstIndex(of: candidate.first) ?? units.tokens.firstIndex(where: { $0 >= candidate.first }) else { continue }
            let last = units.tokens.lastIndex(where: { $0 <= candidate.last }) ?? first
            // Quoted by the school or a teacher (a lesson), or quoted in a post that reports it ("uitgescholden
            // voor 'vieze Turk', we hebben het gemeld").
            if document.isQuoted(candidate.first),
               context.authorRole == .school || context.authorRole == .staff || !context.postClasses.isDisjoint(with: classes.report) { continue }
            // "ik ben zelf moslim", "ik ben zwanger", "ik heb dyslexie": the writer's own, theirs to share.
            if candidate.term.needsPerson, isSaidOfTheWriter(units, before: first, classes) { continue }
            switch candidate.term.kind {
            case "meeting":
                if postNamesSomeone == nil { postNamesSomeone = sentences.indices.contains { namesSomeone(context.units(ofSentence: $0), outside: -1 ... -1, classes) } }
                guard postNamesSomeone! else { continue }
            case _ where !candidate.term.needsPerson:
                break
            default:
                // A staff member's own disciplinary measure is the employer's internal matter too ("er zit
                // een berisping in mijn dossier").
                let ownPersonnelMatter = candidate.term.kind == "measure" && context.authorRole == .staff
                    && units.classes.contains { !$0.isDisjoint(with: classes.writer.union(classes.myself)) }
                guard namesSomeone(units, outside: first...last, classes) || ownPersonnelMatter else { continue }
                if candidate.term.kind == "measure", isOnlyPossible(units, before: first, classes) { continue }
                if Self.specialCategories.contains(candidate.term.kind) || candidate.term.kind == "diagnosis" {
                    // A group ("moslims", "joden", "autistische kinderen", "Joodse kinderen uit Haarlem") is no
                    // one's personal data; a person's is said of them.
                    if (first...last).contains(where: { !units.classes[$0].isDisjoint(with: classes.group) }) { continue }
                    if last + 1 < units.count, !units.classes[last + 1].isDisjoint(with: classes.people) { continue }
                }
                if Self.specialCategories.contains(candidate.term.kind) {
                    if (first...last).count == 1, !units.classes.contains(where: { !$0.isDisjoint(with: classes.copula) }) { continue }
                }
            }
            found.append(DetectionSpans.detection(document, candidate.first, candidate.last))
        }
        return DetectionSpans.mostSpecific(DetectionSpans.longestOnly(found), in: document)
    }

    /// Whether the sentence names or points at one specific person (outside the term): a name, a
    /// title with a name, an owned or pointed-at person noun ("mijn collega", "die jongen"), a person
    /// noun made specific by what follows ("een meisje uit mijn klas", "de vader van Daan"), the one
    /// spoken to, or a singular pronoun in a post that is not the school's general information. Not
    /// the writer, nor people in general.
    private func namesSomeone(_ units: SentenceUnits, outside term: ClosedRange<Int>, _ classes: Classes) -> Bool {
        for unit in 0..<units.count where !term.contains(unit) {
            let unitClasses = units.classes[unit]
            if !unitClasses.isDisjoint(with: classes.name) { return true }
            let isOnePerson = !unitClasses.isDisjoint(with: classes.person.union(classes.groupMember)) && unitClasses.isDisjoint(with: classes.people)
            if isOnePerson {
                let before = unit > 0 ? units.classes[unit - 1] : []
                // "mijn moeder", "mijn dochter": the writer's own family, theirs to share.
                if !unitClasses.isDisjoint(with: classes.family), !before.isDisjoint(with: classes.myself) { continue }
                // "hun kind", "their child": owned by people in general, not one specific person's ("onze
                // zoon", "jullie dochter" are one).
                let pluralOwner = unit > 0 && Self.pluralOwners.contains(where: { context.keys.key(units.tokens[unit - 1]).elementsEqual($0) })
                if context.authorRole != .school, !unitClasses.isDisjoint(with: classes.title) || !before.isDisjoint(with: classes.ownerOrThis) && !pluralOwner { return true }
                // "een meisje uit mijn klas", "de vader van Daan", "Leerling uit 2A": made specific by where they are
                // from; "een kind met dyslexie" describes anyone.
                let specifiedAfter = unit + 1 < units.count && !term.contains(unit + 1)
                    && Self.specifyingPrepositions.contains(where: { context.keys.key(units.tokens[unit + 1]).elementsEqual($0) })
                // The school's general information names roles ("de vertrouwenspersoon van onze stichting"); it is
                // about someone only when it places them ("de leerling uit groep 8").
                if context.authorRole == .school {
                    let placed = unit + 1 < units.count && Self.placingPrepositions.contains(where: { context.keys.key(units.tokens[unit + 1]).elementsEqual($0) })
                    if placed && !before.isDisjoint(with: classes.article) { return true }
                    continue
                }
                if !before.isDisjoint(with: classes.article) {
                    let indefinite = Self.indefiniteArticles.contains(where: { context.keys.key(units.tokens[unit - 1]).elementsEqual($0) })
                    if !indefinite || specifiedAfter { return true }
                } else if unit == 0 && specifiedAfter {
                    return true
                }
            }
            // "drie leerlingen van 4havo", "twee kinderen uit groep 5": a counted, placed few are identifiable.
            if context.authorRole != .school, !unitClasses.isDisjoint(with: classes.people), unit > 0,
               !units.classes[unit - 1].isDisjoint(with: classes.count),
               unit + 2 < units.count, Self.placingPrepositions.contains(where: { context.keys.key(units.tokens[unit + 1]).elementsEqual($0) }) || context.keys.key(units.tokens[unit + 1]).elementsEqual(Array("van".utf8)),
               !units.classes[unit + 2].isDisjoint(with: classes.classCode.union(classes.people)) { return true }
            // The school addressing its readers ("heeft u een klacht?") names no one.
            if context.authorRole != .school, !unitClasses.isDisjoint(with: classes.you), !unitClasses.isDisjoint(with: classes.singular) { return true }
            if context.authorRole != .school, !unitClasses.isDisjoint(with: classes.third), !unitClasses.isDisjoint(with: classes.singular) { return true }
        }
        return false
    }

    /// The term said of the writer: "ik ben (zelf) (half) …", "ik heb (zelf) (ook) …", "I am …", with
    /// only fillers, adjectives and articles between.
    private func isSaidOfTheWriter(_ units: SentenceUnits, before first: Int, _ classes: Classes) -> Bool {
        var unit = first - 1
        var steps = 0
        while unit >= 0, steps < 4, !units.classes[unit].isDisjoint(with: classes.filler) || Self.betweenSelfAndTerm.contains(where: { context.keys.key(units.tokens[unit]).elementsEqual($0) }) {
            unit -= 1
            steps += 1
        }
        guard unit >= 1 else { return false }
        let verb = units.classes[unit]
        let isHave = Self.have.contains(where: { context.keys.key(units.tokens[unit]).elementsEqual($0) })
        guard !verb.isDisjoint(with: classes.copula) || isHave else { return false }
        return !units.classes[unit - 1].isDisjoint(with: classes.writer) || unit + 1 < units.count && !units.classes[unit + 1].isDisjoint(with: classes.writer)
    }

    private static let betweenSelfAndTerm: [[UInt8]] = ["zelf", "half", "ook", "een", "a", "an", "de", "het", "also", "myself", "licht", "lichte", "ernstige"].map { Array($0.utf8) }
    private static let have: [[UInt8]] = ["heb", "hebt", "have", "had"].map { Array($0.utf8) }

    private static let pluralOwners: [[UInt8]] = ["hun", "their"].map { Array($0.utf8) }

    private static let indefiniteArticles: [[UInt8]] = ["een", "n", "a", "an"].map { Array($0.utf8) }
    private static let specifyingPrepositions: [[UInt8]] = ["uit", "van", "in", "from", "of"].map { Array($0.utf8) }
    private static let placingPrepositions: [[UInt8]] = ["uit", "in", "from"].map { Array($0.utf8) }

    /// "kan worden geschorst", "moet ontslagen worden", "als je … wordt geschorst": a measure that may
    /// happen, not one that did.
    private func isOnlyPossible(_ units: SentenceUnits, before first: Int, _ classes: Classes) -> Bool {
        var unit = first - 1
        var distance = 0
        while unit >= 0, distance < 4, units.classes[unit].isDisjoint(with: classes.barrier) {
            if !units.classes[unit].isDisjoint(with: classes.modal) { return true }
            unit -= 1
            distance += 1
        }
        // "geschorst kan worden"
        return first + 1 < units.count && !units.classes[first + 1].isDisjoint(with: classes.modal)
    }
}
