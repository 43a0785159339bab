import Foundation
import Yams

/// One school's protocol as postwacht enforces it (`Lexicons/policies/<id>.yaml`): which rules apply, how
/// severe each is, and the clauses each cites, quoted verbatim from the protocol. A class: rules ask for
/// the pack of every post, and a struct of eight reference-counted fields would be copied each time.
public final class PolicyPack: Sendable {
    /// The pack's id (`regenboog`), as `--policy` and a post's `org` name it.
    public let id: String
    /// The school's or board's name.
    public let organisation: String
    /// Other names of the school ("De Klimop", "OBS Klimop"): `--org` and a post's `org` may use them,
    /// and a staff post naming one is about school.
    public let aliases: [String]
    /// The protocol text's file: for the shipped packs a name under `Fixtures/protocols/`, for a
    /// school's own pack the path as its `protocol:` gives it (relative to the pack).
    public let protocolFile: String
    /// Where a school's own pack's protocol text was read from (nil for the shipped packs).
    public let protocolURL: URL?
    /// The protocol's title.
    public let title: String
    /// The personal-title disclaimer this school asks staff to add, suggested by conduct.missing-disclaimer.
    public let disclaimer: LocalizedText
    /// GBS De Regenboog allows photos from school only inside the school app.
    public let photosOnlyInSchoolApp: Bool
    /// Per rule id in force: its severity and the clauses it cites; rules not listed do not apply.
    public let rules: [String: RulePolicy]
    /// The file the pack was read from.
    public let source: String

    /// How the pack applies one rule.
    public struct RulePolicy: Sendable {
        /// The severity of a sure detection.
        public var severity: Severity
        /// The clauses a finding of the rule cites.
        public var clauses: [ProtocolClause]
    }

    init(id: String, organisation: String, aliases: [String] = [], protocolFile: String, protocolURL: URL? = nil, title: String,
         disclaimer: LocalizedText, photosOnlyInSchoolApp: Bool, rules: [String: RulePolicy], source: String = "") {
        self.id = id
        self.organisation = organisation
        self.aliases = aliases
        self.protocolFile = protocolFile
        self.protocolURL = protocolURL
        self.title = title
        self.disclaimer = disclaimer
        self.photosOnlyInSchoolApp = photosOnlyInSchoolApp
        self.rules = rules
        self.source = source
    }

    /// Every name the school goes by: its id, its organisation and its aliases.
    public var names: [String] { [id, organisation] + aliases }
}

/// The policy packs: the five shipped ones, and a school's own (`--policy-file`, `--policy-dir`).
public struct PolicyBook: Sendable {
    /// Every pack, sorted by id.
    public private(set) var packs: [PolicyPack] = []
    /// Every name of every pack, folded (case, accents, white space), to its pack's id.
    private var idsByName: [String: String] = [:]

    init(packs: [PolicyPack]) {
        self.packs = packs.sorted { $0.id < $1.id }
        for pack in self.packs {
            for name in pack.names.reversed() { idsByName[Self.fold(name)] = pack.id }
        }
        // An id always means its own pack, whatever another pack calls itself.
        for pack in self.packs { idsByName[Self.fold(pack.id)] = pack.id }
    }

    /// Every pack's id, sorted.
    public var ids: [String] { packs.map(\.id) }

    /// The pack with this exact id.
    public func pack(_ id: String) -> PolicyPack? { packs.first { $0.id == id } }

    /// The pack a school name stands for: its id, its organisation's name or one of its aliases, in
    /// any case and spacing ("OBS De Klimop", "de klimop", "klimop").
    public func pack(named name: String) -> PolicyPack? {
        pack(name) ?? idsByName[Self.fold(name)].flatMap { self.pack($0) }
    }

    static func fold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The shipped packs with a school's own: one with the id of a shipped pack replaces it (a school
    /// adapting its own pack).
    init(shipped: [PolicyPack], schools: [PolicyPack]) {
        let replaced = Set(schools.map(\.id))
        self.init(packs: shipped.filter { !replaced.contains($0.id) } + schools)
    }

