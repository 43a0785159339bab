import Foundation
import XCTest
@testable import PostwachtCore
@testable import PostwachtReporting

/// The hand-written JSON must be byte for byte what JSONEncoder writes for the same records.
final class JSONReporterTests: XCTestCase {
    func testHandWrittenLinesEqualTheEncoder() throws {
        for outcome in try sampleOutcomes() {
            for style in ClauseStyle.allCases {
                for renderer in [FindingRenderer(), FindingRenderer(language: .en, redact: true)] {
                    XCTAssertEqual(JSONOutput.line(outcome, renderer: renderer, clauses: style),
                                   JSONOutput.encode(RecordObject(outcome, renderer: renderer, clauses: style)) + "\n")
                }
            }
        }
    }

    /// JSONL with clauses by reference: a clause's text is written once, in a table line before the first
    /// record that cites it, and every clause a record cites has been written by then.
    func testJSONLinesWriteEachClauseOnceBeforeItsFirstCitation() throws {
        var reporter = JSONLinesReporter()
        var written: Set<String> = []
        var tables = 0
        for outcome in try sampleOutcomes() + (try sampleOutcomes()) {
            for line in reporter.report(outcome).split(separator: "\n") {
                let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                if let table = object["clauses"] as? [String: [String: Any]] {
                    tables += 1
                    XCTAssertEqual(object["version"] as? Int, FindingsContract.version)
                    for (id, clause) in table {
                        XCTAssertEqual(clause["id"] as? String, id)
                        XCTAssertTrue(written.insert(id).inserted, "\(id) written twice")
                    }
                    continue
                }
                for finding in object["findings"] as? [[String: Any]] ?? [] {
                    for id in finding["clauses"] as? [String] ?? [] { XCTAssertTrue(written.contains(id), "\(id) cited before its text") }
                }
            }
        }
        XCTAssertGreaterThan(tables, 0)
    }

    func testHandWrittenSARIFResultsEqualTheEncoder() throws {
        for case .checked(let result) in try sampleOutcomes() {
            for finding in result.findings {
                let entry = SARIFReport.result(for: finding, message: FindingRenderer().message(finding), uri: "export/posts.jsonl#\(result.id)",
                                               ruleIndex: 3, record: result.id, source: "export/posts.jsonl:7")
                var out = JSONBytes()
                SARIFReport.append(entry, to: &out)
                XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), String(decoding: try SARIFReport.encoder().encode(entry), as: UTF8.self))
            }
        }
    }

    /// `--format json` streams its document; it must still be the one JSONEncoder would write whole (the
    /// clause table follows the records there, so the two are compared as parsed JSON).
    func testStreamedDocumentEqualsTheEncoder() throws {
        struct Document: Encodable { var records: [RecordObject]; var clauses: [String: ProtocolClause]; var summary: RunSummary; var version: Int }
        for outcomes in [try sampleOutcomes(), []] {
            var reporter = JSONDocumentReporter()
            let (streamed, summary) = reporter.streamed(outcomes)
            var clauses: [String: ProtocolClause] = [:]
            for case .checked(let result) in outcomes { for finding in result.findings { for clause in finding.clauses { clauses[clause.id] = clause } } }
            let expected = JSONOutput.encode(Document(records: outcomes.map { RecordObject($0) }, clauses: clauses, summary: summary,
                                                      version: FindingsContract.version))
            let parsed = try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? NSDictionary
            XCTAssertEqual(parsed, try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary)
            XCTAssertTrue(streamed.hasSuffix("\n"))
        }
    }

    /// Escapes of every kind, invalid bytes, warnings, findings with clauses, a failed record.
    private func sampleOutcomes() throws -> [RecordOutcome] {
        let texts = ["Wat een k4nkerschool, bel 06-12345678 of mail \"juf\"\\anna@gmail.com\n\t📸 Onze leerling Sanne de Vries",
                     "Hoera!", "Ik vind de werkdruk op school te hoog. \u{0001}", String(decoding: [0x66, 0xFF, 0x6F], as: UTF8.self)]
        let checker = try TestSupport.linter.makeChecker()
        var outcomes = texts.enumerated().map { checker.lint(Record(id: "post/\($0.offset) \"x\"", text: $0.element, metadata: RecordMetadata(authorRole: .staff, organisation: "svok"))) }
        outcomes.append(checker.lint(Record(id: "raw", bytes: [0x61, 0xFF, 0x62])))
        // Long ids with escapes at every offset reach the eight-bytes-at-a-time scan's edges.
        for offset in 0..<9 {
            let id = String(repeating: "é", count: offset) + String(repeating: "abcdefgh\\ijklmnop\"\u{1F}", count: 3) + "\u{7F}ü"
            outcomes.append(checker.lint(Record(id: id, text: "wat een kutschool", metadata: RecordMetadata(organisation: offset % 2 == 0 ? "konot" : nil))))
        }
        outcomes.append(.failed(id: "bad/1", error: RecordError(code: "input.invalid-json", message: "not \"valid\" JSON")))
        return outcomes
    }
}

/// The JSON object of one record as a Codable model, which the hand-written output must match:
/// `{"id", "findings", "warnings"?}` or `{"id", "error"}`.
struct RecordObject: Encodable {
    var id: String
    var findings: [RenderedFinding]?
    var warnings: [RenderedWarning]?
    var error: RecordError?

    init(_ outcome: RecordOutcome, renderer: FindingRenderer = FindingRenderer(), clauses style: ClauseStyle = .reference) {
        id = outcome.id
        switch outcome {
        case .checked(let result):
            findings = result.findings.map { renderer.render($0, clauses: style) }
            warnings = result.warnings.isEmpty ? nil : result.warnings.map(renderer.render)
        case .failed(_, let error):
            self.error = error
        }
    }
}

