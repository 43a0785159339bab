/// Verbs with their forms and particles (`Lexicons/nl/grammar/verbs-*.tsv`): which forms of a verb carry
/// a class in which tense, and which particles turn it into another verb. Dutch splits separable verbs:
/// "ik maak je morgen af" is afmaken, "ik sla je record over" is overslaan, not slaan; the particle may
/// stand words after the finite verb, or right before an infinitive or participle ("in elkaar slaan").
struct VerbTable: Sendable {
    struct Reading: Sendable {
        /// The particle's words as keys; empty for the verb on its own.
        var particle: [[UInt8]]
        var classes: WordClassSet
    }

    /// Base form key → the readings that need a particle (maak + af, sla + in elkaar).
    private(set) var withParticle = ByteStringTable<[Reading]>()
    /// Base form key → particles that make it a verb outside the table (sla … over, sla … op).
    private(set) var innocentParticles = ByteStringTable<[[[UInt8]]]>()
    /// Every class the table gave (HARM, HARM_VERLEDEN …): a particle that makes another verb removes them.
    private(set) var classNames: [String] = []
    /// The last word of every particle that makes a verb of the table ("af", "elkaar", "kapot", "fik").
    private(set) var particleWords = ByteStringTable<Bool>()
    /// The class each tense gets, per class named in the file: HARM → HARM (present, infinitive),
    /// HARM_VERLEDEN (past), HARM_DEELWOORD (participle).
    static let tenses = ["present": "", "past": "_VERLEDEN", "infinitive": "", "participle": "_DEELWOORD"]

    init() {}

    /// Reads rows `lemma<TAB>particle|-<TAB>CLASS<TAB>present forms<TAB>past forms<TAB>infinitive<TAB>participle[<TAB>innocent particles]`
    /// and gives the word book the classes of every form that needs no particle, or has it joined on
    /// (afmaken, afgemaakt, doodsteken).
    init(_ file: LexiconFile, book: inout WordClassBook, folder: KeyFolder) throws(LexiconError) {
        guard let particleBit = book.bit(named: "DEEL", create: true) else { throw LexiconError(description: "\(file.path): more than \(WordClassSet.capacity) word classes") }
        let particle = WordClassSet(bit: particleBit)
        for row in file.rows {
            guard row.fields.count >= 7 else {
                throw file.error(row, "expected lemma, particle (or -), CLASS, present forms, past forms, infinitive, participle[, innocent particles]")
            }
            let particleWords = row.fields[1] == "-" ? [] : row.fields[1].split(separator: " ").map { folder.key(of: String($0)) }
            // Particles are no nouns: "steek ik je neer" keeps "je" the person ("in elkaar": its last word).
            if let last = particleWords.last {
                book.add(particle, to: last)
                self.particleWords.set(true, for: last)
            }
            // The first class takes the tense; the others (SPELBAAR) go with every form.
            let names = row.fields[2].split(separator: " ").map(String.init)
            guard let primary = names.first else { throw file.error(row, "no class in column 3") }
            var classes: [String: WordClassSet] = [:]
            for (tense, suffix) in Self.tenses {
                var set = WordClassSet()
                for name in [primary + suffix] + names.dropFirst() {
                    guard let bit = book.bit(named: name, create: true) else {
                        throw file.error(row, "more than \(WordClassSet.capacity) word classes")
                    }
                    set.insert(WordClassSet(bit: bit))
                }
                classes[tense] = set
                if !classNames.contains(primary + suffix) { classNames.append(primary + suffix) }
            }
            let forms: [(String, String)] = [("present", row.fields[3]), ("past", row.fields[4]), ("infinitive", row.fields[5]),
                                              ("participle", row.fields[6])]
            for (tense, list) in forms {
                for form in list.split(separator: " ").map(String.init) where form != "-" {
                    let key = folder.key(of: form)
                    if particleWords.isEmpty {
                        book.add(classes[tense]!, to: key)
                        continue
                    }
                    var readings = withParticle.value(for: key) ?? []
                    readings.append(Reading(particle: particleWords, classes: classes[tense]!))
                    withParticle.set(readings, for: key)
                    // One-word particles are also written joined: afmaken, afgemaakt, (als ik je) afmaak.
                    if particleWords.count == 1 {
                        book.add(classes[tense]!, to: particleWords[0] + key)
                    }
                }
            }
            if row.fields.count >= 8, particleWords.isEmpty, !row.fields[7].isEmpty, row.fields[7] != "-" {
                let innocent = row.fields[7].split(separator: ",").map { $0.split(separator: " ").map { folder.key(of: String($0)) } }
                for words in innocent { if let last = words.last { book.add(particle, to: last) } }
                for (_, list) in forms {
                    for form in list.split(separator: " ").map(String.init) where form != "-" {
                        let key = folder.key(of: form)
                        innocentParticles.set((innocentParticles.value(for: key) ?? []) + innocent, for: key)
                    }
                }
            }
        }
    }
}

extension VerbTable {
    /// Every form that becomes a verb of the table with a particle (maak → afmaken): such a word may
    /// anchor a construction once its particle is found.
    func forEachVerbWithParticle(_ body: ([UInt8]) -> Void) { withParticle.forEachKey(body) }

    /// The last word of every such particle.
    func forEachParticle(_ body: ([UInt8]) -> Void) { particleWords.forEachKey(body) }
}

/// The grammar constructions are written in: word classes and verb forms, loaded once.
struct Grammar: Sendable {
    var book: WordClassBook
    var verbs: VerbTable

    static let verbFiles = ["nl/grammar/verbs-of-harm.tsv"]
    static var files: [String] { WordClassBook.files + [WordClassBook.adjectiveFile] + verbFiles }

    init(book: WordClassBook = WordClassBook(), verbs: VerbTable = VerbTable()) {
        self.book = book
        self.verbs = verbs
    }

    init(reading read: (String) throws(LexiconError) -> LexiconFile, folder: KeyFolder) throws(LexiconError) {
        var book = try WordClassBook(reading: read, folder: folder)
        var verbs = VerbTable()
        var classNames: [String] = []
        for name in Self.verbFiles {
            verbs = try VerbTable(try read(name), book: &book, folder: folder)
            classNames += verbs.classNames
        }
        book.finish(verbClassNames: classNames)
        self.init(book: book, verbs: verbs)
    }
}
