import Foundation
import Yams

/// Reads a policy pack (`Lexicons/policies/*.yaml`, or a school's own with `--policy-file`) from its
/// YAML nodes, so that every problem names the line and the key it is at. All problems of a file are
/// collected before it is refused: a school correcting its pack sees them at once, not one per run.
///
/// A school's own pack is also checked against its protocol (the `protocol:` file, relative to the
/// pack): every quote must stand in it, white space and quotation-mark style aside.
struct PolicyPackFile {
    let path: String
    let language: Language
    /// Rule ids postwacht has: a pack naming another cannot switch anything on.
    let knownRules: [String]
    private(set) var problems: [PolicyProblem] = []

    init(path: String, knownRules: [String], language: Language) {
        self.path = path
        self.knownRules = knownRules
        self.language = language
    }

    static let topLevelKeys = ["id", "organisation", "aliases", "protocol", "title", "disclaimer", "photos-only-in-school-app", "rules"]

    /// The pack in `text`; nil when it has problems (then in `problems`). `verifiesQuotes`: look the
    /// quotes and the title up in the protocol text (school packs; the shipped ones are checked by the
    /// test suite against Fixtures/protocols, which an installed copy does not have).
    mutating func pack(from yaml: String, verifiesQuotes: Bool) -> PolicyPack? {
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            let (line, reason) = Self.describe(error)
            problem(line, nil, say("geen geldige YAML (\(reason))", "not valid YAML (\(reason))"))
            return nil
        }
        guard let root, let mapping = root.mapping else {
            problem(root?.mark?.line, nil, say("verwacht instellingen (id, organisation, protocol, rules …) bovenaan", "expected settings (id, organisation, protocol, rules …) at the top"))
            return nil
        }
        var fields: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard Self.topLevelKeys.contains(name) else {
                problem(key.mark?.line, name, say("onbekende sleutel; bekend zijn \(Self.topLevelKeys.joined(separator: ", "))",
                                                  "unknown key; the keys are \(Self.topLevelKeys.joined(separator: ", "))"))
                continue
            }
            fields[name] = (key, value)
        }
        let id = required("id", in: fields, root: root).flatMap { node -> String? in
            guard let value = text(node, "id") else { return nil }
            guard Self.isValidID(value) else {
                problem(node.mark?.line, "id", say("'\(value)' is geen geldige id: kleine letters, cijfers en streepjes (bv. obs-de-klimop)",
                                                   "'\(value)' is no valid id: lowercase letters, digits and hyphens (e.g. obs-de-klimop)"))
                return nil
            }
            return value
        }
        let organisation = required("organisation", in: fields, root: root).flatMap { text($0, "organisation") }
        let aliases = fields["aliases"].map { texts($0.value, "aliases") } ?? []
        let protocolName = required("protocol", in: fields, root: root).flatMap { text($0, "protocol") }
        let protocolURL = protocolName.map { name in
            name.hasPrefix("/") ? URL(fileURLWithPath: name) : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name)
        }
        var protocolText: QuoteIndex?
        if verifiesQuotes, let protocolURL, let node = fields["protocol"]?.value {
            protocolText = readProtocol(protocolURL, line: node.mark?.line)
        }
        let title = fields["title"].flatMap { text($0.value, "title") } ?? organisation ?? ""
        if let protocolText, let node = fields["title"]?.value, !protocolText.contains(title) {
            problem(node.mark?.line, "title", say("“\(title)” staat niet in het protocol (\(protocolName ?? ""))", "“\(title)” is not in the protocol (\(protocolName ?? ""))"))
        }
        let sentence = fields["disclaimer"].flatMap { disclaimer($0.value, organisation: organisation ?? "") }
            ?? Self.standardDisclaimer(organisation ?? "")
        var photosOnlyInApp = false
        if let node = fields["photos-only-in-school-app"]?.value {
            if let value = node.bool { photosOnlyInApp = value } else {
                problem(node.mark?.line, "photos-only-in-school-app", say("verwacht true of false", "expected true or false"))
            }
        }
        var rules: [String: PolicyPack.RulePolicy] = [:]
        if let node = required("rules", in: fields, root: root) {
            rules = self.rules(node, organisation: organisation ?? "", policy: id ?? "", protocol: protocolText, protocolName: protocolName ?? "")
        }
        guard problems.isEmpty, let id, let organisation, let protocolName else { return nil }
        return PolicyPack(id: id, organisation: organisation, aliases: aliases, protocolFile: protocolName,
                          protocolURL: verifiesQuotes ? protocolURL : nil, title: title, disclaimer: sentence,
                          photosOnlyInSchoolApp: photosOnlyInApp, rules: rules, source: path)
    }

    /// Lowercase letters, digits and hyphens, starting with a letter or digit: safe in a URL query and a file name.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != "-" else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The sentence suggested when a pack gives none of its own.
    static func standardDisclaimer(_ organisation: String) -> LocalizedText {
        LocalizedText(nl: "Ik deel dit bericht op persoonlijke titel, niet namens \(organisation).",
                      en: "I share this post in a personal capacity, not on behalf of \(organisation).")
    }

    // MARK: Parts

    private mutating func rules(_ node: Node, organisation: String, policy: String, protocol text: QuoteIndex?, protocolName: String) -> [String: PolicyPack.RulePolicy] {
        guard let mapping = node.mapping else {
            if !Self.isEmpty(node) { problem(node.mark?.line, "rules", say("verwacht regel-id's met severity en clauses", "expected rule ids with severity and clauses")) }
            return [:]
        }
        var severities: [String: Severity] = [:]
        var drafts: [String: [ClauseDraft]] = [:]
        for (keyNode, value) in mapping {
            let ruleID = keyNode.string ?? ""
            let path = "rules.\(ruleID)"
            guard knownRules.contains(ruleID) else {
                let near = Self.closest(to: ruleID, in: knownRules).map { say(" (bedoelt u \($0)?)", " (did you mean \($0)?)") } ?? ""
                problem(keyNode.mark?.line, path, say("onbekende regel\(near); zie postwacht rules", "unknown rule\(near); see postwacht rules"))
                continue
            }
            guard let fields = value.mapping else {
                problem(value.mark?.line ?? keyNode.mark?.line, path, say("verwacht severity: en clauses:", "expected severity: and clauses:"))
                continue
            }
            var severity: Severity?
            var clauses: [ClauseDraft] = []
            var sawClauses = false
            for (fieldNode, fieldValue) in fields {
                let field = fieldNode.string ?? ""
                switch field {
                case "severity":
                    let spelled = fieldValue.scalar?.string ?? ""
                    severity = Severity(rawValue: spelled)
                    if severity == nil {
                        problem(fieldValue.mark?.line, path + ".severity", say("'\(spelled)' is geen ernst; kies error, warning of info",
                                                                               "'\(spelled)' is no severity; choose error, warning or info"))
                    }
                case "clauses":
                    sawClauses = true
                    clauses = self.clauses(fieldValue, path: path + ".clauses", policy: policy, organisation: organisation,
                                           protocol: text, protocolName: protocolName)
                default:
                    problem(fieldNode.mark?.line, path + "." + field, say("onbekende sleutel; een regel heeft severity en clauses",
                                                                           "unknown key; a rule has severity and clauses"))
                }
            }
            if severity == nil, !fields.contains(where: { $0.key.string == "severity" }) {
                problem(keyNode.mark?.line, path + ".severity", say("ontbreekt (error, warning of info)", "is missing (error, warning or info)"))
            }
            if !sawClauses || clauses.isEmpty && problems.allSatisfy({ !$0.key.hasPrefix(path + ".clauses") }) {
                problem(keyNode.mark?.line, path + ".clauses", say("de regel noemt geen bepaling uit het protocol", "the rule cites no clause of the protocol"))
            }
            if let severity {
                severities[ruleID] = severity
                drafts[ruleID] = clauses
            }
        }
        // Clause ids: the pack's own (`id:`), else made from the section's numbering (see ClauseIDs).
        let ids: [String: String]
        do { ids = try ClauseIDs.assign(drafts, policy: policy, source: path) } catch {
            problem(node.mark?.line, "rules", error.description)
            return [:]
        }
        var rules: [String: PolicyPack.RulePolicy] = [:]
        for (ruleID, severity) in severities {
            let clauses = drafts[ruleID, default: []].map { draft in
                ProtocolClause(id: ClauseIDs.id(of: draft, in: ids), policy: policy, organisation: organisation,
                               section: draft.section, number: draft.number, quote: draft.quote)
            }
            rules[ruleID] = PolicyPack.RulePolicy(severity: severity, clauses: clauses)
        }
        return rules
    }

    private mutating func clauses(_ node: Node, path: String, policy: String, organisation: String, protocol text: QuoteIndex?,
                                  protocolName: String) -> [ClauseDraft] {
        guard let items = node.sequence else {
            problem(node.mark?.line, path, say("verwacht een lijst van bepalingen (- section: … quote: …)", "expected a list of clauses (- section: … quote: …)"))
            return []
        }
        var clauses: [ClauseDraft] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let fields = item.mapping else {
                problem(item.mark?.line, itemPath, say("verwacht section: en quote:", "expected section: and quote:"))
                continue
            }
            var section: String?, number: String?, quote: String?, id: String?
            for (fieldNode, value) in fields {
                let field = fieldNode.string ?? ""
                switch field {
                case "section": section = self.text(value, itemPath + ".section")
                case "number": number = self.text(value, itemPath + ".number")
                case "id": id = self.text(value, itemPath + ".id")
                case "quote":
                    quote = self.text(value, itemPath + ".quote")
                    if let quote, let text, !text.contains(quote) {
                        problem(value.mark?.line, itemPath + ".quote", say("staat niet in het protocol (\(protocolName)): “\(quote)”",
                                                                           "is not in the protocol (\(protocolName)): “\(quote)”"))
                    }
                default:
                    problem(fieldNode.mark?.line, itemPath + "." + field, say("onbekende sleutel; een bepaling heeft section, number, quote en id",
                                                                               "unknown key; a clause has section, number, quote and id"))
                }
            }
            for (name, value) in [("section", section), ("quote", quote)] where value == nil && !fields.contains(where: { $0.key.string == name }) {
                problem(item.mark?.line, "\(itemPath).\(name)", say("ontbreekt", "is missing"))
            }
            if let section, let quote {
                clauses.append(ClauseDraft(id: id, section: section, number: number, quote: quote))
            }
        }
        return clauses
    }

    private mutating func disclaimer(_ node: Node, organisation: String) -> LocalizedText? {
        if let sentence = node.scalar?.string { return LocalizedText(nl: sentence, en: sentence) }
        guard let fields = node.mapping else {
            problem(node.mark?.line, "disclaimer", say("verwacht een zin, of nl: en en:", "expected a sentence, or nl: and en:"))
            return nil
        }
        var nl: String?, en: String?
        for (keyNode, value) in fields {
            switch keyNode.string ?? "" {
            case "nl": nl = text(value, "disclaimer.nl")
            case "en": en = text(value, "disclaimer.en")
            default: problem(keyNode.mark?.line, "disclaimer.\(keyNode.string ?? "")", say("onbekende taal; gebruik nl en en", "unknown language; use nl and en"))
            }
        }
        guard let nl else {
            problem(node.mark?.line, "disclaimer.nl", say("ontbreekt: de zin die medewerkers toevoegen", "is missing: the sentence staff add"))
            return nil
        }
        return LocalizedText(nl: nl, en: en ?? Self.standardDisclaimer(organisation).en)
    }

    private mutating func readProtocol(_ url: URL, line: Int?) -> QuoteIndex? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            problem(line, "protocol", say("kan de protocoltekst \(url.path) niet lezen (het pad is ten opzichte van het pakket)",
                                          "cannot read the protocol text \(url.path) (the path is relative to the pack)"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problem(line, "protocol", say("\(url.path) is geen UTF-8-tekst; zet een Word- of PDF-bestand eerst om naar platte tekst (docs/policies.md)",
                                          "\(url.path) is not UTF-8 text; convert a Word or PDF file to plain text first (docs/policies.md)"))
            return nil
        }
        return QuoteIndex(text)
    }

    private mutating func required(_ key: String, in fields: [String: (key: Node, value: Node)], root: Node) -> Node? {
        guard let node = fields[key]?.value, !Self.isEmpty(node) else {
            problem(fields[key]?.key.mark?.line ?? root.mark?.line, key, say("ontbreekt", "is missing"))
            return nil
        }
        return node
    }

    private mutating func text(_ node: Node, _ key: String) -> String? {
        guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem(node.mark?.line, key, say("verwacht een tekst", "expected a text"))
            return nil
        }
        return value
    }

    private mutating func texts(_ node: Node, _ key: String) -> [String] {
        if let single = node.scalar?.string { return Self.isEmpty(node) ? [] : [single] }
        guard let items = node.sequence else {
            problem(node.mark?.line, key, say("verwacht een lijst van teksten", "expected a list of texts"))
            return []
        }
        return items.enumerated().compactMap { index, item in text(item, "\(key)[\(index)]") }
    }

    private static func isEmpty(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return ["", "~", "null"].contains(scalar.string)
    }

    private mutating func problem(_ line: Int?, _ key: String?, _ message: String) {
        problems.append(PolicyProblem(file: path, line: line, key: key ?? "", message: message))
    }

    private func say(_ dutch: String, _ english: String) -> String { language == .nl ? dutch : english }

    /// The known id a typo most likely meant: the fewest edits, at most a third of the word.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
        return best
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = current
        }
        return previous[b.count]
    }

    /// The line and reason of a YAML syntax error.
    static func describe(_ error: Error) -> (line: Int?, reason: String) {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _)?, .parser(_, let problem, let mark, _)?, .composer(_, let problem, let mark, _)?:
            return (mark.line, problem)
        default:
            return (nil, "\(error)")
        }
    }
}

/// One problem of a policy pack, as `file:line: key: message`.
public struct PolicyProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pack's file.
    public var file: String
    /// The line in it, where known.
    public var line: Int?
    /// The YAML key at fault (empty for the file as a whole).
    public var key: String
    /// What is wrong.
    public var message: String

    /// `file:line: key: message`.
    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + (key.isEmpty ? "" : key + ": ") + message
    }
}

/// Every problem that kept a school's pack (or packs) from loading.
public struct PolicyProblems: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var problems: [PolicyProblem]
    /// One problem a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A protocol text prepared for looking up quotes: white space collapsed, quotation marks and
/// apostrophes of every style made plain, canonical composition. A pack copied from a Word file
/// has ’ where the text file has ', or a line break where the quote has a space.
struct QuoteIndex {
    private let normalized: String

    init(_ text: String) { normalized = Self.normalize(text) }

    func contains(_ quote: String) -> Bool {
        let wanted = Self.normalize(quote)
        return !wanted.isEmpty && normalized.contains(wanted)
    }

    static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{0060}", "\u{00B4}": scalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
