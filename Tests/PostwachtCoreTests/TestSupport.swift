import Foundation
import XCTest
@testable import PostwachtCore

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

    static func findings(_ text: String, metadata: RecordMetadata = RecordMetadata(), options: LintOptions = LintOptions()) -> [Finding] {
        guard case .checked(let result) = checker(options).lint(Record(id: "test", text: text, metadata: metadata)) else {
            XCTFail("record failed")
            return []
        }
        return result.findings
    }

    /// Prefixes that put multibyte text before an example, so wrong offset units show up.
    static let multibytePrefixes = ["", "👩‍👩‍👧‍👦 ", "ĳsbaan ", "e\u{0301}e\u{0301}n ", "😀🇳🇱 Hallo,\n"]
}
