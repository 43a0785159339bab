import Foundation

/// The data every scan needs, loaded once from a `Lexicons/` directory and shared by all threads.
public final class LinterResources: Sendable {
    package let profanity: ProfanityLexicon
    /// Words that tell whether an ambiguous word is used profanely, from profanity-context.tsv.
    let profanityContext: ProfanityContext
    /// Look-alike letters the ICU skeleton leaves non-Latin, from letter-lookalikes.tsv.
    let letterLookalikes: [UInt32: [UInt8]]
    /// The `Lexicons/` directory the resources were loaded from.
    public let lexiconDirectory: URL
    let personalData: PersonalDataLexicon
    package let conduct: ConductLexicon
    /// Word classes and verb forms that constructions are written in.
    let grammar: Grammar
    /// The threat rule's constructions (Lexicons/nl/constructions/threat.tsv).
    let threatConstructions: ConstructionSet
    /// The missing-disclaimer rule's disclaimer constructions and evidence weights.
    let disclaimerConstructions: ConstructionSet
    let disclaimerModel: DisclaimerModel
    /// The befriending rule's constructions.
    let befriendingConstructions: ConstructionSet
    /// The arguing rule's constructions: contradicting, blaming, telling off.
    let arguingConstructions: ConstructionSet
    /// The arguing rule's evidence weights.
    let arguingModel: ArguingModel
    /// The ways staff say they work at the school ("als jullie mentor", "docent Engels hier").
    let staffIdentificationConstructions: ConstructionSet
    /// The classes the threat rule's judgement reads, looked up by name once.
    let threatClasses: ThreatFinder.Classes
    let facets: LexiconFacets
    /// The tables every checker keys words with, made once.
    let keyTables: KeyTables
    /// The profanity lexicon's whole-word keys as a trie (for spelled-out runs), made once.
    let profanityTerms: TermTrie
    /// The schools' policy packs from `policies/*.yaml`.
    public let policies: PolicyBook
    /// The cue words of the clause rules (replies, quotes, photos of school), nl/clause-cues.tsv.
    let clauseCues: ClauseCueLexicon

    init(profanity: ProfanityLexicon, profanityContext: ProfanityContext, letterLookalikes: [UInt32: [UInt8]],
         personalData: PersonalDataLexicon, conduct: ConductLexicon, grammar: Grammar, threatConstructions: ConstructionSet,
         disclaimerConstructions: ConstructionSet, disclaimerModel: DisclaimerModel, befriendingConstructions: ConstructionSet,
         arguingConstructions: ConstructionSet, arguingModel: ArguingModel = ArguingModel(), staffIdentificationConstructions: ConstructionSet, policies: PolicyBook, clauseCues: ClauseCueLexicon = ClauseCueLexicon(), lexiconDirectory: URL) {
        self.profanity = profanity
        self.personalData = personalData
        self.conduct = conduct
        self.grammar = grammar
        self.threatConstructions = threatConstructions
        self.disclaimerConstructions = disclaimerConstructions
        self.disclaimerModel = disclaimerModel
        self.befriendingConstructions = befriendingConstructions
        self.arguingConstructions = arguingConstructions
        self.arguingModel = arguingModel
        self.staffIdentificationConstructions = staffIdentificationConstructions
        threatClasses = ThreatFinder.Classes(grammar.book)
        facets = LexiconFacets(profanity: profanity, personalData: personalData, conduct: conduct, grammar: grammar,
                               constructionAnchors: threatConstructions.anchors, disclaimerAnchors: disclaimerConstructions.anchors,
                               befriendingAnchors: befriendingConstructions.anchors)
        keyTables = KeyTables(folder: KeyFolder(lookalikes: letterLookalikes))
        var terms = TermTrie()
        profanity.forEachWordKey { terms.insert($0) }
        profanityTerms = terms
        self.policies = policies
        self.clauseCues = clauseCues
        self.profanityContext = profanityContext
        self.letterLookalikes = letterLookalikes
        self.lexiconDirectory = lexiconDirectory
    }

    static let requiredFiles = ["nl/profanity.tsv", "nl/profanity-allow.tsv", "nl/profanity-context.tsv", "letter-lookalikes.tsv"]
        + PersonalDataLexicon.files + ConductLexicon.files + Grammar.files + [ThreatRule.constructionFile, MissingDisclaimerRule.constructionFile, DisclaimerModel.file,
                                                                     BefriendingRule.constructionFile, ArguingRule.constructionFile, ArguingModel.file, StaffUnidentifiedRule.constructionFile, ClauseCueLexicon.file, ClauseCueLexicon.destinationsFile]

