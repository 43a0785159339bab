import XCTest
@testable import PostwachtCore

/// The school configuration: parsing, warnings for unknown keys, and how it changes findings.
final class ConfigurationTests: XCTestCase {
    func testParsesSettingsAndWarnsAboutUnknownKeys() throws {
        let yaml = """
        policy: svok
        organisation: svok
        aliases: ["Het Lyceum", "HL"]
        role: staff
        channel: facebook
        colour: blue
        rules:
          privacy.phone: off
          privacy.email: { severity: error, enable: true }
        lexicons:
          profanity: { add: [kutzooi], allow: [kuttekoven] }
          confidential: { add: [geheimpje] }
          emoji: { add: [x] }
        """
        let (configuration, warnings) = try Configuration.parse(yaml, source: "postwacht.yaml")
        XCTAssertEqual(configuration.policy, "svok")
        XCTAssertEqual(configuration.aliases, ["Het Lyceum", "HL"])
        XCTAssertEqual(configuration.role, .staff)
        XCTAssertEqual(configuration.rules["privacy.phone"]?.enabled, false)
        XCTAssertEqual(configuration.rules["privacy.email"]?.severity, .error)
        XCTAssertEqual(configuration.additions.profanity, ["kutzooi"])
        XCTAssertEqual(warnings, [
            "postwacht.yaml: unknown setting 'colour' (ignored)",
            "postwacht.yaml: unknown setting 'rules.privacy.email.enable' (ignored)",
            "postwacht.yaml: unknown setting 'lexicons.emoji.add' (ignored; lexicons take profanity, confidential and disclaimers with add/allow)",
        ])
    }

    /// Without a policy every protocol is cited, the most direct clause first (a one-line report
    /// shows only that one); with one, only that protocol's clauses.
    func testMostDirectClauseLeadsWithoutAPolicy() {
        let book = TestSupport.resources.policies
        XCTAssertEqual(book.clauses(for: "privacy.name-with-photo", policy: nil).first?.quote,
                       "Ik publiceer geen namen in combinatie met foto's van kinderen op het internet.")
        XCTAssertEqual(book.clauses(for: "conduct.threat", policy: nil).first?.quote, "Schelden of dreigen doe ik niet.")
        XCTAssertEqual(Set(book.clauses(for: "profanity.curse", policy: nil).map(\.policy)).count, 5)
        XCTAssertEqual(Set(book.clauses(for: "profanity.curse", policy: "svok").map(\.policy)), ["svok"])
    }

    func testInvalidValuesNameTheSetting() {
        XCTAssertThrowsError(try Configuration.parse("role: teacher", source: "c.yaml")) { error in
            XCTAssertEqual((error as? Configuration.Problem)?.description, "c.yaml: role: 'teacher' is not one of staff, parent, pupil, school")
        }
        XCTAssertThrowsError(try Configuration.parse("policy: [a", source: "c.yaml"))
    }

    func testSettingsChangeFindings() throws {
        let (configuration, _) = try Configuration.parse("""
        rules:
          privacy.phone: off
          privacy.email: error
        lexicons:
          confidential: { add: [project zonnebloem] }
        """, source: "c.yaml")
        let resources = try LinterResources.load(from: TestSupport.lexicons, additions: configuration.additions)
        var options = LintOptions()
        options.ruleSettings = configuration.rules
        let checker = try Linter(resources: resources, options: options).makeChecker()
        guard case .checked(let result) = checker.lint(Record(id: "t", text: "Bel 06-12345678 of mail piet@gmail.com over project Zonnebloem.")) else {
            return XCTFail("not checked")
        }
        XCTAssertEqual(result.findings.map(\.rule), ["privacy.email", "conduct.confidential"])
        XCTAssertEqual(result.findings.first?.severity, .error)
    }

    func testStaffOpinionNeedsTheSchoolsDisclaimer() {
        let staff = RecordMetadata(authorRole: .staff, organisation: "svok")
        let findings = TestSupport.findings("Ik vind de werkdruk op school echt te hoog.", metadata: staff, options: LintOptions(policy: "svok"))
        XCTAssertEqual(findings.map(\.rule), ["conduct.missing-disclaimer"])
        XCTAssertEqual(Set(findings.first?.clauses.map(\.policy) ?? []), ["svok"])
        XCTAssertTrue(findings.first?.suggestion.nl.contains("op persoonlijke titel") ?? false)
        XCTAssertEqual(TestSupport.findings("Ik vind de werkdruk op school echt te hoog. Dit is mijn persoonlijke mening.", metadata: staff,
                                            options: LintOptions(policy: "svok")).map(\.rule), [])
    }

    /// A post is held to its own school's pack (its org, else --org): that school's rules and clauses.
    /// --policy holds every post to one pack; a post of no known school gets every rule and every clause.
    func testEachPostIsHeldToItsOwnSchoolsPack() {
        let text = "Groep 7, volg mij op TikTok voor de filmpjes uit de klas! Dit bericht plaats ik op persoonlijke titel."
        func staff(_ school: String?) -> RecordMetadata { RecordMetadata(authorRole: .staff, organisation: school) }
        func befriending(_ metadata: RecordMetadata, _ options: LintOptions = LintOptions()) -> [Finding] {
            TestSupport.findings(text, metadata: metadata, options: options).filter { $0.rule == "conduct.befriending-pupils" }
        }
        XCTAssertEqual(befriending(staff("konot")).count, 0, "Konot's protocol says nothing about befriending pupils")
        XCTAssertEqual(Set(befriending(staff("svok")).flatMap { $0.clauses.map(\.policy) }), ["svok"])
        XCTAssertEqual(befriending(staff(nil), LintOptions(organisation: "konot")).count, 0, "--org is the school of posts without org")
        XCTAssertEqual(Set(befriending(staff("konot"), LintOptions(policy: "svok")).flatMap { $0.clauses.map(\.policy) }), ["svok"],
                       "--policy holds every post to one pack")
        XCTAssertEqual(befriending(staff(nil)).count, 1, "no school known: every rule runs")
        XCTAssertEqual(befriending(staff(nil)).flatMap(\.clauses).count, 0, "no school known: no school's protocol is cited, so the post never seems to belong to several")
        XCTAssertEqual(befriending(staff("obs-elders")).count, 1, "an org that names no pack gets every rule")
    }
}
