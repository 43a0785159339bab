import ArgumentParser
import Foundation
import PostwachtCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, category, default severity and the protocol clauses it enforces."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table (as --format json).")
    var json = false

    @Option(name: .customLong("format"), help: ArgumentHelp("Output: text, json or markdown.", discussion: "markdown prints docs/rules.md: a table of every rule, the clauses each shipped pack cites, and each rule's examples, with default severities whatever the configuration says. Regenerate the page with: \(RuleDocumentation.regenerateCommand)"))
    var format: Format = .text

    @OptionGroup var engine: EngineOptions

    func run() throws {
        let linter = try engine.loadLinter()
        let language = engine.language
        let descriptions = linter.rules.map(\.description)
        if format == .markdown {
            print(RuleDocumentation.markdown(policies: linter.resources.policies, language: language), terminator: "")
            return
        }
        if json || format == .json {
            struct RuleObject: Encodable {
                var id: String, name: String, category: FindingCategory, severity: Severity, clauses: [ProtocolClause]
            }
            let objects = descriptions.map {
                RuleObject(id: $0.id, name: $0.name.text(in: language), category: $0.category,
                           severity: linter.severity(of: $0.id), clauses: linter.clauses(of: $0.id))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(objects), as: UTF8.self))
            return
        }
        for description in descriptions {
            print("\(description.id)  [\(description.category.rawValue), \(linter.severity(of: description.id).rawValue)]  \(description.name.text(in: language))")
            for clause in linter.clauses(of: description.id) {
                print("    \(clause.organisation), \(clause.citation): “\(clause.quote)”")
            }
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule: what it finds, why, the clauses, and examples."
    )

    @Argument(help: "The rule id, e.g. profanity.curse (see `postwacht rules`).")
    var ruleID: String

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        guard RuleRegistry.rule(withID: ruleID) != nil else {
            let known = RuleRegistry.all.map(\.description.id).joined(separator: ", ")
            throw ValidationError(engine.language.say("onbekende regel '\(ruleID)'; bekende regels: \(known)", "unknown rule '\(ruleID)'; known rules: \(known)"))
        }
    }

    func run() throws {
        let linter = try engine.loadLinter()
        let language = engine.language
        let rule = RuleRegistry.rule(withID: ruleID)!.description
        let nl = language == .nl
        print("\(rule.id) — \(rule.name.text(in: language))")
        print("\(nl ? "categorie" : "category"): \(rule.category.rawValue)   \(nl ? "ernst" : "severity"): \(rule.defaultSeverity.rawValue)\n")
        print(rule.rationale.text(in: language) + "\n")
        print(nl ? "Protocollen:" : "Protocols:")
        let clauses = linter.resources.policies.clauses(for: rule.id, policy: linter.options.policy)
        if clauses.isEmpty, let policy = linter.options.policy { print("  (\(policy) \(nl ? "handhaaft deze regel niet" : "does not enforce this rule"))") }
        for clause in clauses {
            print("  \(clause.organisation), \(clause.citation):\n    “\(clause.quote)”")
        }
        let families = linter.resources.constructionFamilies(ofRule: rule.id)
        if !families.isEmpty {
            let total = families.reduce(0) { $0 + $1.constructionCount }
            print(nl ? "\nConstructies (\(total), in \(families.count) families; sterkte 2 fout, 1 waarschuwing, 0 alleen met meer aanwijzingen):"
                     : "\nConstructions (\(total), in \(families.count) families; strength 2 error, 1 warning, 0 only with more evidence):")
            for family in families {
                print("  \(family.id) [\(family.sureness), \(family.constructionCount)] \(family.label.text(in: language))"
                      + (family.example.map { "\n      \($0)" } ?? ""))
            }
        }
        print("\n\(nl ? "Suggestie" : "Suggestion"): \(rule.suggestion.text(in: language))\n")
        print(nl ? "Wordt gemeld (⟦ ⟧ markeert de vondst):" : "Flagged (⟦ ⟧ marks the finding):")
        for example in rule.triggeringExamples { print("  \(example.text)\(RuleDocumentation.context(of: example.metadata))") }
        print(nl ? "\nWordt niet gemeld:" : "\nNot flagged:")
        for example in rule.nonTriggeringExamples { print("  \(example.text)\(RuleDocumentation.context(of: example.metadata))") }
    }
}
