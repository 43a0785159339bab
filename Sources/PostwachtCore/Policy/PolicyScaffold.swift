import Foundation

/// Drafts a policy pack from a school's own protocol text (`postwacht init --protocol`): for each rule
/// the protocol's sentences that look like the clauses the five shipped packs cite for it. The cue words
/// are learnt from those packs, not written by hand: a rule's vocabulary is the words of its quotes,
/// each weighted by how few rules share it ("schelden" points at the profanity rules, "school" at
/// none). A person confirms the draft; postwacht checks it when it is loaded.
package struct PolicyScaffold {
    struct Candidate: Sendable {
        var section: String
        var quote: String
        var score: Double
        var cues: [String]
    }

    private let vocabulary: [String: [String: Double]]

    init(shipped: PolicyBook) {
        var wordsByRule: [String: Set<String>] = [:]
        for pack in shipped.packs {
            for (rule, policy) in pack.rules {
                for clause in policy.clauses { wordsByRule[rule, default: []].formUnion(Self.words(clause.quote)) }
            }
        }
        var ruleCount: [String: Int] = [:]
        for words in wordsByRule.values { for word in words { ruleCount[word, default: 0] += 1 } }
        let rules = Double(max(wordsByRule.count, 1))
        vocabulary = wordsByRule.mapValues { words in
            Dictionary(uniqueKeysWithValues: words.map { ($0, log(rules / Double(ruleCount[$0]!))) })
        }
    }

    /// The best sentences of `protocol` for `ruleID`, best first, at most `limit`.
    func candidates(for ruleID: String, in sentences: [(section: String, text: String)], limit: Int = 3) -> [Candidate] {
        guard let weights = vocabulary[ruleID] else { return [] }
        var found: [Candidate] = []
        for sentence in sentences {
            let cues = Self.words(sentence.text).filter { weights[$0, default: 0] > 0 }.sorted { weights[$0]! > weights[$1]! }
            let score = cues.reduce(0) { $0 + weights[$1]! }
            // One distinctive cue ("schuttingtaal") or several shared ones; one common word is chance.
            if score >= Self.minimumScore { found.append(Candidate(section: sentence.section, quote: sentence.text, score: score, cues: cues)) }
        }
        return Array(found.sorted { $0.score > $1.score }.prefix(limit))
    }

    static let minimumScore = 2.0

    /// The protocol's sentences with the heading above each: lines joined (protocols are hard-wrapped),
    /// split at sentence ends, list items and blank lines. A heading is a short line without a full stop.
    static func sentences(of text: String) -> [(section: String, text: String)] {
        var result: [(String, String)] = []
        var section = ""
        var paragraph: [String] = []
        func flush() {
            let joined = paragraph.joined(separator: " ")
            paragraph = []
            var current = ""
            for character in joined {
                current.append(character)
                if ".!?".contains(character) {
                    let sentence = current.trimmingCharacters(in: .whitespaces)
                    if sentence.split(separator: " ").count >= 4 { result.append((section, sentence)) }
                    current = ""
                }
            }
            let rest = current.trimmingCharacters(in: .whitespaces)
            if rest.split(separator: " ").count >= 4 { result.append((section, rest)) }
        }
        for rawLine in text.components(separatedBy: .newlines) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            let isItem = line.hasPrefix("-") || line.hasPrefix("•") || line.first.map { $0.isNumber } == true && line.contains(". ")
            // A wrapped line of a paragraph is no heading: a heading starts with a capital or a number and
            // holds no sentence end.
            let startsLikeHeading = line.first.map { $0.isUppercase || $0.isNumber } ?? false
            let isHeading = line.count <= 70 && startsLikeHeading && !line.hasSuffix(".") && !line.hasSuffix(",") && !line.contains(". ")
                && !isItem && paragraph.isEmpty
            if isHeading {
                section = line.hasSuffix(":") ? String(line.dropLast()) : line
                continue
            }
            if isItem { flush() }
            // The quote is the item's words, its list marker left out ("- Doe geen uitspraken …").
            paragraph.append(line.hasPrefix("- ") || line.hasPrefix("• ") ? String(line.dropFirst(2)) : line)
        }
        flush()
        return result
    }

    /// The protocol's own personal-title sentence, if it has one.
    static func disclaimer(in sentences: [(section: String, text: String)]) -> String? {
        sentences.first { sentence in
            let lower = sentence.text.lowercased()
            return ["persoonlijke titel", "eigen titel", "op persoonlijke"].contains { lower.contains($0) }
        }?.text
    }

    static func words(_ text: String) -> Set<String> {
        // Six-letter stems: "scheldwoorden" and "scheldgedrag", "bedreigen" and "bedreiging" meet.
        Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 && !stopwords.contains($0) }.map { String($0.prefix(6)) })
    }

    /// Function words and words every protocol uses for everything.
    private static let stopwords: Set<String> = [
        "deze", "voor", "niet", "zijn", "worden", "wordt", "door", "naar", "over", "maar", "kunnen", "moet", "moeten",
        "mogen", "heeft", "hebben", "zich", "zoals", "andere", "anderen", "waar", "wanneer", "alle", "altijd", "geen",
        "meer", "school", "sociale", "social", "media", "medewerkers", "ouders", "leerlingen", "verzorgers", "gebruik",
        "kan", "ook", "onze", "welke", "waarin", "hierbij", "daarbij", "zullen", "zelf", "elkaar", "binnen", "buiten",
    ]
}

