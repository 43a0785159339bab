import Foundation
import XCTest
@testable import PostwachtCore
@testable import PostwachtReporting

/// The hand-written JSONL line must be byte for byte what JSONEncoder writes for the same record.
final class JSONReporterTests: XCTestCase {
    func testHandWrittenLinesEqualTheEncoder() throws {
        let texts = ["Wat een k4nkerschool, bel 06-12345678 of mail \"juf\"\\anna@gmail.com\n\t📸 Onze leerling Sanne de Vries",
                     "Hoera!", "Ik vind de werkdruk op school te hoog. \u{0001}", String(decoding: [0x66, 0xFF, 0x6F], as: UTF8.self)]
        let checker = try TestSupport.linter.makeChecker()
        var outcomes = texts.enumerated().map { checker.lint(Record(id: "post/\($0.offset) \"x\"", text: $0.element, metadata: RecordMetadata(authorRole: .staff))) }
        outcomes.append(checker.lint(Record(id: "raw", bytes: [0x61, 0xFF, 0x62])))
        outcomes.append(.failed(id: "bad/1", error: RecordError(code: "input.invalid-json", message: "not \"valid\" JSON")))
        for outcome in outcomes {
            XCTAssertEqual(JSONOutput.line(outcome), JSONOutput.encode(RecordObject(outcome)) + "\n")
        }
    }
}
