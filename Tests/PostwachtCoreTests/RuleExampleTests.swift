import XCTest
@testable import PostwachtCore

/// Runs every rule's own examples — triggering ones must be found at exactly the marked spans, the others
/// must stay clean — again behind multibyte prefixes (emoji, ĳ, combining accents) to prove the offsets.
final class RuleExampleTests: XCTestCase {
    func testEveryRuleFindsItsTriggeringExamplesAtTheMarkedSpans() {
        for rule in RuleRegistry.all {
            let description = rule.description
            for example in description.triggeringExamples {
                for prefix in TestSupport.multibytePrefixes {
                    let (text, expected) = example.unmarked
                    let prefixLength = prefix.unicodeScalars.count
                    // A span over the whole text is a post-level finding: it spans the prefix too.
                    let whole = text.unicodeScalars.count
                    let shifted = expected.map { span in
                        span == OffsetRange(start: 0, end: whole) ? OffsetRange(start: 0, end: whole + prefixLength)
                            : OffsetRange(start: span.start + prefixLength, end: span.end + prefixLength)
                    }
                    let found = TestSupport.findings(prefix + text, metadata: example.metadata, checker: TestSupport.exampleChecker)
                        .filter { $0.rule == description.id }
                    XCTAssertEqual(found.map(\.span), shifted, "\(description.id): '\(prefix)\(text)'", file: example.file, line: example.line)
                    for finding in found { assertOffsetsAgree(finding, in: prefix + text, example: example) }
                }
            }
        }
    }

    func testNoRuleFlagsItsNonTriggeringExamples() {
        for rule in RuleRegistry.all {
            let description = rule.description
            for example in description.nonTriggeringExamples {
                for prefix in TestSupport.multibytePrefixes {
                    let found = TestSupport.findings(prefix + example.unmarked.text, metadata: example.metadata, checker: TestSupport.exampleChecker)
                        .filter { $0.rule == description.id }
                    XCTAssertEqual(found.map(\.match), [], "\(description.id) flagged '\(prefix)\(example.text)'", file: example.file, line: example.line)
                }
            }
        }
    }

    /// Scalar, UTF-16 and UTF-8 offsets must all cut out the same text, and line/column must point at it.
    private func assertOffsetsAgree(_ finding: Finding, in text: String, example: RuleExample) {
        let scalars = Array(text.unicodeScalars)
        let byScalars = String(String.UnicodeScalarView(scalars[finding.span.start..<finding.span.end]))
        let utf16 = Array(text.utf16)
        let byUTF16 = String(decoding: utf16[finding.utf16.start..<finding.utf16.end], as: UTF16.self)
        let utf8 = Array(text.utf8)
        let byUTF8 = String(decoding: utf8[finding.utf8.start..<finding.utf8.end], as: UTF8.self)
        XCTAssertEqual(byScalars, finding.match, file: example.file, line: example.line)
        XCTAssertEqual(byUTF16, finding.match, file: example.file, line: example.line)
        XCTAssertEqual(byUTF8, finding.match, file: example.file, line: example.line)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(lines[finding.line - 1].unicodeScalars)
        // The match's first line starts at line:column (a post-level match may run over several lines).
        let firstLine = finding.match.split(separator: "\n", omittingEmptySubsequences: false)[0]
        XCTAssertEqual(String(String.UnicodeScalarView(line[(finding.column - 1)...].prefix(firstLine.unicodeScalars.count))), String(firstLine),
                       file: example.file, line: example.line)
    }
}
