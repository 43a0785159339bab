import ArgumentParser
import Foundation
import PostwachtCore
import PostwachtSession

/// Writes a commented starter configuration a school can edit.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter postwacht.yaml, or draft a school's own policy pack from its protocol.",
        discussion: """
        postwacht check, rules and explain read postwacht.yaml from the working directory or any directory above it.

        With --protocol and --organisation, init drafts a policy pack for a school that is not one of the five: for each rule the protocol's sentences that resemble the clauses the shipped packs cite, best first, for a person to confirm. Save a Word or PDF protocol as plain text first (Word: Opslaan als → Platte tekst; PDF: pdftotext protocol.pdf). Example:
          postwacht init --protocol protocol.txt --organisation "OBS De Klimop"
          postwacht rules --policy-file klimop.yaml --policy klimop
        """
    )

    @Option(name: .customLong("protocol"), help: ArgumentHelp("The school's social-media protocol as plain UTF-8 text: draft a policy pack from it.", valueName: "file"))
    var protocolFile: String?

    @Option(name: .customLong("organisation"), help: ArgumentHelp("The school's name, for the drafted pack (with --protocol).", valueName: "name"))
    var organisation: String?

    @Option(name: .customLong("id"), help: ArgumentHelp("The drafted pack's id (default: from the school's name, 'OBS De Klimop' → klimop).", valueName: "id"))
    var packID: String?

    @Option(name: .customLong("lexicons"), help: ArgumentHelp("Directory holding the lexicons and the shipped policies/ (default as for check).", valueName: "dir"))
    var lexiconDirectory: String?

    @Option(name: .customLong("policy"), help: ArgumentHelp("Policy pack to start from: kits-primair, montessori-flevoland, regenboog, svok or konot.", valueName: "id"))
    var policy: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("Where to write it (default postwacht.yaml; with --protocol <id>.yaml).", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("force"), help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        // The shipped packs, not a list written here: a pack added to Lexicons/policies is offered too.
        if let policy, let lexicons = try? LinterResources.locateLexicons(explicit: lexiconDirectory, executablePath: SessionSettings.runningExecutable()),
           case let known = PolicyBook.shippedIDs(in: lexicons), !known.contains(policy) {
            throw ValidationError("onbekend beleid '\(policy)'; kies een van \(known.joined(separator: ", "))")
        }
        if (protocolFile == nil) != (organisation == nil) {
            throw ValidationError("--protocol en --organisation horen bij elkaar: de tekst van het protocol en de naam van de school")
        }
        if let packID, packID.isEmpty || packID.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--id: alleen letters, cijfers en '-', zoals 'klimop' of 'obs-de-klimop'")
        }
    }

    /// "OBS De Klimop" → "klimop": the school's name without its kind and article.
    static func id(for organisation: String) -> String {
        let skipped: Set<String> = ["obs", "cbs", "rkbs", "pcbs", "ikc", "sbo", "de", "het", "basisschool", "school"]
        let words = organisation.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let kept = words.filter { !skipped.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: "-")
    }

    private func draftPack(protocolFile: String, organisation: String) throws {
        let id = packID ?? Self.id(for: organisation)
        let target = output ?? "\(id).yaml"
        guard let data = FileManager.default.contents(atPath: protocolFile) else {
            StandardError.write("postwacht: \(protocolFile): kan het protocol niet lezen (bestaat het, mag het gelezen worden?)\n")
            throw ExitStatus.unusable
        }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\u{0}") else {
            StandardError.write("postwacht: \(protocolFile): het protocol is geen UTF-8-tekst; sla het op als platte tekst (UTF-8)\n")
            throw ExitStatus.unusable
        }
        if FileManager.default.fileExists(atPath: target), !force {
            StandardError.write("postwacht: \(target) exists; use --force to overwrite it\n")
            throw ExitStatus.unusable
        }
        // The pack names its protocol relative to itself.
        let packFolder = URL(fileURLWithPath: target).deletingLastPathComponent().standardizedFileURL.path
        let protocolPath = URL(fileURLWithPath: protocolFile).standardizedFileURL.path
        let relative = protocolPath.hasPrefix(packFolder + "/") ? String(protocolPath.dropFirst(packFolder.count + 1)) : protocolPath
        let pack: String
        do {
            let lexicons = try LinterResources.locateLexicons(explicit: lexiconDirectory, executablePath: SessionSettings.runningExecutable())
            pack = try PolicyScaffold.draftPack(protocolText: text, protocolPath: relative, organisation: organisation, id: id, lexicons: lexicons)
        } catch {
            StandardError.write("postwacht: \(error)\n")
            throw ExitStatus.unusable
        }
        do { try pack.write(toFile: target, atomically: true, encoding: .utf8) } catch {
            StandardError.write("postwacht: cannot write \(target) (\(error.localizedDescription))\n")
            throw ExitStatus.unusable
        }
        let proposed = pack.components(separatedBy: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  #") && !$0.hasPrefix("   ") }.count
        print("wrote \(target): \(proposed) rules with a proposed clause; confirm each, then run: postwacht check --policy-file \(target) --org \(id) <draft.txt>")
    }

    func run() throws {
        if let protocolFile, let organisation { return try draftPack(protocolFile: protocolFile, organisation: organisation) }
        let output = self.output ?? "postwacht.yaml"
        if FileManager.default.fileExists(atPath: output), !force {
            StandardError.write("postwacht: \(output) exists; use --force to overwrite it\n")
            throw ExitStatus.unusable
        }
        do {
            try Self.template(policy: policy).write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            StandardError.write("postwacht: cannot write \(output) (\(error.localizedDescription))\n")
            throw ExitStatus.unusable
        }
        print("wrote \(output); edit it, then run: postwacht check <draft.txt>")
    }

    static func template(policy: String?) -> String {
        let pack = policy ?? "regenboog"
        return """
        # postwacht configuration. postwacht check/rules/explain read this file from the working directory
        # or any directory above it; flags (--policy, --org, --role, --channel) override it.

        # The school's social-media protocol: only its rules run, with its severities, and findings cite
        # its clauses. One of: kits-primair, montessori-flevoland, regenboog, svok, konot.
        \(policy == nil ? "# " : "")policy: \(pack)

        # The school of posts that do not name one (their `org` field): picks the disclaimer sentence to
        # suggest and the photo rules (regenboog: photos only in the school app).
        organisation: \(pack)

        # Names and nicknames of the school: a staff post that names them is about school.
        aliases:
          - "Naam van de school"
          - "Bijnaam"

        # Who writes the drafts that do not say (plain-text files, stdin): staff, parent, pupil or school.
        role: staff

        # Where drafts that do not say will be published: facebook, instagram, x, linkedin, website,
        # schoolapp, whatsapp, …
        # channel: facebook

        # A secret that makes fingerprints keyed hashes: without it, a phone number or BSN can be found
        # back from its fingerprint by trying every number. Make one with: openssl rand -hex 32 > fingerprint.key
        # fingerprint_key_file: fingerprint.key

        # Per rule: another severity (error, warning, info) or off. See `postwacht rules`.
        rules:
          # privacy.email: info
          # conduct.befriending-pupils: off

        # The school's own words: extra coarse words and confidential terms, words that must never be
        # reported, and the disclaimer sentences staff use.
        lexicons:
          profanity:
            add: []
            allow: []
          confidential:
            add: []
            allow: []
          disclaimers:
            add: []

        """
    }
}
