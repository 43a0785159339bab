import ArgumentParser
import Foundation
import PostwachtCore
import PostwachtReporting

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

/// Exit statuses scripts can rely on.
enum ExitStatus {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let unusable = ExitCode(2)
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

    /// The configuration file's settings, or none; exits with 2 when it is unreadable or invalid.
    func loadConfiguration() throws -> Configuration {
        let url = configFile.map { URL(fileURLWithPath: $0) }
            ?? Configuration.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        do {
            guard let url else { return try withFingerprintKey(Configuration(), relativeTo: nil) }
            guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
                throw Configuration.Problem(description: "\(url.path): not valid UTF-8")
            }
            let (configuration, warnings) = try Configuration.parse(text, source: url.path)
            for warning in warnings { StandardError.write("postwacht: warning: \(warning)\n") }
            return try withFingerprintKey(configuration, relativeTo: url.deletingLastPathComponent())
        } catch let problem as Configuration.Problem {
            StandardError.write("postwacht: \(problem.description)\n")
        } catch {
            StandardError.write("postwacht: \(url?.path ?? "configuration"): cannot read the configuration (\(error.localizedDescription))\n")
        }
        throw ExitStatus.unusable
    }

    /// The key from --fingerprint-key-file, else from the setting (a path relative to the configuration file).
    private func withFingerprintKey(_ configuration: Configuration, relativeTo directory: URL?) throws -> Configuration {
        let path = fingerprintKeyFile ?? configuration.fingerprintKeyFile.map { setting in
            setting.hasPrefix("/") || directory == nil ? setting : directory!.appendingPathComponent(setting).path
        }
        guard let path else { return configuration }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Configuration.Problem(description: "\(path): cannot read the fingerprint key file")
        }
        guard let key = FingerprintKey(secret: [UInt8](data)) else {
            throw Configuration.Problem(description: "\(path): a fingerprint key needs at least \(FingerprintKey.minimumSecretBytes) bytes (make one with: openssl rand -hex 32)")
        }
        var keyed = configuration
        keyed.fingerprintKey = key
        return keyed
    }

    /// The lexicons and policy packs, with the configuration's added terms; exits with 2 and a message
    /// naming the file when they cannot be read or a policy names no pack.
    func loadResources(_ configuration: Configuration = Configuration()) throws -> LinterResources {
        let resources: LinterResources
        do {
            let directory = try LinterResources.locateLexicons(explicit: lexiconDirectory, executablePath: executablePath())
            let base = configuration.source.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            func resolved(_ setting: String) -> URL {
                setting.hasPrefix("/") || base == nil ? URL(fileURLWithPath: setting) : base!.appendingPathComponent(setting)
            }
            let schoolPacks = try PolicyBook.schoolPacks(
                files: policyFiles.map { URL(fileURLWithPath: $0) } + configuration.policyFiles.map(resolved),
                directories: policyDirectories.map { URL(fileURLWithPath: $0) } + configuration.policyDirectories.map(resolved),
                language: language)
            resources = try LinterResources.load(from: directory, additions: configuration.additions, schoolPacks: schoolPacks)
        } catch let problems as PolicyProblems {
            for problem in problems.problems { StandardError.write("postwacht: \(problem.description)\n") }
            throw ExitStatus.unusable
        } catch let error as LexiconError {
            StandardError.write("postwacht: \(error.description)\n")
            throw ExitStatus.unusable
        }
        for (setting, id) in [("policy", policy ?? configuration.policy), ("organisation", organisation ?? configuration.organisation)] {
            if let id, resources.policies.pack(named: id) == nil {
                let known = resources.policies.ids.joined(separator: ", ")
                StandardError.write("postwacht: " + language.say(
                    setting == "policy" ? "onbekend beleid '\(id)'; kies een van \(known)" : "onbekende school '\(id)'; kies een van \(known)",
                    "unknown \(setting) '\(id)'; choose one of \(known)") + "\n")
                throw ExitStatus.unusable
            }
        }
        let unknownRules = Set(configuration.rules.keys).subtracting(RuleRegistry.all.map(\.description.id))
        for rule in unknownRules.sorted() {
            StandardError.write("postwacht: warning: \(configuration.source ?? "configuration"): unknown rule '\(rule)' (see postwacht rules)\n")
        }
        return resources
    }

    /// Flags over the configuration file over the defaults.
    func lintOptions(_ configuration: Configuration, role: AuthorRole? = nil, consent: ConsentRegister? = nil) -> LintOptions {
        var options = LintOptions(policy: policy ?? configuration.policy, consent: consent,
                                  organisation: organisation ?? configuration.organisation, organisationNames: configuration.aliases,
                                  defaultRole: role ?? configuration.role, defaultChannel: channel ?? configuration.channel)
        options.ruleSettings = configuration.rules
        options.fingerprintKey = configuration.fingerprintKey
        options.lessonHours = configuration.lessonHours
        options.accountPosters = configuration.accountPosters
        return options
    }

    /// Without a school (no --policy, --org or setting) nothing can be cited: say so once on stderr
    /// with how to choose one, and mark each such record in machine output (`policy.none`).
    func noteWhenNoSchool(_ options: inout LintOptions, machineOutput: Bool) {
        guard options.policy == nil, options.organisation == nil else { return }
        StandardError.write(language == .nl
            ? "postwacht: geen school ingesteld: een bericht zonder org wordt aan alle regels getoetst en citeert geen schoolprotocol; kies de school met --org, --policy-file of organisation: in postwacht.yaml\n"
            : "postwacht: no school configured: a post without an org is held to every rule and cites no school's protocol; choose the school with --org, --policy-file or organisation: in postwacht.yaml\n")
        options.marksRecordsWithoutSchool = machineOutput
    }

    /// How findings are worded: `--lang`, masked with `--redact`.
    func renderer(redact: Bool = false) -> FindingRenderer {
        FindingRenderer(language: language, redact: redact)
    }
}

/// The running binary, through symlinks: the lexicons are found beside or above it.
func executablePath() -> String? {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
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
extension OutputFormat: ExpressibleByArgument {}
