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
    struct Clause: Decodable { var section: String; var number: String?; var quote: String }
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
        for (ruleID, rule) in rules {
            guard let severity = Severity(rawValue: rule.severity) else {
                throw LexiconError(description: "\(source): rule \(ruleID): severity must be error, warning or info, not '\(rule.severity)'")
            }
            guard !rule.clauses.isEmpty else { throw LexiconError(description: "\(source): rule \(ruleID) cites no clause") }
            policies[ruleID] = PolicyPack.RulePolicy(severity: severity, clauses: rule.clauses.map {
                ProtocolClause(policy: id, organisation: organisation, section: $0.section, number: $0.number, quote: $0.quote)
            })
        }
        return PolicyPack(id: id, organisation: organisation, protocolFile: `protocol`, title: title,
                          disclaimer: LocalizedText(nl: disclaimer.nl, en: disclaimer.en),
                          photosOnlyInSchoolApp: photosOnlyInSchoolApp ?? false, rules: policies)
    }
}
