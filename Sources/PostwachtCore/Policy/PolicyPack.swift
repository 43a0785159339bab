import Foundation
import Yams

/// One school's protocol as postwacht enforces it (`Lexicons/policies/<id>.yaml`): which rules apply, how
/// severe each is, and the clauses each cites, quoted verbatim from the protocol. A class: rules ask for
/// the pack of every post, and a struct of eight reference-counted fields would be copied each time.
public final class PolicyPack: Sendable {
    public let id: String
    public let organisation: String
    /// The protocol text's file name under `Fixtures/protocols/`.
    public let protocolFile: String
    public let title: String
    /// The personal-title disclaimer this school asks staff to add, suggested by conduct.missing-disclaimer.
    public let disclaimer: LocalizedText
    /// GBS De Regenboog allows photos from school only inside the school app.
    public let photosOnlyInSchoolApp: Bool
    public let rules: [String: RulePolicy]

    public struct RulePolicy: Sendable {
        public var severity: Severity
        public var clauses: [ProtocolClause]
    }

    init(id: String, organisation: String, protocolFile: String, title: String, disclaimer: LocalizedText,
         photosOnlyInSchoolApp: Bool, rules: [String: RulePolicy]) {
        self.id = id
        self.organisation = organisation
        self.protocolFile = protocolFile
        self.title = title
        self.disclaimer = disclaimer
        self.photosOnlyInSchoolApp = photosOnlyInSchoolApp
        self.rules = rules
    }
}

/// The five policy packs, loaded once.
public struct PolicyBook: Sendable {
    public private(set) var packs: [PolicyPack] = []

    public init(packs: [PolicyPack]) { self.packs = packs.sorted { $0.id < $1.id } }

    public var ids: [String] { packs.map(\.id) }

    public func pack(_ id: String) -> PolicyPack? { packs.first { $0.id == id } }

    /// The clauses a rule cites: the chosen school's, or every school's when none is chosen.
    /// The clauses a rule cites: its pack's under a chosen policy, else every pack's. Without a policy
    /// the pack that says it most directly (the shortest first clause, as "Schelden of dreigen doe ik
    /// niet.") leads: a one-line report shows the first clause only.
    public func clauses(for ruleID: String, policy: String?) -> [ProtocolClause] {
        let citing = packs.filter { (policy == nil || $0.id == policy) && !($0.rules[ruleID]?.clauses.isEmpty ?? true) }
        let directness = citing.map { $0.rules[ruleID]!.clauses[0].quote.count }
        let order = citing.indices.sorted { (directness[$0], $0) < (directness[$1], $1) }
        return order.flatMap { citing[$0].rules[ruleID]!.clauses }
    }

    /// Reads every `*.yaml` in `directory`; errors name the file and what is wrong.
    static func load(from directory: URL) throws(LexiconError) -> PolicyBook {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw LexiconError(description: "\(directory.path): cannot list policy packs (\(error.localizedDescription))")
        }
        guard !names.isEmpty else { throw LexiconError(description: "\(directory.path): no policy packs (*.yaml)") }
        var packs: [PolicyPack] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            do {
                let file = try YAMLDecoder().decode(PackFile.self, from: try String(contentsOf: url, encoding: .utf8))
                packs.append(try file.pack(source: url.path))
            } catch let error as LexiconError {
                throw error
            } catch {
                throw LexiconError(description: "\(url.path): \(error)")
            }
        }
        return PolicyBook(packs: packs)
    }
}

/// The YAML layout of a policy pack, as documented in Lexicons/README.md.
private struct PackFile: Decodable {
    struct Text: Decodable { var nl: String; var en: String }
    struct Clause: Decodable { var id: String?; var section: String; var number: String?; var quote: String }
    struct Rule: Decodable { var severity: String; var clauses: [Clause] }

    var id: String
    var organisation: String
    var `protocol`: String
    var title: String
    var disclaimer: Text
    var photosOnlyInSchoolApp: Bool?
    var rules: [String: Rule]

    enum CodingKeys: String, CodingKey {
        case id, organisation, `protocol`, title, disclaimer, rules
        case photosOnlyInSchoolApp = "photos-only-in-school-app"
    }

    func pack(source: String) throws(LexiconError) -> PolicyPack {
        var policies: [String: PolicyPack.RulePolicy] = [:]
        let ids = try ClauseIDs.assign(rules, policy: id, source: source)
        for (ruleID, rule) in rules {
            guard let severity = Severity(rawValue: rule.severity) else {
                throw LexiconError(description: "\(source): rule \(ruleID): severity must be error, warning or info, not '\(rule.severity)'")
            }
            guard !rule.clauses.isEmpty else { throw LexiconError(description: "\(source): rule \(ruleID) cites no clause") }
            var clauses: [ProtocolClause] = []
            for clause in rule.clauses {
                let clauseID = ClauseIDs.id(of: clause, in: ids)
                clauses.append(ProtocolClause(id: clauseID, policy: id, organisation: organisation, section: clause.section, number: clause.number, quote: clause.quote))
            }
            policies[ruleID] = PolicyPack.RulePolicy(severity: severity, clauses: clauses)
        }
        return PolicyPack(id: id, organisation: organisation, protocolFile: `protocol`, title: title,
                          disclaimer: LocalizedText(nl: disclaimer.nl, en: disclaimer.en),
                          photosOnlyInSchoolApp: photosOnlyInSchoolApp ?? false, rules: policies)
    }
}

/// Gives each clause of a pack its id: the one the pack writes (`id:`), else one made of the section's
/// numbering and the item number ("III. Gebruik … — A. Voor alle …", item 6: "svok/III.A.6"), or of the
/// section's first words ("Leerlingen: Sociale media …": "regenboog/leerlingen-sociale-media"). Where
/// several clauses would share one, each gets the first words of its quote too
/// ("svok/III.A.6-alle-betrokkenen-nemen"): ids stay the same when clauses are reordered or cited by
/// more rules. The same clause cited by several rules has one id.
private enum ClauseIDs {
    static func assign(_ rules: [String: PackFile.Rule], policy: String, source: String) throws(LexiconError) -> [String: String] {
        func key(_ clause: PackFile.Clause) -> String { [clause.section, clause.number ?? "", clause.quote].joined(separator: "\u{1F}") }
        var clauses: [String: PackFile.Clause] = [:]
        for rule in rules.values { for clause in rule.clauses { clauses[key(clause)] = clause } }
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

    static func id(of clause: PackFile.Clause, in ids: [String: String]) -> String {
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