    /// A school's own packs: each file of `files`, every `*.yaml` of `directories`, each checked
    /// against its protocol text. Every problem of every file is reported, as is an id given twice.
    public static func schoolPacks(files: [URL], directories: [URL], language: Language = .nl) throws(PolicyProblems) -> [PolicyPack] {
        var packs: [PolicyPack] = []
        var problems: [PolicyProblem] = []
        for directory in directories {
            do { packs += try load(from: directory, verifiesQuotes: true, language: language) } catch { problems += error.problems }
        }
        for file in files {
            do { packs.append(try loadPack(file, language: language)) } catch { problems += error.problems }
        }
        var seen: [String: PolicyPack] = [:]
        for pack in packs {
            if let earlier = seen[pack.id], earlier.source != pack.source {
                problems.append(PolicyProblem(file: pack.source, line: nil, key: "id", message: language == .nl
                    ? "'\(pack.id)' is ook de id van \(earlier.source); elk pakket heeft een eigen id nodig"
                    : "'\(pack.id)' is also the id of \(earlier.source); each pack needs its own id"))
            }
            seen[pack.id] = pack
        }
        guard problems.isEmpty else { throw PolicyProblems(problems: problems) }
        // The same file given twice (as a file and through its folder) counts once.
        var unique: [PolicyPack] = []
        for pack in packs where !unique.contains(where: { $0.id == pack.id }) { unique.append(pack) }
        return unique
    }

    /// The clauses a rule cites: its pack's under a chosen policy, else every pack's. Without a policy
    /// the pack that says it most directly (the shortest first clause, as "Schelden of dreigen doe ik
    /// niet.") leads: a one-line listing shows the first clause only.
    public func clauses(for ruleID: String, policy: String?) -> [ProtocolClause] {
        let citing = packs.filter { (policy == nil || $0.id == policy) && !($0.rules[ruleID]?.clauses.isEmpty ?? true) }
        let directness = citing.map { $0.rules[ruleID]!.clauses[0].quote.count }
        let order = citing.indices.sorted { (directness[$0], $0) < (directness[$1], $1) }
        return order.flatMap { citing[$0].rules[ruleID]!.clauses }
    }

    /// The ids of the packs shipped in `lexicons/policies`, for front ends that offer them by name.
    package static func shippedIDs(in lexicons: URL) -> [String] {
        ((try? load(from: lexicons.appendingPathComponent("policies"))) ?? []).map(\.id)
    }

    /// Reads every `*.yaml` in `directory`. The shipped packs (`verifiesQuotes` false) are checked
    /// against their protocols by the test suite; a school's folder (`--policy-dir`) is checked here.
    static func load(from directory: URL, verifiesQuotes: Bool = false, language: Language = .nl) throws(PolicyProblems) -> [PolicyPack] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw PolicyProblems(problems: [PolicyProblem(file: directory.path, line: nil, key: "", message: language == .nl
                ? "kan de map met beleidspakketten niet lezen (\(error.localizedDescription))" : "cannot list the policy packs (\(error.localizedDescription))")])
        }
        guard !names.isEmpty else {
            throw PolicyProblems(problems: [PolicyProblem(file: directory.path, line: nil, key: "", message: language == .nl
                ? "geen beleidspakketten (*.yaml) in deze map" : "no policy packs (*.yaml) in this folder")])
        }
        var packs: [PolicyPack] = []
        var problems: [PolicyProblem] = []
        for name in names {
            do { packs.append(try loadPack(directory.appendingPathComponent(name), verifiesQuotes: verifiesQuotes, language: language)) } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw PolicyProblems(problems: problems) }
        return packs
    }

    /// Reads and checks one pack file: a school's own (`--policy-file`) has its quotes verified.
    public static func loadPack(_ url: URL, verifiesQuotes: Bool = true, language: Language = .nl) throws(PolicyProblems) -> PolicyPack {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PolicyProblems(problems: [PolicyProblem(file: url.path, line: nil, key: "", message: language == .nl
                ? "kan het beleidspakket niet lezen (bestaat het, mag het gelezen worden?)" : "cannot read the policy pack (does it exist, may it be read?)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyProblems(problems: [PolicyProblem(file: url.path, line: nil, key: "", message: language == .nl
                ? "het beleidspakket is geen UTF-8-tekst" : "the policy pack is not UTF-8 text")])
        }
        var file = PolicyPackFile(path: url.path, knownRules: RuleRegistry.all.map(\.description.id), language: language)
        guard let pack = file.pack(from: text, verifiesQuotes: verifiesQuotes) else { throw PolicyProblems(problems: file.problems) }
        return pack
    }
}

