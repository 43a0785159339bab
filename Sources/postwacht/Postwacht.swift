import ArgumentParser
import Foundation
import PostwachtCore
import PostwachtReporting
import PostwachtSession

@main
struct Postwacht: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postwacht",
        abstract: "Checks Dutch school social-media posts against the school's protocol before they go online.",
        discussion: """
        postwacht points at the exact words that break a school's social-media protocol and cites the \
        clause: schuttingtaal, insults and slurs (also disguised: k4nker, k a n k e r, kuuut, Cyrillic \
        look-alikes, kutschool), personal data (phone, e-mail, address, BSN, IBAN, birth dates, names \
        with photos), a missing personal-title disclaimer, confidential matters, threats. \
        "Bij twijfel niet publiceren."

        Settings come from postwacht.yaml (found in the working directory or above it; `postwacht init` \
        writes one) and are overridden by flags.

        Exit codes: 0 nothing at or above --fail-on was found; 1 something was; 2 usage error or no input \
        could be read.

        Examples:
          echo "Wat een k4nkerschool" | postwacht check
          postwacht check --format json drafts/*.txt
          postwacht check --input jsonl --format jsonl < posts.jsonl
          postwacht check --policy svok --role staff mening.txt
          postwacht rules --policy konot
          postwacht explain profanity.curse
          postwacht audit facebook-export/ twitter-archive.zip --report audit.html
          postwacht serve                     # HTTP service and demo page on 127.0.0.1:8787
        """,
        version: PostwachtVersion.string,
        subcommands: [CheckCommand.self, AuditCommand.self, RulesCommand.self, ExplainCommand.self, InitCommand.self, ServeCommand.self, LexiconCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Scripts rely on 0/1/2: argument errors become 2 (not ArgumentParser's 64), findings are 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // ArgumentParser's message ends with the usage and "See 'postwacht <command> --help'".
            let message = ParserMessages.localized(fullMessage(for: error), in: ParserMessages.language(of: CommandLine.arguments))
            StandardError.write("postwacht: " + message + "\n")
            Foundation.exit(2)
        }
    }
}

/// The exit status of a usage error or an input that cannot be read; the statuses of a finished
/// `check` or `audit` run come from the session's `RunVerdict`.
enum ExitStatus {
    static let unusable = ExitCode(RunVerdict.unusable.rawValue)
}

