import ArgumentParser
import Foundation
import PostwachtCore

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Work on the lexicons.",
        subcommands: [ScanWordList.self, Parse.self, Evidence.self]
    )

    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "Print the evidence a rule's model weighs for each post (JSONL in, JSONL out), for training and explaining.",
            discussion: """
            Reads posts in the `check --input jsonl` format on standard input and writes one line per post: \
            {"id", "score", "disclaimer", "features": {…}, "cues": {…}}. A staff post about school \
            (features.topic > 0) with no disclaimer is reported by conduct.missing-disclaimer when score > 0. \
            scripts/models/train_missing_disclaimer.py fits Lexicons/nl/models/missing-disclaimer.tsv from it. \
            With --rule conduct.arguing: {"id", "score", "spans", "features"} of conduct.arguing's model, which a \
            staff comment or reply with no arguing construction is reported by when score > 0; \
            scripts/models/train_arguing.py fits Lexicons/nl/models/arguing.tsv from it.
            """
        )

        @Option(name: .customLong("rule"), help: "conduct.missing-disclaimer (the default) or conduct.arguing.")
        var rule = "conduct.missing-disclaimer"

        @OptionGroup var engine: EngineOptions

        func validate() throws {
            guard ["conduct.missing-disclaimer", "conduct.arguing"].contains(rule) else {
                throw ValidationError(engine.language.say("--rule: conduct.missing-disclaimer of conduct.arguing, niet '\(rule)'",
                                                          "--rule: conduct.missing-disclaimer or conduct.arguing, not '\(rule)'"))
            }
        }

        func run() throws {
            let resources = try engine.loadResources()
            let checker = try Linter(resources: resources).makeChecker()
            var output = ""
            let lines = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
            for (number, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
                guard case .success(let record) = JSONLRecordDecoder.decode(Array(line.utf8), fallbackID: "line-\(number + 1)") else { continue }
                var object: [String: Any] = ["id": record.id]
                if rule == "conduct.arguing" {
                    let (evidence, score) = try checker.arguingEvidence(of: record)
                    object["score"] = score
                    object["spans"] = evidence.spans.count
                    object["features"] = Dictionary(uniqueKeysWithValues: ArguingEvidence.Feature.allCases.map { ($0.rawValue, evidence[$0]) })
                } else {
                    let (evidence, score) = try checker.disclaimerEvidence(of: record)
                    object["score"] = score
                    object["disclaimer"] = evidence.disclaimer.map { $0 as Any } ?? NSNull()
                    object["features"] = Dictionary(uniqueKeysWithValues: DisclaimerEvidence.Feature.allCases.map { ($0.rawValue, evidence[$0]) })
                    object["cues"] = Dictionary(uniqueKeysWithValues: evidence.cues.map { ($0.key.rawValue, $0.value) })
                }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                output += String(decoding: data, as: UTF8.self) + "\n"
            }
            print(output, terminator: "")
        }
    }

    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Show how the grammar reads a text: each word's classes and the constructions that match.",
            discussion: """
            For people writing constructions (Lexicons/nl/constructions/*.tsv) and word classes \
            (Lexicons/nl/grammar/*.tsv). Matches are shown before the threat rule's judgement; the threat \
            matches the rule lets go (a negation inside, a reported threat, a game, an idiom, too little \
            evidence for a weak construction) follow under "losgelaten", with the reason. \
            Example: postwacht lexicon parse --role pupil "dan sla ik je morgen in elkaar"
            """
        )

        @Argument(help: "The text; without it, standard input.")
        var text: String?

        @Option(name: .customLong("role"), help: "Author role: staff, parent, pupil or school (some judgements depend on it).")
        var role: AuthorRole?

        @OptionGroup var engine: EngineOptions

        func run() throws {
            let resources = try engine.loadResources()
            let checker = try Linter(resources: resources).makeChecker()
            let input = text ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let trace = try checker.grammarTrace(of: Record(id: "<tekst>", text: input, metadata: RecordMetadata(authorRole: role)))
            var output = ""
            for (number, sentence) in trace.sentences.enumerated() {
                output += "zin \(number + 1):\n"
                for word in sentence {
                    output += "  \(word.text)\t\(word.classes.filter { $0 != "WOORD" }.joined(separator: " "))\n"
                }
            }
            output += trace.matches.isEmpty ? "geen constructie\n" : trace.matches.map { "\($0.family)\t'\($0.text)'\t\($0.source)\n" }.joined()
            for letGo in trace.lettingGo { output += "losgelaten (\(letGo.reason))\t'\(letGo.text)'\t\(letGo.source)\n" }
            print(output, terminator: "")
        }
    }

    struct ScanWordList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan-wordlist",
            abstract: "Run the profanity rules over every word of a word list (one per line) and print the words they flag.",
            discussion: """
            Used to keep the allowlist honest: `postwacht lexicon scan-wordlist /usr/share/dict/nederlands` \
            (Debian's wdutch, the OpenTaal list) prints `word<TAB>rule<TAB>severity<TAB>normalized` for every \
            flagged word that is not itself a lexicon term; each is either a curse to add to \
            Lexicons/nl/profanity.tsv or an innocent word for Lexicons/nl/profanity-allow.tsv.
            """
        )

        @Argument(help: "A word list, one word per line.")
        var wordList: String

        @Flag(name: .customLong("all"), help: "Also print words that are lexicon terms themselves.")
        var all = false

        @OptionGroup var engine: EngineOptions

        func run() throws {
            let resources = try engine.loadResources()
            let linter = Linter(resources: resources, rules: RuleRegistry.all.filter { $0.description.category == .profanity })
            let checker = try linter.makeChecker()
            let folder = KeyFolder()
            guard let handle = FileHandle(forReadingAtPath: wordList) else {
                StandardError.write("postwacht: cannot read \(wordList)\n")
                throw ExitStatus.unusable
            }
            let reader = LineReader(handle: handle)
            var flagged = 0
            while let line = try reader.next() {
                guard case .text(let bytes) = line, !bytes.isEmpty else { continue }
                let word = String(decoding: bytes, as: UTF8.self)
                guard case .checked(let result) = checker.lint(Record(id: word, bytes: bytes)) else { continue }
                for finding in result.findings {
                    if !all && resources.profanity.contains(key: folder.key(of: word)) { continue }
                    flagged += 1
                    print("\(word)\t\(finding.rule)\t\(finding.severity.rawValue)\t\(finding.normalized)")
                }
            }
            StandardError.write("\(flagged) flagged\n")
        }
    }
}
