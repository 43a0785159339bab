import ArgumentParser
import Foundation
import PostwachtCore
import PostwachtReporting

@main
struct Postwacht: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postwacht",
        abstract: "Checks Dutch school social-media posts against the school's protocol before they go online.",
        discussion: """
        postwacht points at the exact words that break a school's social-media protocol — schuttingtaal, \
        insults, slurs, also disguised (k4nker, k a n k e r, kuuut, Cyrillic look-alikes) or hidden in \
        compounds (kutschool) — and cites the clause. "Bij twijfel niet publiceren."

        Exit codes: 0 nothing at or above --fail-on was found; 1 something was; 2 usage error or no input \
        could be read.

        Examples:
          echo "Wat een k4nkerschool" | postwacht check
          postwacht check --format json drafts/*.txt
          postwacht check --input jsonl --format jsonl < posts.jsonl
          postwacht rules
          postwacht explain profanity.curse
        """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self, LexiconCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Scripts rely on 0/1/2: argument errors become 2 (not ArgumentParser's 64), findings are 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data(("postwacht: " + message + "\n").utf8))
            if status == .validationFailure {
                FileHandle.standardError.write(Data("Run 'postwacht help' or 'postwacht check --help' for usage.\n".utf8))
            }
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
    @Option(name: .customLong("lexicons"), help: ArgumentHelp("Directory holding the lexicons (nl/profanity.tsv, …).", discussion: "Default: $POSTWACHT_LEXICONS, else share/postwacht/Lexicons beside the binary, else the Lexicons/ of the checkout the binary was built in.", valueName: "dir"))
    var lexiconDirectory: String?

    @Option(name: .customLong("policy"), help: ArgumentHelp("Enforce one school's policy pack (Lexicons/policies/<id>.yaml): kits-primair, montessori-flevoland, regenboog, svok or konot.", discussion: "Only the rules that school's protocol supports run, with its severities, and findings cite its clauses. Without --policy every rule runs and cites every school's clauses.", valueName: "id"))
    var policy: String?

    @Option(name: .customLong("lang"), help: "Language of messages and suggestions: nl or en.")
    var language: Language = .nl

    /// The lexicons and policy packs; exits with 2 and a message naming the file when they cannot be read
    /// or `--policy` names no pack.
    func loadResources() throws -> LinterResources {
        let resources: LinterResources
        do {
            let directory = try LinterResources.locateLexicons(explicit: lexiconDirectory, executablePath: executablePath())
            resources = try LinterResources.load(from: directory)
        } catch {
            FileHandle.standardError.write(Data("postwacht: \(error.description)\n".utf8))
            throw ExitStatus.unusable
        }
        if let policy, resources.policies.pack(policy) == nil {
            FileHandle.standardError.write(Data("postwacht: unknown policy '\(policy)'; choose one of \(resources.policies.ids.joined(separator: ", "))\n".utf8))
            throw ExitStatus.unusable
        }
        return resources
    }

    private func executablePath() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }
}

extension Language: ExpressibleByArgument {}
extension AuthorRole: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
