import XCTest
@testable import PostwachtCore

/// docs/clauses.md maps every clause of the five protocols to a rule or to the reason it cannot be
/// checked from a post. It must keep up with the packs: each clause a pack cites stands in a row
/// that names the citing rule, and every rule the table names exists.
final class ClauseTableTests: XCTestCase {
    private func normalised(_ text: String) -> String {
        let quotes: [Character: Character] = ["’": "'", "‘": "'", "“": "\"", "”": "\""]
        return String(text.map { quotes[$0] ?? $0 }).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func tableRows() throws -> [String] {
        let table = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/clauses.md"), encoding: .utf8)
        return table.split(separator: "\n").filter { $0.hasPrefix("|") }.map { normalised(String($0)) }
    }

    func testEveryCitedClauseStandsInARowNamingItsRule() throws {
        let rows = try tableRows()
        for pack in TestSupport.resources.policies.packs {
            for (ruleID, policy) in pack.rules {
                for clause in policy.clauses {
                    let opening = String(normalised(clause.quote).prefix(40))
                    XCTAssertTrue(rows.contains { $0.contains(opening) && $0.contains("`\(ruleID)`") },
                                  "docs/clauses.md has no row with “\(opening)…” and `\(ruleID)` (\(pack.id))")
                }
            }
        }
    }

    func testTheTableNamesOnlyKnownRules() throws {
        let known = Set(RuleRegistry.all.map(\.description.id))
        let named = try tableRows().joined(separator: "\n")
            .matches(of: /`((?:conduct|privacy|profanity)\.[a-z-]+)`/).map { String($0.output.1) }
        XCTAssertFalse(named.isEmpty)
        XCTAssertEqual(Set(named).subtracting(known), [], "docs/clauses.md names rules postwacht does not have")
    }
}
