import Foundation
import XCTest
import PostwachtCore

/// Runs the built `postwacht` binary end to end, as scripts and CMS hooks do.
final class CommandLineTests: XCTestCase {

    private func run(_ arguments: [String], stdin: String = "", in directory: URL = TestSupport.repositoryRoot) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try TestSupport.runBinary(arguments, stdin: Data(stdin.utf8), in: directory)
        return (result.status, String(decoding: result.stdout, as: UTF8.self), String(decoding: result.stderr, as: UTF8.self))
    }

    func testStdinDraftWithCurseExitsOneAndPointsAtTheWord() throws {
        let result = try run(["check", "--color", "never"], stdin: "Wat een k4nkerschool, bel me op 06-12345678\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("<stdin>:1:9: error [profanity.curse] 'k4nkerschool' is schuttingtaal"), result.stdout)
        XCTAssertTrue(result.stdout.contains("            ^~~~~~~~~~~~"), result.stdout)
    }

    func testCleanDraftExitsZero() throws {
        XCTAssertEqual(try run(["check"], stdin: "Wij lopen mee voor KWF Kankerbestrijding!").status, 0)
    }

    func testUsageErrorsAndUnreadableInputExitTwo() throws {
        let unknownFlag = try run(["check", "--no-such-flag"])
        XCTAssertEqual(unknownFlag.status, 2)
        XCTAssertTrue(unknownFlag.stderr.contains("no-such-flag"))
        let missing = try run(["check", "/nonexistent/draft.txt"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stdout.contains("[input.not-found]"), missing.stdout)
        XCTAssertEqual(try run(["check", "--policy", "nergens"]).status, 2)
        let nothingReadable = try run(["check", "--input", "jsonl"], stdin: "garbage\n{\"x\": 1}\n")
        XCTAssertEqual(nothingReadable.status, 2, "every record failed: nothing was checked")
        XCTAssertTrue(nothingReadable.stdout.contains("[input.invalid-json]"), nothingReadable.stdout)
    }

    func testRedactedTextOutputMasksEveryMatchInEveryExcerpt() throws {
        let result = try run(["check", "--redact", "--color", "never", "--role", "parent"],
                             stdin: "Wat een kutschool! Bel 06-12345678 of mail jan.jansen@gmail.com, BSN 111222333.\n")
        XCTAssertEqual(result.status, 1)
        for secret in ["kutschool", "12345678", "jansen", "111222333"] {
            XCTAssertFalse(result.stdout.contains(secret), "\(secret) shows in\n\(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("    Wat een •••••••••! Bel ••-•••••••• of mail"), result.stdout)
    }

    func testMarkerSitsUnderTheSpanAfterWideAndCombiningCharacters() throws {
        // Each emoji takes two terminal columns; the combining accent on "e\u{301}" none.
        let result = try run(["check", "--color", "never"], stdin: "😀😀 e\u{301}en kut dag\n")
        XCTAssertTrue(result.stdout.contains("\n    😀😀 e\u{301}en kut dag\n" + String(repeating: " ", count: 4 + 9) + "^~~\n"), result.stdout)
    }

    /// A school that is not one of the five: its own pack (--policy-file) with its protocol beside it is
    /// checked on load (unknown rule, a quote not in the protocol: exit 2 naming file, line and key),
    /// and then works with --org by id and by alias.
    func testASchoolsOwnPolicyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-klimop-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let protocolText = "Protocol sociale media OBS De Klimop\n\nGedrag\n1. Schelden of dreigen doe je niet, ook niet online.\n"
        try protocolText.write(to: folder.appendingPathComponent("protocol.txt"), atomically: true, encoding: .utf8)
        func pack(rule: String, quote: String) -> String {
            """
            id: klimop
            organisation: "OBS De Klimop"
            aliases: ["De Klimop"]
            protocol: protocol.txt
            title: "Protocol sociale media OBS De Klimop"
            disclaimer: "Ik schrijf dit op persoonlijke titel."
            rules:
              \(rule):
                severity: error
                clauses:
                  - section: "Gedrag"
                    number: "1"
                    quote: "\(quote)"
            """
        }
        let file = folder.appendingPathComponent("klimop.yaml")
        try pack(rule: "profanity.curse", quote: "Schelden of dreigen doe je niet, ook niet online.").write(to: file, atomically: true, encoding: .utf8)
        let good = try run(["check", "--policy-file", file.path, "--org", "De Klimop"], stdin: "Wat een kutschool")
        XCTAssertEqual(good.status, 1, good.stderr)
        XCTAssertTrue(good.stdout.contains("OBS De Klimop, Gedrag, 1"), good.stdout)
        XCTAssertFalse(good.stderr.contains("geen school ingesteld"), good.stderr)

        try pack(rule: "profanity.curze", quote: "Schelden doen we graag.").write(to: file, atomically: true, encoding: .utf8)
        let bad = try run(["check", "--policy-file", file.path, "--org", "klimop"], stdin: "Wat een kutschool")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("klimop.yaml:8: rules.profanity.curze"), bad.stderr)
        try pack(rule: "profanity.curse", quote: "Schelden doen we graag.").write(to: file, atomically: true, encoding: .utf8)
        let misquoted = try run(["check", "--policy-file", file.path], stdin: "Wat een kutschool")
        XCTAssertEqual(misquoted.status, 2)
        XCTAssertTrue(misquoted.stderr.contains("rules.profanity.curse.clauses[0].quote"), misquoted.stderr)

        // The hand-written pack of a made-up school (Fixtures/custom-school) in an audit: posts name it by
        // id and by alias, and cite its clauses by its own numbering.
        let audit = try run(["audit", "--policy-file", "Fixtures/custom-school/klimop.yaml", "Fixtures/custom-school/posts.jsonl", "--format", "jsonl"])
        XCTAssertEqual(audit.status, 1, audit.stderr)
        XCTAssertTrue(audit.stdout.contains("\"clauses\":[\"klimop/1.1\"]") && audit.stdout.contains("\"clauses\":[\"klimop/1.3\"]"), audit.stdout)
        XCTAssertTrue(audit.stderr.contains("3 gecontroleerd"), audit.stderr)
        let none = try run(["check"], stdin: "Wat een kutschool")
        XCTAssertTrue(none.stderr.contains("geen school ingesteld") && none.stderr.contains("--policy-file"), none.stderr)
    }

    /// `init --protocol` drafts a pack from a school's own protocol that loads as it is (every quote
    /// stands in the text) and proposes its clause against schuttingtaal for the curse rule.
    func testInitDraftsAPackFromAProtocol() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-init-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let protocolText = """
        Protocol sociale media OBS De Klimop

        Gedrag online
        Wij gebruiken geen schuttingtaal en geen scheldwoorden op sociale media.
        Pesten, bedreigen en zwartmaken van anderen is niet toegestaan.
        Medewerkers delen geen vertrouwelijke informatie over leerlingen, zoals dossiers of diagnoses.
        Een medewerker die op persoonlijke titel schrijft, vermeldt dat ook.
        """
        try protocolText.write(to: folder.appendingPathComponent("protocol.txt"), atomically: true, encoding: .utf8)
        let initialised = try run(["init", "--protocol", "protocol.txt", "--organisation", "OBS De Klimop"], in: folder)
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        let pack = try String(contentsOf: folder.appendingPathComponent("klimop.yaml"), encoding: .utf8)
        XCTAssertTrue(pack.contains("quote: \"Wij gebruiken geen schuttingtaal en geen scheldwoorden op sociale media.\""), pack)
        XCTAssertTrue(pack.contains("disclaimer: \"Een medewerker die op persoonlijke titel schrijft, vermeldt dat ook.\""), pack)
        let checked = try run(["check", "--policy-file", "klimop.yaml", "--org", "klimop"], stdin: "Wat een kutschool", in: folder)
        XCTAssertEqual(checked.status, 1, checked.stderr)
        XCTAssertTrue(checked.stdout.contains("OBS De Klimop, Gedrag online"), checked.stdout)
        let again = try run(["init", "--protocol", "protocol.txt", "--organisation", "OBS De Klimop"], in: folder)
        XCTAssertEqual(again.status, 2, "an existing pack is not overwritten without --force")
        let lonely = try run(["init", "--protocol", "protocol.txt"], in: folder)
        XCTAssertEqual(lonely.status, 2, lonely.stderr)
    }

    /// A plain-text draft can say what it carries and what it is, and roles are taken in Dutch too.
    func testDraftsSayTheirPhotoKindAndRoleInDutch() throws {
        let draft = "Onze leerling Sanne de Vries won vandaag de voorleeswedstrijd!"
        let withPhoto = try run(["check", "--role", "docent", "--org", "konot", "--attachments", "foto", "--format", "jsonl"], stdin: draft)
        XCTAssertTrue(withPhoto.stdout.contains("\"rule\":\"privacy.name-with-photo\""), withPhoto.stdout)
        let without = try run(["check", "--role", "docent", "--org", "konot", "--format", "jsonl"], stdin: draft)
        XCTAssertFalse(without.stdout.contains("privacy.name-with-photo"), without.stdout)
        let reply = try run(["check", "--role", "leerling", "--kind", "reactie", "--org", "konot"], stdin: "Hoera!")
        XCTAssertEqual(reply.status, 0, reply.stderr)
        let wrong = try run(["check", "--role", "juffie"], stdin: "Hoera!")
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.stderr.contains("docent"), wrong.stderr)
    }

    func testJSONLinesKeepGoingPastBadLinesAndRedact() throws {
        let input = """
        {"id": "a", "text": "wat een kutschool", "author_role": "parent"}
        {"id": "b", "text": 
        {"id": "c"}
        {"id": "d", "text": "Hoera, de sportdag!", "attachments": [{"type": "image"}]}
        {"id": "e", "text": "Onze leerling Sanne de Vries won!", "author_role": "docent", "attachments": ["foto"]}
        """
        let result = try run(["check", "--input", "jsonl", "--format", "jsonl", "--redact", "--org", "regenboog"], stdin: input)
        XCTAssertEqual(result.status, 1)
        let all = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        // Findings contract 2: a clause table line comes before the first record citing its clauses.
        XCTAssertNotNil(all.first?["clauses"] as? [String: Any])
        let lines = all.filter { $0["id"] != nil }
        XCTAssertEqual(lines.map { $0["id"] as? String }, ["a", "<stdin>:2", "c", "d", "e"])
        let finding = try XCTUnwrap((lines[0]["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(finding["match"] as? String, "•••••••••")
        XCTAssertFalse(result.stdout.contains("kutschool"))
        XCTAssertEqual((lines[1]["error"] as? [String: Any])?["code"] as? String, "input.invalid-json")
        XCTAssertEqual((lines[2]["error"] as? [String: Any])?["code"] as? String, "input.missing-text")
        XCTAssertEqual((lines[3]["findings"] as? [Any])?.count, 0)
        // An attachment may be given by its kind alone, in Dutch too.
        XCTAssertEqual((lines[4]["findings"] as? [[String: Any]])?.first?["rule"] as? String, "privacy.name-with-photo", "\(lines[4])")
    }

    func testJSONDocumentHasRecordsAndSummary() throws {
        let result = try run(["check", "--format", "json", "Fixtures/drafts/ouderbericht.txt", "Fixtures/drafts/nieuwsbrief.txt"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["records"] as? [Any])?.count, 2)
        let summary = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 2)
        XCTAssertNotNil(summary["by_category"])
    }

    func testRulesAndExplain() throws {
        let rules = try run(["rules", "--policy", "konot"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("profanity.curse"))
        XCTAssertTrue(rules.stdout.contains("Te populair taalgebruik en schuttingtaal"))
        let families = try run(["explain", "conduct.threat"])
        for family in ["geweld", "intimidatie", "doodswens", "uitsluiting", "doxxing", "groep", "belediging"] {
            XCTAssertTrue(families.stdout.contains("\n  \(family) ["), "explain conduct.threat lists the family \(family)")
        }
        let explain = try run(["explain", "profanity.curse", "--lang", "en"])
        XCTAssertTrue(explain.stdout.contains("⟦k4nkerschool⟧"), explain.stdout)
        XCTAssertEqual(try run(["explain", "no.such.rule"]).status, 2)
    }

    func testStaffOpinionUnderSVOKNeedsItsDisclaimer() throws {
        let opinion = "Ik vind de werkdruk op school echt te hoog, mijn leerlingen verdienen beter.\n"
        let flagged = try run(["check", "--policy", "svok", "--role", "staff", "--color", "never"], stdin: opinion)
        XCTAssertEqual(flagged.status, 1)
        XCTAssertTrue(flagged.stdout.contains("[conduct.missing-disclaimer]"), flagged.stdout)
        XCTAssertTrue(flagged.stdout.contains("SVOK"), flagged.stdout)
        XCTAssertTrue(flagged.stdout.contains("op persoonlijke titel"), flagged.stdout)
        let withDisclaimer = try run(["check", "--policy", "svok", "--role", "staff"], stdin: opinion + "Ik deel dit op persoonlijke titel.")
        XCTAssertEqual(withDisclaimer.status, 0, withDisclaimer.stdout)
    }

    func testRulesForAPolicyListOnlyWhatThatSchoolEnforces() throws {
        let konot = try run(["rules", "--policy", "konot"])
        XCTAssertEqual(konot.status, 0)
        XCTAssertTrue(konot.stdout.contains("conduct.confidential"))
        XCTAssertFalse(konot.stdout.contains("conduct.photo-outside-app"), "only De Regenboog has the school-app photo rule")
        XCTAssertFalse(konot.stdout.contains("GBS De Regenboog"), "clauses of other schools are not cited")
    }

    func testInitWritesAConfigurationThatCheckReads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertEqual(try run(["init", "--policy", "konot"], in: directory).status, 0)
        XCTAssertEqual(try run(["init"], in: directory).status, 2, "init refuses to overwrite")
        let checked = try run(["check", "--format", "json"], stdin: "Ik vind de werkdruk op school echt te hoog.", in: directory)
        XCTAssertEqual(checked.status, 1, checked.stderr)
        XCTAssertTrue(checked.stdout.contains("\"policy\" : \"konot\"") || checked.stdout.contains("\"policy\":\"konot\""), checked.stdout)
        try "rules:\n  conduct.missing-disclaimer: off\nkleur: rood\n".write(to: directory.appendingPathComponent("postwacht.yaml"), atomically: true, encoding: .utf8)
        let quiet = try run(["check"], stdin: "Ik vind de werkdruk op school echt te hoog.", in: directory)
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        XCTAssertTrue(quiet.stderr.contains("unknown setting 'kleur'"), quiet.stderr)

        // A fingerprint key named in the file, relative to it, keys every fingerprint; a short one is refused.
        try "fingerprint_key_file: sleutel\n".write(to: directory.appendingPathComponent("postwacht.yaml"), atomically: true, encoding: .utf8)
        try "6f1c0d9a2b7e4c3f8a5d1e0b9c7a6f4e\n".write(to: directory.appendingPathComponent("sleutel"), atomically: true, encoding: .utf8)
        let keyed = try run(["check", "--format", "jsonl"], stdin: "Bel me op 06-73918264", in: directory)
        let expected = Fingerprint.of(rule: "privacy.phone", normalized: "+31673918264", key: FingerprintKey(secret: Array("6f1c0d9a2b7e4c3f8a5d1e0b9c7a6f4e".utf8)))
        XCTAssertTrue(keyed.stdout.contains("\"fingerprint\":\"\(expected)\""), keyed.stdout)
        try "kort".write(to: directory.appendingPathComponent("sleutel"), atomically: true, encoding: .utf8)
        let refused = try run(["check"], stdin: "hallo", in: directory)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("at least 16 bytes"), refused.stderr)
    }

    /// Output that cannot be written (a full disk; here a file-size limit of 1 KB, whose signal is ignored
    /// so that write(2) fails with EFBIG) ends with exit 2 and the system's reason, not a crash and not a
    /// silent success. `check` used to trap inside FileHandle.
    func testOutputThatCannotBeWrittenIsAnErrorNotACrash() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let drafts = directory.appendingPathComponent("drafts.txt").path
        try (1...300).map { "kut nummer \($0)" }.joined(separator: "\n").write(toFile: drafts, atomically: true, encoding: .utf8)
        func limited(_ arguments: String) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "ulimit -f 1; trap '' XFSZ; exec \"$0\" \(arguments) > '\(directory.path)/out'", TestSupport.binary.path]
            process.currentDirectoryURL = TestSupport.repositoryRoot
            let error = Pipe()
            process.standardError = error
            try process.run()
            let message = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: message, as: UTF8.self))
        }
        let check = try limited("check '\(drafts)'")
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertTrue(check.stderr.contains("cannot write the findings to stdout (File too large)"), check.stderr)
        let audit = try limited("audit Fixtures/exports/jsonl --format jsonl --output '\(directory.path)/findings.jsonl'")
        XCTAssertEqual(audit.status, 2, audit.stderr)
        XCTAssertTrue(audit.stderr.contains("kan de uitvoer niet schrijven naar \(directory.path)/findings.jsonl (File too large)"), audit.stderr)
    }

    /// Records are formatted on the checking threads and joined in order: every format stays one
    /// valid document, also when errors come first and between records.
    func testAuditOutputsStayValidWithErrorsBetweenRecords() throws {
        let inputs = ["no/such/export.jsonl", "Fixtures/exports/broken", "Fixtures/exports/jsonl"]
        let json = try run(["audit"] + inputs + ["--format", "json"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        let records = try XCTUnwrap(document["records"] as? [[String: Any]])
        XCTAssertEqual(records.count, (document["summary"] as? [String: Any])?["records"] as? Int)
        XCTAssertNotNil(records.first?["error"], "the missing path is the first record")
        XCTAssertGreaterThan(records.filter { $0["error"] == nil }.count, 5)
        let jsonl = try run(["audit"] + inputs + ["--format", "jsonl"])
        XCTAssertEqual(jsonl.stdout.split(separator: "\n").filter { !$0.hasPrefix("{\"clauses\":") }.count, records.count)
        let sarif = try run(["audit"] + inputs + ["--format", "sarif"])
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any], sarif.stdout)
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])
        XCTAssertEqual(results.count, (document["summary"] as? [String: Any])?["findings"] as? Int)
    }

    /// The SARIF of an audit of every sample export (and the broken ones) against the official OASIS
    /// schema, vendored in Resources; the validator is shown to catch a broken log too.
    func testAuditSARIFValidatesAgainstTheOfficialSchema() throws {
        let schemaURL = try XCTUnwrap(Bundle.module.url(forResource: "sarif-schema-2.1.0", withExtension: "json", subdirectory: "Resources"))
        let validator = JSONSchemaValidator(root: try JSONValue.parse(Array(try Data(contentsOf: schemaURL))))
        let audit = try run(["audit", "Fixtures/exports", "--format", "sarif", "--policy", "svok"])
        let log = try JSONValue.parse(Array(audit.stdout.utf8))
        guard case .array(let results)? = log["runs"].flatMap({ runs -> JSONValue? in
            if case .array(let list) = runs { return list.first?["results"] }
            return nil
        }) else { return XCTFail("no results in \(audit.stdout.prefix(300))") }
        XCTAssertGreaterThan(results.count, 10)
        XCTAssertEqual(validator.errors(in: log), [])

        let broken = audit.stdout.replacingOccurrences(of: "\"startLine\":1", with: "\"startLine\":0")
            .replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0\"")
        let errors = validator.errors(in: try JSONValue.parse(Array(broken.utf8)))
        XCTAssertTrue(errors.contains { $0.hasPrefix("$.version") }, "\(errors.prefix(3))")
        XCTAssertTrue(errors.contains { $0.contains("startLine") && $0.contains("below the minimum") }, "\(errors.prefix(3))")
    }

    func testAuditOfWhichNothingCouldBeReadExitsTwo() throws {
        let broken = try run(["audit", "Fixtures/exports/regressions/wxr-cut-before-first-item/cut.xml"])
        XCTAssertEqual(broken.status, 2, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("1 bericht uit 1 bestand: 0 gecontroleerd, 1 niet leesbaar"), broken.stderr)
        let unknownColumn = try run(["audit", "--column", "tekst=bericht", "Fixtures/exports"])
        XCTAssertEqual(unknownColumn.status, 2)
        XCTAssertTrue(unknownColumn.stderr.contains("onbekend veld 'tekst'"), unknownColumn.stderr)
    }

    /// The summary counts records read, checked, failed and skipped (with why) and the files that hold
    /// no posts, in Dutch by default and in English with --lang en, plurals right; --verbose per file.
    func testAuditSummaryCountsEverythingInTheChosenLanguage() throws {
        let archive = "Fixtures/exports/archives/mastodon-archief"
        let dutch = try run(["audit", archive, "--verbose", "--format", "jsonl"])
        XCTAssertEqual(dutch.status, 1, dutch.stderr)
        XCTAssertTrue(dutch.stderr.contains("postwacht audit: 5 berichten uit 1 bestand: 4 gecontroleerd, 0 niet leesbaar, 1 overgeslagen "
            + "(1 × doorgestuurd bericht van een ander (boost)); 3 bevindingen; 3 bestanden zonder berichten overgeslagen; "), dutch.stderr)
        XCTAssertTrue(dutch.stderr.contains("  \(archive)/outbox.json (mastodon): 5 gelezen: 4 gecontroleerd, 0 niet leesbaar, 1 overgeslagen"), dutch.stderr)
        XCTAssertTrue(dutch.stderr.contains("  \(archive)/likes.json: geen berichten — Mastodon-archief: likes.json (favorieten, geen berichten)"), dutch.stderr)
        let english = try run(["audit", archive, "--lang", "en", "--format", "jsonl"])
        XCTAssertTrue(english.stderr.contains("postwacht audit: 5 records from 1 file: 4 checked, 0 failed, 1 skipped "
            + "(1 × someone else's post boosted); 3 findings; 3 files hold no posts, skipped; "), english.stderr)
        let none = try run(["audit", "no/such/export", "--lang", "en"])
        XCTAssertTrue(none.stdout.contains("no such file or directory") && none.stderr.contains("1 record from 1 file"), none.stdout + none.stderr)
        let text = try run(["check"], stdin: "Hallo allemaal")
        XCTAssertEqual(text.stdout, "geen bevindingen in 1 bericht\n")
        XCTAssertEqual(try run(["check", "--lang", "en"], stdin: "Hallo allemaal").stdout, "no findings in 1 record\n")
    }

    /// Notepad's "Unicode" and "ANSI" files are read as what they are and checked; --encoding chooses.
    func testCheckReadsOtherEncodingsAndSaysSo() throws {
        for file in ["notepad-unicode.txt", "utf16le-no-bom.txt", "ansi.txt"] {
            let result = try run(["check", "--color", "never", "Fixtures/exports/regressions/encodings/" + file])
            XCTAssertEqual(result.status, 1, file)
            XCTAssertTrue(result.stdout.contains("warning [input.encoding]") && result.stdout.contains("[profanity.curse] 'kutweer'"), result.stdout)
        }
        let chosen = try run(["check", "--color", "never", "--encoding", "latin-1", "Fixtures/exports/regressions/encodings/ansi.txt"])
        XCTAssertFalse(chosen.stdout.contains("[input.encoding]"), "a chosen encoding is no surprise")
        XCTAssertTrue(chosen.stdout.contains("café-uitje"), chosen.stdout)
        let unknown = try run(["check", "--encoding", "ebcdic"], stdin: "x")
        XCTAssertEqual(unknown.status, 2)
        let jsonl = try run(["audit", "Fixtures/exports/regressions/encodings/powershell-utf16.jsonl", "--format", "jsonl"])
        XCTAssertEqual(jsonl.stdout.split(separator: "\n").filter { !$0.hasPrefix("{\"clauses\":") }.count, 2, jsonl.stdout)
    }

    /// --report and --write-baseline pointed at something that is not a regular file (a named pipe, a
    /// device) write through it; renaming over it would replace the node with a regular file.
    func testReportsAreWrittenThroughANonRegularFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-node-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for option in ["--report", "--write-baseline"] {
            let pipe = directory.appendingPathComponent("pipe-\(option.dropFirst(2))").path
            XCTAssertEqual(mkfifo(pipe, 0o600), 0)
            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/bin/cat")
            reader.arguments = [pipe]
            let received = Pipe()
            reader.standardOutput = received
            try reader.run()
            let result = try run(["audit", "Fixtures/exports/jsonl", option, pipe, "--format", "jsonl"])
            let data = received.fileHandleForReading.readDataToEndOfFile()
            reader.waitUntilExit()
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains(option == "--report" ? "<!DOCTYPE html>" : "\"findings\""), option)
            var status = stat()
            XCTAssertEqual(stat(pipe, &status), 0)
            XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "\(option): the pipe is still a pipe")
        }
        // A character device (a copy of /dev/null made here), where the system lets us make one.
        let device = directory.appendingPathComponent("null").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { // major 1, minor 3: what /dev/null is
            XCTAssertEqual(try run(["audit", "Fixtures/exports/jsonl", "--report", device, "--format", "jsonl"]).status, 1)
            var status = stat()
            XCTAssertEqual(stat(device, &status), 0)
            XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "the device is still a device")
        }
        // A regular file is replaced whole, as before.
        let file = directory.appendingPathComponent("audit.html").path
        XCTAssertEqual(try run(["audit", "Fixtures/exports/jsonl", "--report", file, "--format", "jsonl"]).status, 1)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("<!DOCTYPE html>"))
    }

    func testAuditWritesReportsAndNamesBrokenRecords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-audit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("audit.html").path, sarif = directory.appendingPathComponent("audit.sarif").path
        let result = try run(["audit", "Fixtures/exports/csv", "Fixtures/exports/broken/berichten-kapot.csv", "--policy", "regenboog",
                              "--report", report, "--format", "sarif", "--output", sarif])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("2 niet leesbaar"), result.stderr)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        XCTAssertFalse(html.contains("__POSTWACHT_AUDIT_DATA__"))
        XCTAssertTrue(html.contains("\"redacted\":true"))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sarif))) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let none = try run(["audit", "no/such/export"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stdout.contains("bestand of map bestaat niet") && none.stderr.contains("1 bericht uit 1 bestand"), none.stdout + none.stderr)
    }
}
