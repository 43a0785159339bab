/// The words of one sentence with their word classes: what constructions are matched over.
///
/// A unit is a word, a number, or clause punctuation (, ; : and dashes, where gaps stop); other
/// punctuation and emoji are left out, so "ik maak je 🔪 af" reads as four words and a particle.
struct SentenceUnits {
    /// Token index of each unit.
    var tokens: [Int] = []
    var classes: [WordClassSet] = []
    /// For a separable verb read with its particle: the token where the particle ends (the finding's
    /// span reaches it), else -1.
    var particleEnd: [Int] = []
    /// Every class some unit has: a construction whose anchor is not in it is not tried.
    var allClasses = WordClassSet()

    var count: Int { tokens.count }

    /// The sentences of a document as token ranges: split after . ! ? (not an abbreviation's dot) and at
    /// line breaks. Built once per document, by whoever first asks.
    static func sentences(of document: Document) -> [Range<Int>] {
        let tokens = document.tokens
        var result: [Range<Int>] = []
        var start = 0
        for index in tokens.indices {
            let breaksBefore = index > start && document.bytes[Int(tokens[index - 1].end)..<Int(tokens[index].start)].contains(0x0A)
            if breaksBefore {
                result.append(start..<index)
                start = index
            }
            if document.endsSentence(index) {
                // A run of ?!. stays with its sentence.
                if index + 1 < tokens.count, document.endsSentence(index + 1), document.isGlued(index, index + 1) { continue }
                result.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }
}

/// Reads sentences into units: classes from the word book, the classes the text decides (names,
/// class codes, profanity), separable verbs joined with their particles, and possessive pronouns told
/// from object pronouns ("ik sla je" against "ik sla je record").
struct SentenceReader {
    let document: Document
    let keys: WordKeys
    let book: WordClassBook
    let verbs: VerbTable
    let names: NameLexicon
    /// Profanity in the document, as byte ranges with whether each insults (insult, slur) or curses.
    let profanity: [(range: Range<Int>, insults: Bool)]

    func units(of sentence: Range<Int>) -> SentenceUnits {
        var units = SentenceUnits()
        let tokens = document.tokens
        let comma = book[.comma], word = book[.word], number = book[.number], capitalised = book[.capitalised]
        let name = book[.name], classCode = book[.classCode], insult = book[.insultWord], curse = book[.curseWord]
        var profanityIndex = profanity.partitioningIndex { $0.range.upperBound > Int(tokens[sentence.lowerBound].start) }
        for index in sentence {
            let token = tokens[index]
            var classes = WordClassSet()
            switch token.kind {
            case .word, .number:
                classes = book.words.value(for: keys.key(index), hash: keys.hash(index)) ?? []
                classes.insert(token.kind == .word ? word : number)
                if token.kind == .word, document.isCapitalized(index) { classes.insert(capitalised) }
                if keys.facet(index).contains(.givenName),
                   document.isCapitalized(index) || names.firstNames.value(for: keys.key(index), hash: keys.hash(index)) == false {
                    classes.insert(name)
                } else if document.isCapitalized(index), !document.startsSentence(index),
                          names.surnames.value(for: keys.key(index), hash: keys.hash(index)) == false {
                    // A surname that is no ordinary word, inside a sentence: "de familie Bosman".
                    classes.insert(name)
                }
                if Self.isClassCode(keys.key(index)) { classes.insert(classCode) }
                while profanityIndex < profanity.count, profanity[profanityIndex].range.upperBound <= Int(token.start) { profanityIndex += 1 }
                if profanityIndex < profanity.count, profanity[profanityIndex].range.contains(Int(token.start)) {
                    classes.insert(profanity[profanityIndex].insults ? insult : curse)
                }
            case .other:
                guard Self.isClausePunctuation(document, index) else { continue }
                // A hyphen inside a word ("non-binary", "Roma-kinderen") joins it, it ends no clause.
                if index > 0, index + 1 < tokens.count, document.isGlued(index - 1, index), document.isGlued(index, index + 1) { continue }
                classes = comma
            case .whitespace:
                continue
            }
            units.tokens.append(index)
            units.classes.append(classes)
            units.particleEnd.append(-1)
        }
        readCompounds(&units)
        joinParticles(&units)
        readPossessives(&units)
        units.allClasses = units.classes.reduce(into: WordClassSet()) { $0.formUnion($1) }
        return units
    }

    /// A word no list knows that ends in a person or group noun takes its class ("asielzoekerskinderen",
    /// "gymjuf"), and a curse compound that ends in one insults that person ("kankerleraar",
    /// "kutbrugklassers"), where "pleurisdag" only curses.
    private func readCompounds(_ units: inout SentenceUnits) {
        let plain = book[.word].union(book[.capitalised]).union(book[.insultWord]).union(book[.curseWord])
        for unit in 0..<units.count where units.classes[unit].isSubset(of: plain) && units.classes[unit].contains(book[.word]) {
            let key = keys.key(units.tokens[unit])
            guard key.count >= 8 else { continue }
            if let tail = book.compoundTails.longestStem(in: key, minimumRest: 3) {
                units.classes[unit].formUnion(book.compoundTailClasses[tail])
                if units.classes[unit].contains(book[.curseWord]) { units.classes[unit].insert(book[.insultWord]) }
            }
        }
    }

    /// "2b", "3havo", "4v", "h3", "6vwo": a year digit and a stream, or the other way round.
    static func isClassCode(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard (2...6).contains(key.count) else { return false }
        // Years 1–6 of secondary school, groups 1–8 of primary school ("groep 8b").
        let isDigit = { (byte: UInt8) in byte &- UInt8(ascii: "1") < 8 }
        let isLetter = { (byte: UInt8) in byte &- UInt8(ascii: "a") < 26 }
        if isDigit(key[0]) { return key.dropFirst().allSatisfy(isLetter) }
        return key.count <= 3 && key.dropLast().allSatisfy(isLetter) && isDigit(key[key.count - 1])
    }

    private static func isClausePunctuation(_ document: Document, _ index: Int) -> Bool {
        let bytes = document.bytes[document.tokens[index].byteRange]
        if bytes.count == 1 { return [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(bytes.first!) }
        // – and —
        return bytes.count == 3 && bytes.first == 0xE2 && bytes.dropFirst().first == 0x80
            && (bytes.last == 0x93 || bytes.last == 0x94)
    }

    private func key(_ units: SentenceUnits, _ unit: Int) -> UnsafeBufferPointer<UInt8> { keys.key(units.tokens[unit]) }

    private func matches(_ particle: [[UInt8]], in units: SentenceUnits, at start: Int) -> Bool {
        guard start >= 0, start + particle.count <= units.count else { return false }
        return particle.indices.allSatisfy { key(units, start + $0).elementsEqual(particle[$0]) }
    }

    /// The first unit of `particle` after `unit` in its clause (up to a comma), or right before it.
    private func particle(_ particle: [[UInt8]], of unit: Int, in units: SentenceUnits) -> (first: Int, last: Int)? {
        var next = unit + 1
        let boundary = book[.comma].union(book.masks.clauseEnds)
        while next < units.count, units.classes[next].isDisjoint(with: boundary) {
            if matches(particle, in: units, at: next) { return (next, next + particle.count - 1) }
            next += 1
        }
        let before = unit - particle.count
        if matches(particle, in: units, at: before) { return (before, unit - 1) }
        // "om hem een lesje te leren", "in elkaar te slaan"
        if before >= 1, key(units, unit - 1).elementsEqual([UInt8(ascii: "t"), UInt8(ascii: "e")]), matches(particle, in: units, at: before - 1) {
            return (before - 1, unit - 2)
        }
        return nil
    }

    private func endsClause(after unit: Int, in units: SentenceUnits) -> Bool {
        let next = unit + 1
        guard next < units.count else { return true }
        return !units.classes[next].isDisjoint(with: book[.comma].union(book.masks.clauseEnds))
    }

    private func joinParticles(_ units: inout SentenceUnits) {
        for unit in 0..<units.count {
            let unitKey = key(units, unit)
            guard !unitKey.isEmpty else { continue }
            let hash = keys.hash(units.tokens[unit])
            // An innocent particle ends its clause ("sla je record over"); before a noun it is a preposition
            // ("sla ik je tanden uit je bek").
            if let innocent = verbs.innocentParticles.value(for: unitKey, hash: hash),
               innocent.contains(where: { particle($0, of: unit, in: units).map { endsClause(after: $0.last, in: units) } ?? false }) {
                // "sla … over" is overslaan: drop what the verb alone would be.
                units.classes[unit].subtract(book.masks.verbs)
            }
            guard let readings = verbs.withParticle.value(for: unitKey, hash: hash) else { continue }
            // The longest particle wins ("in elkaar" before "in"); a form that is two tenses (English
            // "locked": past and participle) takes both.
            var best: (length: Int, last: Int, classes: WordClassSet)?
            for reading in readings {
                guard let found = particle(reading.particle, of: unit, in: units) else { continue }
                if best == nil || reading.particle.count > best!.length {
                    best = (reading.particle.count, found.last, reading.classes)
                } else if reading.particle.count == best!.length {
                    best!.classes.formUnion(reading.classes)
                }
            }
            guard let best else { continue }
            units.classes[unit].formUnion(best.classes)
            if best.last > unit { units.particleEnd[unit] = units.tokens[best.last] }
        }
    }

    /// "je", "haar", "zijn", "jullie" own the noun after them ("je kop", "haar banden", "je domme kop");
    /// before anything else they are the person ("ik sla je morgen", "ik vind je leuk"). A possessive keeps
    /// BEZ and loses its person classes; a person loses BEZ.
    private func readPossessives(_ units: inout SentenceUnits) {
        let possessive = book.masks.possessive, person = book.masks.personPronouns
        let adjectives = book.masks.adjectives
        guard !possessive.isEmpty else { return }
        // A noun: a word of a noun class, or a word no list knows (most unknown words after "je" are nouns).
        let unknown = book[.word].union(book[.capitalised]).union(book[.name])
        let knownNouns = book.masks.knownNouns
        func isNoun(_ unit: Int) -> Bool {
            guard unit < units.count, units.classes[unit].contains(book[.word]) else { return false }
            return !units.classes[unit].isDisjoint(with: knownNouns) || units.classes[unit].isSubset(of: unknown)
        }
        func ownsNext(_ unit: Int) -> Bool {
            let next = unit + 1
            let isAdjective = next < units.count && !units.classes[next].isDisjoint(with: adjectives)
            return isAdjective ? isNoun(next + 1) : isNoun(next)
        }
        for unit in 0..<units.count where units.classes[unit].contains(possessive) {
            if ownsNext(unit) {
                units.classes[unit].subtract(person)
            } else {
                units.classes[unit].remove(possessive)
            }
        }
        let weak = book.masks.weakPossessive, known = book.masks.knownNouns
        for unit in 0..<units.count where units.classes[unit].contains(weak) {
            if unit + 1 < units.count, !units.classes[unit + 1].isDisjoint(with: known) {
                units.classes[unit].subtract(person)
                units.classes[unit].insert(possessive)
            }
        }
        // "die" before a noun is its determiner ("ik sloop die router"), not a person.
        let determiner = book.masks.determiners
        for unit in 0..<units.count where !units.classes[unit].isDisjoint(with: determiner) && !units.classes[unit].isDisjoint(with: person) {
            if ownsNext(unit) { units.classes[unit].subtract(person) }
        }
    }
}
