import Foundation
import XCTest
@testable import PostwachtAudit
@testable import PostwachtCore
@testable import PostwachtReporting

/// The HTML report's promise: masked (the default), it can be shared. Personal data planted in titles,
/// bodies, authors and whole-text posts must not appear anywhere in the page, not even in its data.
final class AuditReportTests: XCTestCase {
    /// Values planted in the exports below, each of a kind the engine recognises.
    private static let planted = [
        "Fenna Koster", "Koster", "Daan Visser", "Visser", "Noor Bakker", "Bakker", "Sanne de Vries", "Vries",
        "06-41234567", "41234567", "0641234567", "juf.anouk@gmail.com", "anouk@", "directie.regenboog@gmail.com",
        "NL91ABNA0417164300", "0417164300", "111222333", "Kerkstraat 12", "Kerkstraat", "12-03-2015",
        "kutschool", "klote",
    ]

    private func writeExports(to root: URL) throws {
        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        // Titles and authors (dc:creator) of a WordPress site; a title with an e-mail address and a name.
        try write("site.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
            <item><title>Vragen? Mail juf.anouk@gmail.com of bel juf Noor Bakker</title><dc:creator>juf Sanne de Vries</dc:creator>
            <content:encoded><![CDATA[<p>Wat een kutschool is het soms.</p>]]></content:encoded><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>
            <item><title>Contact</title><dc:creator>meester Daan Visser</dc:creator>
            <content:encoded><![CDATA[<p>Mail directie.regenboog@gmail.com, rekening NL91ABNA0417164300, BSN 111222333.</p><p>Het is klote.</p>]]></content:encoded><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type></item>
            </channel></rss>
            """)
        // Bodies: names without a photo, an address and a birth date; authors from a CSV column; whole-text posts.
        try write("berichten.csv", """
            id,auteur,tekst
            1,Fenna Koster,"Wat een kutschool! Groeten van juf Fenna Koster, Kerkstraat 12, Utrecht"
            2,meester Daan Visser,"Onze leerling Sanne de Vries (geboren 12-03-2015) is jarig, bel 06-41234567 voor het kutfeest"
            3,juf Noor Bakker,kutschool
            4,juf Noor Bakker,06-41234567
            """)
        // A Facebook post: the author comes from the title sentence.
        try write("fb/your_posts_1.json", #"""
            [{"timestamp": 1709800000, "title": "Juf Fenna Koster updated her status.", "data": [{"post": "Bel juf Fenna Koster op 0641234567, wat een klote dag"}]}]
            """#)
    }

    private func report(showMatches: Bool) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try writeExports(to: root)
        let linter = Linter(resources: TestSupport.resources, options: LintOptions(policy: "regenboog"))
        var html = AuditHTMLReport()
        html.showMatches = showMatches
        html.personalData = try PersonalDataSpans(linter: linter)
        let discovery = ExportDiscovery.discover([root.path])
        XCTAssertEqual(discovery.failures.map(\.message), [])
        try AuditRunner(linter: linter, jobs: 1).run(discovery.files) { outcome in
            switch outcome {
            case .checked(let result, let source, let metadata, _): html.add(result, source: source.description, metadata: metadata)
            case .failed(let failure): html.add(failure: failure.id, source: failure.source, code: failure.code, message: failure.message)
            case .skipped(let skipped): html.add(skipped: skipped.reason.text(in: .nl))
            }
        }
        return html.html()
    }

    func testMaskedReportShowsNoPersonalDataValue() throws {
        let page = try report(showMatches: false)
        for value in Self.planted {
            XCTAssertFalse(page.contains(value), "'\(value)' shows in the masked report")
        }
        XCTAssertTrue(page.contains("\"redacted\":true"))
        // What stays readable: the words around the values, the school, the clauses.
        for kept in ["Vragen? Mail", "Groeten van juf", "Utrecht", "rekening", "GBS De Regenboog"] {
            XCTAssertTrue(page.contains(kept), "'\(kept)' should stay readable")
        }
    }

    /// With --show-matches the same report shows what was found: the test above can fail.
    func testUnmaskedReportShowsTheValues() throws {
        let page = try report(showMatches: true)
        for value in ["juf.anouk@gmail.com", "Fenna Koster", "06-41234567", "kutschool"] {
            XCTAssertTrue(page.contains(value), "'\(value)' should show with --show-matches")
        }
    }

    /// Masking keeps every UTF-16 offset: one • per unit, also for characters outside the BMP.
    func testMaskingKeepsOffsets() {
        let text = "😀 Bel 06-41234567 𝐅enna"
        let masked = AuditHTMLReport.masked(text, utf16: [7..<18, 19..<text.utf16.count])
        XCTAssertEqual(masked.utf16.count, text.utf16.count)
        XCTAssertEqual(masked, "😀 Bel ••-•••••••• ••••••")
    }

    /// Whole-post findings go into a table per kind; the month axis has no gaps.
    func testWholePostFindingsAreTabledAndMonthsAreContinuous() throws {
        let linter = Linter(resources: TestSupport.resources, options: LintOptions(policy: "regenboog"))
        let checker = try linter.makeChecker()
        var html = AuditHTMLReport()
        let photo = RecordMetadata(attachments: [Attachment(type: .image)], channel: "facebook")
        for (index, month) in [1, 4].enumerated() {
            var metadata = photo
            metadata.createdAt = try Date("2024-0\(month)-15T10:00:00Z", strategy: .iso8601)
            guard case .checked(let result) = checker.lint(Record(id: "p\(index)", text: "Wat een mooie sportdag op school!", metadata: metadata)) else { return XCTFail() }
            XCTAssertEqual(result.findings.map(\.rule), ["conduct.photo-outside-app"])
            html.add(result, source: "export #\(index)", metadata: metadata)
        }
        let page = html.html()
        XCTAssertTrue(page.contains("\"whole_post\":[{\"category\":\"photo-channel\",\"posts\":2"), page)
        XCTAssertTrue(page.contains("\"posts\":[]"), "no card for a post whose only finding is about the whole post")
        let months = try XCTUnwrap(page.range(of: "\"by_month\":[")).upperBound
        XCTAssertEqual(page[months...].components(separatedBy: "\"month\":\"2024-").count - 1, 4, "January to April, February and March empty")
    }
}
