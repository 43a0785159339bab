import ArgumentParser
import Foundation
import PostwachtCore

/// Writes a commented starter configuration a school can edit.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter postwacht.yaml in the working directory.",
        discussion: "postwacht check, rules and explain read it from the working directory or any directory above it."
    )

    @Option(name: .customLong("policy"), help: ArgumentHelp("Policy pack to start from: kits-primair, montessori-flevoland, regenboog, svok or konot.", valueName: "id"))
    var policy: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("Where to write it.", valueName: "file"))
    var output = "postwacht.yaml"

    @Flag(name: .customLong("force"), help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        let known = ["kits-primair", "montessori-flevoland", "regenboog", "svok", "konot"]
        if let policy, !known.contains(policy) {
            throw ValidationError("unknown policy '\(policy)'; choose one of \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
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