    /// Loads every lexicon and policy pack; `additions` are a school's own extra and allowed terms,
    /// `schoolPacks` its own policy packs (`PolicyBook.schoolPacks`), beside or instead of the shipped ones.
    public static func load(from directory: URL, additions: LexiconAdditions = LexiconAdditions(),
                            schoolPacks: [PolicyPack] = []) throws(LexiconError) -> LinterResources {
        let personalDataLoad = LoadInBackground { () throws(LexiconError) in
            try PersonalDataLexicon(reading: { name throws(LexiconError) in try readFile(directory, name) }, folder: KeyFolder())
        }
        let policiesLoad = LoadInBackground { () throws(LexiconError) in
            do throws(PolicyProblems) { return PolicyBook(shipped: try PolicyBook.load(from: directory.appendingPathComponent("policies")), schools: schoolPacks) } catch {
                throw LexiconError(description: error.description)
            }
        }
        var profanity = try ProfanityLexicon(
            profanity: try readFile(directory, "nl/profanity.tsv"),
            allowlist: try readFile(directory, "nl/profanity-allow.tsv")
        )
        let context = try ProfanityContext(try readFile(directory, "nl/profanity-context.tsv"))
        var lookalikes: [UInt32: [UInt8]] = [:]
        let lookalikeFile = try readFile(directory, "letter-lookalikes.tsv")
        for row in lookalikeFile.rows {
            guard row.fields.count == 2, row.fields[0].unicodeScalars.count == 1, !row.fields[1].isEmpty,
                  row.fields[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
                throw lookalikeFile.error(row, "expected one character<TAB>lowercase Latin letters")
            }
            lookalikes[row.fields[0].unicodeScalars.first!.value] = Array(row.fields[1].utf8)
        }
        var conduct = try ConductLexicon(reading: { name throws(LexiconError) in try readFile(directory, name) }, folder: KeyFolder())
        let folder = KeyFolder()
        for term in additions.profanity {
            profanity.add(ProfanityEntry(term: term.lowercased(), wordClass: .slang, sureness: 2, mode: term.contains(" ") ? .phrase : .word, keys: []), folder: folder)
        }
        for term in additions.profanityAllowed { profanity.allow(term, asPrefix: false, folder: folder) }
        conduct.add(additions, folder: folder)
        let grammar = try Grammar(reading: { name throws(LexiconError) in try readFile(directory, name) }, folder: folder)
        let threats = try ConstructionSet(try readFile(directory, ThreatRule.constructionFile), book: grammar.book, folder: folder)
        let disclaimers = try ConstructionSet(try readFile(directory, MissingDisclaimerRule.constructionFile), book: grammar.book, folder: folder)
        let disclaimerModel = try DisclaimerModel(try readFile(directory, DisclaimerModel.file))
        let befriending = try ConstructionSet(try readFile(directory, BefriendingRule.constructionFile), book: grammar.book, folder: folder)
        let arguing = try ConstructionSet(try readFile(directory, ArguingRule.constructionFile), book: grammar.book, folder: folder)
        let arguingModel = try ArguingModel(try readFile(directory, ArguingModel.file))
        let identification = try ConstructionSet(try readFile(directory, StaffUnidentifiedRule.constructionFile), book: grammar.book, folder: folder)
        let clauseCues = try ClauseCueLexicon(try readFile(directory, ClauseCueLexicon.file),
                                              destinations: try readFile(directory, ClauseCueLexicon.destinationsFile), folder: folder)
        let personalData = try personalDataLoad.value()
        let policies = try policiesLoad.value()
        return LinterResources(profanity: profanity, profanityContext: context, letterLookalikes: lookalikes,
                               personalData: personalData, conduct: conduct, grammar: grammar, threatConstructions: threats,
                               disclaimerConstructions: disclaimers, disclaimerModel: disclaimerModel,
                               befriendingConstructions: befriending, arguingConstructions: arguing, arguingModel: arguingModel, staffIdentificationConstructions: identification, policies: policies, clauseCues: clauseCues, lexiconDirectory: directory)
    }

    static func readFile(_ directory: URL, _ name: String) throws(LexiconError) -> LexiconFile {
        let url = directory.appendingPathComponent(name)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LexiconError(description: "\(url.path): cannot read lexicon file (\(error.localizedDescription))")
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw LexiconError(description: "\(url.path): lexicon file is not valid UTF-8")
        }
        return LexiconFile(path: url.path, contents: contents)
    }

    /// Where the lexicons are: `explicit`, else `$POSTWACHT_LEXICONS`, else `share/postwacht/Lexicons`
    /// beside the installed binary, else the first `Lexicons/` found walking up from the binary (a checkout).
    public static func locateLexicons(explicit: String?, executablePath: String?) throws(LexiconError) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["POSTWACHT_LEXICONS"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        var searched: [String] = []
        if let executablePath {
            var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            let installed = directory.deletingLastPathComponent().appendingPathComponent("share/postwacht/Lexicons")
            if isLexiconDirectory(installed) { return installed }
            searched.append(installed.path)
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("Lexicons")
                if isLexiconDirectory(candidate) { return candidate }
                directory.deleteLastPathComponent()
            }
            searched.append("every Lexicons/ above \(executablePath)")
        }
        throw LexiconError(description: "cannot find the lexicons (looked in \(searched.joined(separator: ", "))); pass --lexicons DIR or set POSTWACHT_LEXICONS")
    }

    private static func isLexiconDirectory(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("nl/profanity.tsv").path)
    }
}
