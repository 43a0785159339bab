import Foundation
import XCTest
@testable import PostwachtCore

/// Keeps the house in order: every rule is documented, cited, exemplified and listed.
final class RuleMetadataTests: XCTestCase {
    func testRuleIDsAreUnique() {
        let ids = RuleRegistry.all.map(\.description.id)
        XCTAssertEqual(ids.count, Set(ids).count)
    }

    func testEveryRuleCitesAClauseAndHasExamplesBothWays() {
        for rule in RuleRegistry.all {
            let description = rule.description
            XCTAssertFalse(TestSupport.resources.policies.clauses(for: description.id, policy: nil).isEmpty,
                           "\(description.id): no policy pack cites a clause for it")
            XCTAssertFalse(description.triggeringExamples.isEmpty, "\(description.id) has no triggering example")
            XCTAssertFalse(description.nonTriggeringExamples.isEmpty, "\(description.id) has no non-triggering example")
            for example in description.triggeringExamples {
                XCTAssertFalse(example.unmarked.spans.isEmpty, "\(description.id): example without ⟦⟧ span: \(example.text)", file: example.file, line: example.line)
            }
            for text in [description.name, description.rationale, description.message, description.suggestion] {
                XCTAssertFalse(text.nl.isEmpty || text.en.isEmpty, "\(description.id) lacks a Dutch or English text")
            }
            // A post-level finding's match is the whole post: its message may say {detail} instead.
            for message in [description.message.nl, description.message.en] {
                XCTAssertTrue(message.contains("{match}") || message.contains("{detail}"), "\(description.id): message shows neither {match} nor {detail}")
            }
        }
    }

    /// The service hides a whole-post finding's offsets behind `judgesWholePost`: it must say which
    /// rules mark their whole examples, and only those.
    func testRulesThatJudgeTheWholePostSaySo() {
        for rule in RuleRegistry.all {
            let description = rule.description
            let marksWholeText = description.triggeringExamples.allSatisfy { example in
                let (text, spans) = example.unmarked
                return spans == [OffsetRange(start: 0, end: text.unicodeScalars.count)]
            }
            XCTAssertEqual(description.judgesWholePost, marksWholeText, description.id)
        }
    }

    /// A clause is only worth citing if the protocol says it: every quote must stand in the protocol text.
    func testEveryQuotedClauseAppearsVerbatimInItsProtocol() throws {
        let packs = TestSupport.resources.policies.packs
        XCTAssertEqual(packs.map(\.id), ["kits-primair", "konot", "montessori-flevoland", "regenboog", "svok"])
        for pack in packs {
            let url = TestSupport.fixtures.appendingPathComponent("protocols").appendingPathComponent(pack.protocolFile)
            let protocolText = collapsingWhitespace(try String(contentsOf: url, encoding: .utf8))
            XCTAssertTrue(protocolText.contains(collapsingWhitespace(pack.title)), "\(pack.id): title “\(pack.title)” is not in \(pack.protocolFile)")
            for (ruleID, policy) in pack.rules {
                for clause in policy.clauses {
                    XCTAssertTrue(protocolText.contains(collapsingWhitespace(clause.quote)),
                                  "\(pack.id) \(ruleID): “\(clause.quote)” is not in \(pack.protocolFile)")
                }
            }
        }
    }

    /// A pack may only name rules postwacht has, so a typo cannot silently switch a rule off.
    func testPolicyPacksNameOnlyKnownRules() {
        let known = Set(RuleRegistry.all.map(\.description.id))
        for pack in TestSupport.resources.policies.packs {
            let unknown = Set(pack.rules.keys).subtracting(known)
            XCTAssertTrue(unknown.isEmpty, "\(pack.id) names unknown rules: \(unknown.sorted())")
        }
    }

    func testUsageGuideListsEveryRule() throws {
        let guide = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/usage.md"), encoding: .utf8)
        for rule in RuleRegistry.all {
            XCTAssertTrue(guide.contains("`\(rule.description.id)`"), "docs/usage.md's rule table lacks \(rule.description.id)")
        }
    }

    private func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