extension PolicyScaffold {
    /// A pack in the format of `Lexicons/policies/*.yaml` for the school's protocol: per rule the best
    /// candidate clause filled in and the next ones commented out, rules without a candidate left
    /// commented. Reading it back with `--policy-file` checks every quote against the protocol.
    package static func draftPack(protocolText: String, protocolPath: String, organisation: String, id: String,
                                 lexicons: URL) throws(PolicyProblems) -> String {
        let shipped = PolicyBook(packs: try PolicyBook.load(from: lexicons.appendingPathComponent("policies")))
        let scaffold = PolicyScaffold(shipped: shipped)
        let sentences = Self.sentences(of: protocolText)
        let title = protocolText.components(separatedBy: .newlines).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? organisation
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let disclaimer = Self.disclaimer(in: sentences) ?? "Ik schrijf dit op persoonlijke titel; het is niet het standpunt van \(organisation)."
        var lines = [
            "# postwacht policy pack for \(organisation), drafted by `postwacht init --protocol` from \(protocolPath).",
            "# Each rule proposes the protocol sentences that resemble the clauses the five shipped packs cite",
            "# for it (the cue words found are named). Confirm each: keep a clause that fits, delete one that does",
            "# not, uncomment (remove '# ') a better one, add `number:` where the protocol numbers it. A rule with",
            "# no fitting clause: delete it (a rule a pack does not list is not enforced for the school).",
            "# Check it with: postwacht rules --policy-file \(id).yaml --policy \(id)",
            "id: \(id)",
            "organisation: \(quoted(organisation))",
            "aliases: []",
            "protocol: \(quoted(protocolPath))",
            "title: \(quoted(title))",
            "disclaimer: \(quoted(disclaimer))",
            "rules:",
        ]
        for rule in RuleRegistry.all.map(\.description) {
            let found = scaffold.candidates(for: rule.id, in: sentences)
            guard let best = found.first else {
                lines.append("  # \(rule.id): no sentence of the protocol resembles its clauses (\(rule.name.nl))")
                continue
            }
            lines.append("  \(rule.id):  # \(rule.name.nl)")
            lines.append("    severity: \(shipped.packs.compactMap { $0.rules[rule.id]?.severity.rawValue }.first ?? rule.defaultSeverity.rawValue)")
            lines.append("    clauses:")
            lines.append("      # cues: \(best.cues.prefix(5).joined(separator: ", "))")
            lines.append("      - section: \(quoted(best.section))")
            lines.append("        quote: \(quoted(best.quote))")
            for other in found.dropFirst() {
                lines.append("      # cues: \(other.cues.prefix(5).joined(separator: ", "))")
                lines.append("      # - section: \(quoted(other.section))")
                lines.append("      #   quote: \(quoted(other.quote))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
