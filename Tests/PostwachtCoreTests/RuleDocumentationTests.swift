import Foundation
import XCTest
import PostwachtCore

/// docs/rules.md is generated from the rule descriptions and the shipped policy packs; it must say
/// what the code says.
final class RuleDocumentationTests: XCTestCase {
    func testDocsRulesMarkdownIsUpToDate() throws {
        let file = TestSupport.repositoryRoot.appendingPathComponent("docs/rules.md")
        let generated = RuleDocumentation.markdown(policies: TestSupport.resources.policies, language: .en)
        let onDisk = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if onDisk != generated {
            XCTFail("docs/rules.md differs from the rules' descriptions; regenerate it from the package root with:\n    \(RuleDocumentation.regenerateCommand)\n"
                    + GoldenCLITests.diff(expected: Data(onDisk.utf8), actual: Data(generated.utf8), label: "docs/rules.md"))
        }
    }

    func testEveryRuleHasARowAndASection() {
        let generated = RuleDocumentation.markdown(policies: TestSupport.resources.policies, language: .en)
        for rule in RuleRegistry.all.map(\.description) {
            XCTAssertTrue(generated.contains("| [`\(rule.id)`](#"), "\(rule.id) has no row")
            XCTAssertTrue(generated.contains("\n## \(rule.id)\n"), "\(rule.id) has no section")
        }
    }
}
