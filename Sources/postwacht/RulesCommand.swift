import ArgumentParser
import Foundation
import PostwachtCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, category, default severity and the protocol clauses it enforces."
    )

    @Option(name: .customLong("policy"), help: ArgumentHelp("Show only this school's clauses: \(Policies.all.map(\.id).joined(separator: ", ")).", valueName: "id"))
    var policy: String?

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table.")
    var json = false

    @Option(name: .customLong("lang"), help: "Language of rule names: nl or en.")
    var language: Language = .nl

    func validate() throws {
        if let policy, Policies.policy(policy) == nil {
            throw ValidationError("unknown policy '\(policy)'; choose one of \(Policies.all.map(\.id).joined(separator: ", "))")
        }
    }

    func run() throws {
        let descriptions = RuleRegistry.all.map(\.description)
        if json {
            struct RuleObject: Encodable {
                var id: String, name: String, category: FindingCategory, severity: Severity, clauses: [ProtocolClause]
            }
            let objects = descriptions.map {
                RuleObject(id: $0.id, name: $0.name.text(in: language), category: $0.category, severity: $0.defaultSeverity, clauses: clauses(of: $0))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(objects), as: UTF8.self))
            return
        }
        for description in descriptions {
            print("\(description.id)  [\(description.category.rawValue), \(description.defaultSeverity.rawValue)]  \(description.name.text(in: language))")
            for clause in clauses(of: description) {
                print("    \(Policies.organisation(of: clause.policy)), \(clause.section): “\(clause.quote)”")
            }
        }
    }

    private func clauses(of description: RuleDescription) -> [ProtocolClause] {
        description.clauses.filter { policy == nil || $0.policy == policy }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: what it finds, why, the clauses, and examples."
    )

    @Argument(help: "The rule id, e.g. profanity.curse (see `postwacht rules`).")
    var ruleID: String

    @Option(name: .customLong("lang"), help: "Language: nl or en.")
    var language: Language = .nl

    func validate() throws {
        guard RuleRegistry.rule(withID: ruleID) != nil else {
            throw ValidationError("unknown rule '\(ruleID)'; known rules: \(RuleRegistry.all.map(\.description.id).joined(separator: ", "))")
        }
    }

    func run() throws {
        let rule = RuleRegistry.rule(withID: ruleID)!.description
        let nl = language == .nl
        print("\(rule.id) — \(rule.name.text(in: language))")
        print("\(nl ? "categorie" : "category"): \(rule.category.rawValue)   \(nl ? "ernst" : "severity"): \(rule.defaultSeverity.rawValue)\n")
        print(rule.rationale.text(in: language) + "\n")
        print(nl ? "Protocollen:" : "Protocols:")
        for clause in rule.clauses {
            print("  \(Policies.organisation(of: clause.policy)), \(clause.section):\n    “\(clause.quote)”")
        }
        print("\n\(nl ? "Suggestie" : "Suggestion"): \(rule.suggestion.text(in: language))\n")
        print(nl ? "Wordt gemeld (⟦ ⟧ markeert de vondst):" : "Flagged (⟦ ⟧ marks the finding):")
        for example in rule.triggeringExamples { print("  \(example.text)") }
        print(nl ? "\nWordt niet gemeld:" : "\nNot flagged:")
        for example in rule.nonTriggeringExamples { print("  \(example.text)") }
    }
}
