import ArgumentParser
import Foundation
import PostwachtCore
import PostwachtReporting
import PostwachtSession

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts from files or stdin and report findings.",
        discussion: """
        Without files (or with -), the draft is read from stdin. With --input text (the default) every \
        file is one post. With --input jsonl every line is one post: {"id", "text", "author_role", \
        "attachments", "org", "channel"}; a line that cannot be read yields an error record and the \
        rest continue.

        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on; 2 usage error or \
        no input could be read (no file opened, or every record in them failed).
        """
    )

    enum ColourChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: ArgumentHelp("Files to check; - or none reads stdin.", valueName: "file"))
    var files: [String] = []

    @Flag(name: .customLong("stdin"), help: "Read the draft from stdin (as when no files are given).")
    var readStdin = false

    @Option(name: .customLong("input"), help: "How input is split into posts: text (one post per file) or jsonl (one per line).")
    var inputFormat: InputFormat = .text

    @Option(name: .customLong("format"), help: "Output: text (compiler-style), json (one document with a summary) or jsonl (one line per post).")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: info, warning, error or never.")
    var failOn: FailOn = .warning

    @Flag(name: .customLong("redact"), help: "Mask matched words and values in every output.")
    var redact = false

    @Option(name: .customLong("role"), help: "Author role of plain-text drafts (and JSONL lines without author_role): staff, parent, pupil or school; in Dutch docent, ouder, leerling, schoolaccount.")
    var role: AuthorRole?

    @Option(name: .customLong("attachments"), help: ArgumentHelp("What a plain-text draft carries: image, video, audio or file; repeat for several (--attachments image --attachments video).", discussion: "The photo rules (name with photo, permission for school photos, the school app) need to know a draft has a photo; in Dutch foto, video, geluid, bestand.", valueName: "kind"))
    var attachments: [Attachment.Kind] = []

    @Option(name: .customLong("kind"), help: ArgumentHelp("What a plain-text draft is: post, comment or reply (bericht, reactie, antwoord). Comments and replies are read by the discussion rules.", valueName: "kind"))
    var kind: PostKind?

    @Option(name: .customLong("consent"), help: ArgumentHelp("Photo consent register (CSV: name,consent[,class] with consent ja/nee), as the pupil administration exports it.", discussion: "A named pupil in a post with a photo is an error without consent and info with consent.", valueName: "file"))
    var consentFile: String?

    @Option(name: .customLong("color"), help: "Colour text output: auto (only on a terminal), always or never.")
    var colour: ColourChoice = .auto

    @OptionGroup var input: InputOptions

    @OptionGroup var clauses: ClauseOptions

    @OptionGroup var engine: EngineOptions

    func run() throws {
        let session = try engine.loadSession()
        let consent: ConsentRegister?
        do { consent = try consentFile.map(ConsentFile.read) } catch { throw engine.fail(error) }
        let options = engine.lintOptions(session, role: role, consent: consent, machineOutput: format != .text)
        let linter = Linter(resources: session.resources, options: options)
        let checker: Checker
        do { checker = try linter.makeChecker() } catch {
            StandardError.write("postwacht: \(error)\n")
            throw ExitStatus.unusable
        }
        let colours = colour == .always || (colour == .auto && format == .text && isatty(STDOUT_FILENO) == 1)
        let reporter = FormatReporter(format, style: ReportStyle(colors: colours, renderer: session.renderer(redact: redact), clauses: clauses.style))
        var recorder = RunRecorder(reporter, sink: try OutputSink(path: nil), flushEachRecord: true)
        let sources = files.isEmpty || readStdin ? files.filter { $0 != "-" } + ["-"] : files
        var readableSources = 0
        for source in sources {
            let opened = InputSource.open(source, format: inputFormat, role: role, attachments: attachments.map { Attachment(type: $0) }, kind: kind, encoding: input.encoding, language: engine.language) { outcome in
                recorder.record(outcome)
            } check: { record in
                checker.lint(record)
            }
            if opened { readableSources += 1 }
        }
        if let error = recorder.close() {
            StandardError.write("postwacht: cannot write the findings to stdout (\(error))\n")
            throw ExitStatus.unusable
        }
        let verdict = RunVerdict(recorder.summary, opened: readableSources > 0, failOn: failOn)
        if verdict != .clean { throw ExitCode(verdict.rawValue) }
    }
}