/// Options every command that loads the engine shares.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file.", discussion: "Default: the first postwacht.yaml or .postwacht.yaml in the working directory or above it.", valueName: "file"))
    var configFile: String?

    @Option(name: .customLong("lexicons"), help: ArgumentHelp("Directory holding the lexicons (nl/profanity.tsv, …) and policies/.", discussion: "Default: $POSTWACHT_LEXICONS, else share/postwacht/Lexicons beside the binary, else the Lexicons/ of the checkout the binary was built in.", valueName: "dir"))
    var lexiconDirectory: String?

    @Option(name: .customLong("policy"), help: ArgumentHelp("Enforce one school's policy pack (Lexicons/policies/<id>.yaml): kits-primair, montessori-flevoland, regenboog, svok or konot.", discussion: "Only the rules that school's protocol supports run, with its severities, and findings cite its clauses, for every post whatever its org. Without a policy each post is held to its own school's pack (its org, else --org); a post of no known school gets every rule and every school's clauses.", valueName: "id"))
    var policy: String?

    @Option(name: .customLong("policy-file"), help: ArgumentHelp("A school's own policy pack (YAML, the format of Lexicons/policies/*.yaml), with its protocol text beside it (protocol: path). Repeatable.", discussion: "Checked on load: every rule id exists, every quote stands in the protocol text (white space and quote styles aside), severities are valid; each problem is an error naming file, line and key (exit 2). Its id then works with --policy and --org, its aliases with a post's org. Setting: policy_file. Start one with: postwacht init --protocol protocol.txt --organisation \"OBS De Klimop\".", valueName: "file"))
    var policyFiles: [String] = []

    @Option(name: .customLong("policy-dir"), help: ArgumentHelp("A folder of schools' own policy packs (*.yaml), each checked as --policy-file is. Repeatable; setting: policy_dir.", valueName: "dir"))
    var policyDirectories: [String] = []

    @Option(name: .customLong("org"), help: ArgumentHelp("The school (policy pack id) of posts that do not name one in their org.", discussion: "Without --policy, a post's school picks the pack it is held to: its rules, severities and clauses, the disclaimer to suggest, the photo rule.", valueName: "id"))
    var organisation: String?

    @Option(name: .customLong("channel"), help: ArgumentHelp("Where posts that do not say will be published: facebook, instagram, x, website, schoolapp, whatsapp, …", valueName: "name"))
    var channel: String?

    @Option(name: .customLong("lang"), help: "Language of messages and suggestions: nl or en.")
    var language: Language = .nl

    @Option(name: .customLong("fingerprint-key-file"), help: ArgumentHelp("A secret that makes fingerprints keyed hashes (SipHash-2-4).", discussion: "Without one, a fingerprint is a plain hash, and a phone number or BSN can be found back from it by trying every number, also in --redact output and baselines. Make one with: openssl rand -hex 32 > key; keep it; baselines made with one key only match findings made with the same key. Setting: fingerprint_key_file.", valueName: "file"))
    var fingerprintKeyFile: String?

    /// The flags as the session layer takes them.
    var settings: SessionSettings {
        var settings = SessionSettings()
        settings.configFile = configFile
        settings.lexiconDirectory = lexiconDirectory
        settings.policy = policy
        settings.policyFiles = policyFiles
        settings.policyDirectories = policyDirectories
        settings.organisation = organisation
        settings.channel = channel
        settings.language = language
        settings.fingerprintKeyFile = fingerprintKeyFile
        return settings
    }

    /// The configuration, lexicons and policy packs; warnings on stderr, and exit 2 with the session's
    /// message when they cannot be read or a policy names no pack.
    func loadSession() throws -> Session {
        do { return try Session.load(settings, warn: warn) } catch { throw fail(error) }
    }

    /// The engine as configured, for commands that describe it rather than check posts (`rules`, `explain`).
    func loadLinter() throws -> Linter {
        let session = try loadSession()
        return Linter(resources: session.resources, options: session.lintOptions())
    }

    /// The lexicons and packs without the configuration file (`postwacht lexicon`).
    func loadResources() throws -> LinterResources {
        do { return try Session.loadResources(settings, warn: warn) } catch { throw fail(error) }
    }

    private func warn(_ warning: LocalizedText) { StandardError.write("postwacht: warning: \(warning.text(in: language))\n") }

    /// Prints the session's message, a line each, and gives the exit status to throw: 2.
    func fail(_ error: SessionError) -> ExitCode {
        for line in error.lines(in: language) { StandardError.write("postwacht: \(line)\n") }
        return ExitStatus.unusable
    }

    /// The session's options; without a school, its notice said once on stderr.
    func lintOptions(_ session: Session, role: AuthorRole? = nil, consent: ConsentRegister? = nil, machineOutput: Bool) -> LintOptions {
        var options = session.lintOptions(role: role, consent: consent)
        if let notice = session.schoolNotice(&options, machineOutput: machineOutput) {
            StandardError.write("postwacht: \(notice.text(in: language))\n")
        }
        return options
    }
}

/// How machine outputs cite clauses: `--clauses`, for `check` and `audit`.
struct ClauseOptions: ParsableArguments {
    @Option(name: .customLong("clauses"), help: ArgumentHelp(
        "How JSON and JSONL findings cite the protocol's clauses: reference or inline.",
        discussion: "reference (the default, findings contract 2): a finding lists clause ids (\"svok/III.A.6\") and the output carries each clause's text once — JSON in a top-level \"clauses\" table, JSONL in a {\"clauses\": …} line before the first record citing it. inline: each finding carries its clauses in full (contract 1's form). See docs/findings.md.",
        valueName: "style"))
    var style: ClauseStyle = .reference
}

extension ClauseStyle: ExpressibleByArgument {}

/// How input files are decoded: `--encoding`, for `check` and `audit`.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("encoding"), help: ArgumentHelp(
        "Character encoding of the input.",
        discussion: "auto (the default) reads UTF-8, recognises UTF-16 by its byte-order mark or its NUL bytes, and reads a text or CSV row that is no UTF-8 at all as Windows-1252; each conversion is a warning on the record. A WordPress XML file's own declaration decides its encoding.",
        valueName: "name"))
    var encoding: EncodingChoice = .automatic
}

extension EncodingChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public var defaultValueDescription: String { "auto" }
    public static var allValueStrings: [String] { EncodingChoice.names }
}

extension Language: ExpressibleByArgument {}
/// Roles, kinds and attachments on the command line also in Dutch, as JSONL and exports take them.
extension AuthorRole: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) + dutchNames }
}

extension PostKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) + dutchNames }
}

extension Attachment.Kind: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) + dutchNames }
}
extension Severity: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