/// Gives each clause of a pack its id: the one the pack writes (`id:`), else one made of the section's
/// numbering and the item number ("III. Gebruik … — A. Voor alle …", item 6: "svok/III.A.6"), or of the
/// section's first words ("Leerlingen: Sociale media …": "regenboog/leerlingen-sociale-media"). Where
/// several clauses would share one, each gets the first words of its quote too
/// ("svok/III.A.6-alle-betrokkenen-nemen"): ids stay the same when clauses are reordered or cited by
/// more rules. The same clause cited by several rules has one id.
/// A clause as a pack writes it, before it has its id.
struct ClauseDraft {
    var id: String?
    var section: String
    var number: String?
    var quote: String
}

enum ClauseIDs {
    static func assign(_ rules: [String: [ClauseDraft]], policy: String, source: String) throws(LexiconError) -> [String: String] {
        func key(_ clause: ClauseDraft) -> String { [clause.section, clause.number ?? "", clause.quote].joined(separator: "\u{1F}") }
        var clauses: [String: ClauseDraft] = [:]
        for rule in rules.values { for clause in rule { clauses[key(clause)] = clause } }
        var bases: [String: String] = [:]
        var sharing: [String: Int] = [:]
        for (key, clause) in clauses where clause.id == nil {
            let base = policy + "/" + code(section: clause.section, number: clause.number)
            bases[key] = base
            sharing[base, default: 0] += 1
        }
        var ids: [String: String] = [:]
        var taken: [String: String] = [:]
        for (key, clause) in clauses.sorted(by: { $0.key < $1.key }) {
            var id: String
            if let given = clause.id {
                id = given.hasPrefix(policy + "/") ? given : policy + "/" + given
            } else {
                id = bases[key]!
                if sharing[id]! > 1 { id += "-" + slug(clause.quote, words: 3) }
                var attempt = 2
                let base = id
                while taken[id] != nil { id = base + "-\(attempt)"; attempt += 1 }
            }
            if taken[id] != nil { throw LexiconError(description: "\(source): clause id '\(id)' is given to two different clauses") }
            taken[id] = key
            ids[key] = id
        }
        return ids
    }

    static func id(of clause: ClauseDraft, in ids: [String: String]) -> String {
        ids[[clause.section, clause.number ?? "", clause.quote].joined(separator: "\u{1F}")]!
    }

    static func code(section: String, number: String?) -> String {
        let parts = section.components(separatedBy: " — ")
        let numbering = parts.compactMap { part -> String? in
            let first = part.split(separator: " ").first.map(String.init) ?? ""
            let trimmed = first.hasSuffix(".") ? String(first.dropLast()) : first
            let isRoman = !trimmed.isEmpty && trimmed.allSatisfy { "IVXLC".contains($0) }
            let isLetter = trimmed.count == 1 && trimmed.first!.isUppercase && first.hasSuffix(".")
            let isNumber = !trimmed.isEmpty && trimmed.allSatisfy { $0.isNumber || $0 == "." }
            return isRoman || isLetter || isNumber ? trimmed : nil
        }
        var code = numbering.joined(separator: ".")
        if code.isEmpty { code = slug(parts[0], words: 3) }
        if let number { code += (code.isEmpty ? "" : ".") + number }
        return code.isEmpty ? "clause" : code
    }

    /// The first `words` words, lower case, joined with hyphens; accents kept (ids are UTF-8).
    static func slug(_ text: String, words: Int) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(words).joined(separator: "-")
    }
}
