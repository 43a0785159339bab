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
            XCTAssertFalse(description.clauses.isEmpty, "\(description.id) cites no clause")
            XCTAssertFalse(description.triggeringExamples.isEmpty, "\(description.id) has no triggering example")
            XCTAssertFalse(description.nonTriggeringExamples.isEmpty, "\(description.id) has no non-triggering example")
            for example in description.triggeringExamples {
                XCTAssertFalse(example.unmarked.spans.isEmpty, "\(description.id): example without ⟦⟧ span: \(example.text)", file: example.file, line: example.line)
            }
            for text in [description.name, description.rationale, description.message, description.suggestion] {
                XCTAssertFalse(text.nl.isEmpty || text.en.isEmpty, "\(description.id) lacks a Dutch or English text")
            }
            XCTAssertTrue(description.message.nl.contains("{match}") && description.message.en.contains("{match}"))
        }
    }

    /// A clause is only worth citing if the protocol says it: every quote must stand in the protocol text.
    func testEveryQuotedClauseAppearsVerbatimInItsProtocol() throws {
        for rule in RuleRegistry.all {
            for clause in rule.description.clauses {
                let policy = try XCTUnwrap(Policies.policy(clause.policy), "unknown policy \(clause.policy)")
                let url = TestSupport.fixtures.appendingPathComponent("protocols").appendingPathComponent(policy.protocolFile)
                let protocolText = collapsingWhitespace(try String(contentsOf: url, encoding: .utf8))
                XCTAssertTrue(protocolText.contains(collapsingWhitespace(clause.quote)),
                              "\(rule.description.id): “\(clause.quote)” is not in \(policy.protocolFile)")
            }
        }
    }

    func testReadmeListsEveryRule() throws {
        let readme = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in RuleRegistry.all {
            XCTAssertTrue(readme.contains("`\(rule.description.id)`"), "README's rule table lacks \(rule.description.id)")
        }
    }

    private func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
