import Foundation
import XCTest
@testable import PostwachtCore
import PostwachtReporting

enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lexicons = repositoryRoot.appendingPathComponent("Lexicons")
    static let fixtures = repositoryRoot.appendingPathComponent("Fixtures")

    static let resources: LinterResources = {
        do { return try LinterResources.load(from: lexicons) } catch { fatalError("lexicons: \(error)") }
    }()

    static let linter = Linter(resources: resources)

    static func checker(_ options: LintOptions = LintOptions()) -> Checker {
        try! Linter(resources: resources, options: options).makeChecker()
    }

    /// One checker for the default options, made once: the fixture sets check thousands of posts.
    nonisolated(unsafe) private static let defaultChecker = checker()

    /// One checker for the rules' examples (`RuleRegistry.exampleOptions`: lesson hours, account posters).
    nonisolated(unsafe) static let exampleChecker = checker(RuleRegistry.exampleOptions)

    static func findings(_ text: String, metadata: RecordMetadata = RecordMetadata(), options: LintOptions? = nil, checker given: Checker? = nil) -> [Finding] {
        let checker = given ?? options.map { self.checker($0) } ?? defaultChecker
        guard case .checked(let result) = checker.lint(Record(id: "test", text: text, metadata: metadata)) else {
            XCTFail("record failed")
            return []
        }
        return result.findings
    }

    /// Prefixes that put multibyte text before an example, so wrong offset units show up. Each is a sentence
    /// of its own: constructions read sentences, and a word glued onto the example's would change it.
    static let multibytePrefixes = ["", "👩‍👩‍👧‍👦 ", "ĳsbaan. ", "e\u{0301}e\u{0301}n. ", "😀🇳🇱 Hallo,\n"]
}

extension Reporter {
    /// What the reporter writes for `outcomes` as `check` streams them, and the run's summary.
    mutating func streamed(_ outcomes: [RecordOutcome]) -> (output: String, summary: RunSummary) {
        var summary = RunSummary()
        var output = ""
        for outcome in outcomes {
            summary.add(outcome)
            output += report(outcome)
        }
        return (output + finish(summary), summary)
    }
}
