import Foundation
import XCTest
@testable import PostwachtAudit
@testable import PostwachtCore
@testable import PostwachtReporting

/// The audit's pieces: text repair, CSV, importers on small inline exports, order, SARIF, baseline.
final class AuditTests: XCTestCase {
    func testFacebookMojibakeIsRepairedAndRealTextIsKept() {
        XCTAssertEqual(TextCleaning.repairMojibake("Caf\u{00C3}\u{00A9} \u{00F0}\u{009F}\u{0098}\u{0080}"), "Café 😀")
        XCTAssertEqual(TextCleaning.repairMojibake("Café"), "Café", "real Latin-1 text that is no UTF-8 stays")
        XCTAssertEqual(TextCleaning.repairMojibake("😀 ok"), "😀 ok")
    }

    func testHTMLBecomesVisibleText() {
        let html = "<!-- wp:paragraph --><p>Ouders &amp; kinderen,<br>welkom!</p><!-- /wp:paragraph --><script>x()</script><ul><li>één</li></ul>"
        XCTAssertEqual(TextCleaning.visibleText(ofHTML: html), "Ouders & kinderen,\nwelkom!\néén")
        XCTAssertEqual(TextCleaning.decodeEntities("&lt;3 &#233; &#x1F600; &bogus; & x"), "<3 é 😀 &bogus; & x")
    }

    func testCSVQuotesSeparatorsAndLineBreaks() throws {
        var reader = CSVReader()
        var rows: [[String]] = []
        let text = "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n3,\n"
        func collect(_ read: CSVReader.Record, _ line: Int) {
            if case .fields(let fields, _) = read { rows.append(fields.map { String(decoding: $0, as: UTF8.self) }) }
        }
        reader.feed(Array(text.utf8), collect)
        try reader.finish(collect)
        XCTAssertEqual(rows, [["a", "b"], ["x, \"y\"", "two\nlines"], ["3", ""]])
        var broken = CSVReader()
        broken.feed(Array("a\n\"open\nrest".utf8)) { _, _ in }
        XCTAssertThrowsError(try broken.finish { _, _ in }) { error in
            XCTAssertEqual(error as? CSVReader.UnterminatedQuote, CSVReader.UnterminatedQuote(line: 2, resumeOffset: 8), "line 3 starts at byte 8")
        }
    }

    /// A record past the limit (one huge field, as a zip bomb or a broken export makes) is read past,
    /// not kept: it is named with its size, and the records after it are read.
    func testCSVRecordLongerThanTheLimitIsSkippedNotKept() throws {
        var reader = CSVReader(maximumRecordBytes: 64)
        var seen: [String] = []
        let text = "id,text\n1,kort\n2,\"" + String(repeating: "lang, ", count: 100) + "\"\n3,weer kort\n4," + String(repeating: "x", count: 100)
        func collect(_ read: CSVReader.Record, _ line: Int) {
            switch read {
            case .fields(let fields, _): seen.append("\(line): " + fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "|"))
            case .tooLarge(let bytes): seen.append("\(line): too large (\(bytes) bytes)")
            }
        }
        reader.feed(Array(text.utf8), collect)
        try reader.finish(collect)
        XCTAssertEqual(seen, ["1: id|text", "2: 1|kort", "3: too large (604 bytes)", "4: 3|weer kort", "5: too large (102 bytes)"])
    }

    /// Writes a small export tree and audits it: every record accounted for, in order, errors named.
    func testAuditReadsEveryFormatAndKeepsGoingPastBrokenFiles() throws {
        let root = try temporaryDirectory(prefix: "postwacht-audit")
        try write(root, "fb/posts_1.json", #"[{"timestamp": 1709715120, "data": [{"post": "Wat een k4nkerschool! Caf\u00c3\u00a9"}]}, {"timestamp": 1, "data": [{"update_timestamp": 2}]}]"#)
        try write(root, "tw/data/tweets.js", #"window.YTD.tweets.part0 = [{"tweet": {"id_str": "9", "created_at": "Wed Mar 06 09:12:00 +0000 2024", "full_text": "Ouders &amp; kinderen: bel 06-12345678"}}]"#)
        try write(root, "tw/data/tweets-part1.js", "window.YTD.tweets.part1 = [{\"tweet\": ")
        try write(root, "posts.csv", "id,text\n1,\"Kut, zeg\"\n2,a,b\n")
        try write(root, "ig/instagram/content/posts_1.json", #"[{"media": [{"uri": "m/1.jpg", "creation_timestamp": 1709715120, "title": "📸 Onze leerling Sanne de Vries"}]}, {"media": "oops"}]"#)
        try write(root, "outbox.json", #"{"orderedItems": [{"type": "Create", "object": {"content": "<p>Mail juf.anna@gmail.com</p>", "published": "2024-01-01T10:00:00Z"}}, {"type": "Announce"}]}"#)
        try write(root, "site.xml", "<?xml version=\"1.0\"?><rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>Nieuws</title><content:encoded><![CDATA[<p>De tering!</p>]]></content:encoded><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type></item><item><title>kapot")
        let discovery = ExportDiscovery.discover([root.path])
        let (files, failures) = (discovery.files, discovery.failures)
        XCTAssertEqual(failures.count, 0)
        XCTAssertEqual(Set(files.map(\.format)), [.facebook, .twitter, .csv, .instagram, .mastodon, .wordpress])
        let runner = try AuditRunner(linter: TestSupport.linter, jobs: 2, batchSize: 2)
        var seen: [String] = []
        runner.run(files) { outcome in
            switch outcome {
            case .checked(let result, _, _, _): seen.append("\(result.id) " + result.findings.map(\.rule).joined(separator: ","))
            case .failed(let failure): seen.append("error \(failure.code)")
            case .skipped(let skipped): seen.append("skipped \(skipped.reason)")
            }
        }
        // Files in path order, records in file order, each broken record or file as an error in its
        // place, each entry that is no post to check as a skip.
        XCTAssertEqual(seen, [
            "facebook-1 profanity.curse", "skipped noContent",
            "instagram-1 privacy.name-with-photo", "error input.instagram",
            "mastodon-1 privacy.email", "skipped boost",
            "1 profanity.curse", "error input.csv",
            "wp-5 profanity.curse", "error input.wordpress",
            "error input.invalid-json",
            "tweet-9 privacy.phone",
        ])
    }

    /// The report's months come from arithmetic, not a Calendar; they must be the Calendar's.
    func testReportMonthsAreTheCalendarsMonths() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SplitMix(seed: 3)
        let edges: [TimeInterval] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_800, 4_107_542_399, 4_107_542_400]
        for seconds in edges + (0..<2000).map({ _ in TimeInterval(Int.random(in: -2_000_000_000...4_200_000_000, using: &generator)) }) {
            let date = Date(timeIntervalSince1970: seconds)
            let components = calendar.dateComponents([.year, .month], from: date)
            XCTAssertEqual(AuditHTMLReport.month(date), String(format: "%04d-%02d", components.year!, components.month!), "\(seconds)")
        }
    }

    /// A symbolic link is read as the file it points to, with that file's size (progress and batching use it).
    func testSymbolicLinkToAnExportIsTheExport() throws {
        let target = TestSupport.fixtures.appendingPathComponent("exports/jsonl/posts.jsonl")
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-link-\(UUID().uuidString).jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        defer { try? FileManager.default.removeItem(at: link) }
        let viaLink = try XCTUnwrap(ExportDiscovery.discover([link.path]).files.first)
        let direct = try XCTUnwrap(ExportDiscovery.discover([target.path]).files.first)
        XCTAssertEqual(viaLink.size, direct.size)
        XCTAssertGreaterThan(viaLink.size, 1000)
    }

    /// JSONL is cut into blocks of whole lines; every line keeps its number, blank lines are passed
    /// over, and a line over the limit is one error however it arrives.
    func testLineBlocksKeepLineNumbersAndRefuseOverlongLines() {
        let text = Array("{\"a\":1}\r\n\n  \n{\"b\":2}\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 50) + Array("\n{\"c\":3}".utf8)
        for chunkSize in [1, 3, 7, 64, 1000] {
            var cutter = LineBlockCutter(path: "p.jsonl", maximumLineBytes: 20)
            var seen: [String] = []
            func collect(_ piece: LineBlockCutter.Piece) {
                switch piece {
                case .block(let block): block.forEachLine { line, number in seen.append("\(number):\(String(decoding: line, as: UTF8.self))") }
                case .tooLong(let line, let count): seen.append("\(line): too long (\(count))")
                }
            }
            var start = 0
            while start < text.count {
                cutter.feed(text[start..<min(start + chunkSize, text.count)], emit: collect)
                start += chunkSize
            }
            cutter.finish(emit: collect)
            XCTAssertEqual(seen, ["1:{\"a\":1}", "4:{\"b\":2}", "5: too long (50)", "6:{\"c\":3}"], "chunks of \(chunkSize)")
        }
    }

    /// The sample exports in Fixtures/exports: every post of every format read, none failed, text repaired.
    func testSampleExportsAreReadWhole() throws {
        let exports = TestSupport.fixtures.appendingPathComponent("exports")
        let paths = ["facebook", "instagram", "twitter", "twitter-archive.zip", "wordpress", "mastodon", "csv", "jsonl"]
            .map { exports.appendingPathComponent($0).path }
        let discovery = ExportDiscovery.discover(paths)
        let (files, failures) = (discovery.files, discovery.failures)
        XCTAssertTrue(failures.isEmpty, "\(failures)")
        var perFormat: [ExportFormat: Int] = [:]
        var texts: [String] = []
        var failed: [String] = []
        let runner = try AuditRunner(linter: TestSupport.linter, jobs: 2)
        for file in files {
            runner.run([file]) { outcome in
                switch outcome {
                case .checked(let result, _, _, _):
                    perFormat[file.format, default: 0] += 1
                    texts.append(String(decoding: result.text, as: UTF8.self))
                case .failed(let failure): failed.append("\(failure.source): \(failure.message)")
                case .skipped: break
                }
            }
        }
        XCTAssertEqual(failed, [])
        XCTAssertEqual(perFormat, [.facebook: 40, .instagram: 25, .twitter: 70, .wordpress: 15, .mastodon: 15, .csv: 35, .jsonl: 20])
        XCTAssertFalse(texts.contains { $0.contains("Ã") || $0.contains("&amp;") || $0.contains("<p>") }, "mojibake, entities and HTML are gone")
        XCTAssertTrue(texts.contains { $0.contains("é") || $0.contains("ë") })
    }

    /// Each broken sample yields its error record; the rest of the folder is still read.
    func testBrokenExportsYieldNamedErrors() throws {
        let broken = TestSupport.fixtures.appendingPathComponent("exports/broken")
        let discovery = ExportDiscovery.discover([broken.path])
        let (files, failures) = (discovery.files, discovery.failures)
        var codes = failures.map(\.code)
        var checked = 0
        var warned: [String] = []
        try AuditRunner(linter: TestSupport.linter, jobs: 2).run(files) { outcome in
            switch outcome {
            case .checked(let result, _, _, _):
                checked += 1
                if result.warnings.contains(.invalidUTF8) { warned.append(result.id) }
            case .failed(let failure): codes.append(failure.code)
            case .skipped: XCTFail("nothing in broken/ is skipped")
            }
        }
        XCTAssertEqual(codes.sorted(), ["input.csv", "input.csv", "input.instagram", "input.invalid-json", "input.invalid-json",
                                        "input.mastodon", "input.missing-text", "input.twitter", "input.wordpress", "input.zip"])
        // Bad bytes inside a JSON string are the text's problem, not the line's: repaired, checked, warned.
        XCTAssertEqual(warned, ["k4"])
        XCTAssertGreaterThan(checked, 5, "the readable records of broken files are still checked")
    }

    func testCSVWithoutATextColumnIsOneErrorNotACrash() throws {
        let root = try temporaryDirectory(prefix: "postwacht-audit")
        try write(root, "posts.csv", "id,inhoud\n1,kut\n2,hoi\n")
        var outcomes: [String] = []
        try AuditRunner(linter: TestSupport.linter, jobs: 1).run(ExportDiscovery.discover([root.appendingPathComponent("posts.csv").path]).files) { outcome in
            if case .failed(let failure) = outcome { outcomes.append(failure.message) } else { outcomes.append("checked") }
        }
        XCTAssertEqual(outcomes, ["geen tekstkolom bij id, inhoud; 2 rijen niet gelezen; noem de kolom met --column text=<kop>"])
    }

    func testSARIFHasWhatCodeScanningNeeds() throws {
        guard case .checked(let result) = try TestSupport.linter.makeChecker().lint(Record(id: "post 1", text: "😀 Wat een k4nkerschool")) else { return XCTFail() }
        let report = SARIFReport(rules: TestSupport.linter.rules.map(\.description), clauses: { TestSupport.linter.clauses(of: $0) },
                                 version: "0.1.0", baseDirectory: "/data")
        // Every result comes after a comma; the writer drops the first (AuditOutput).
        let document = report.opening() + report.results(result, file: "/data/export/posts.csv", source: "/data/export/posts.csv:2").dropFirst()
            + report.results(result, file: "/data/export/posts.csv", source: "/data/export/posts.csv:3") + report.closing()
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, RuleRegistry.all.count)
        XCTAssertTrue(rules.allSatisfy { ($0["help"] as? [String: String])?["text"]?.isEmpty == false })
        XCTAssertEqual((run["results"] as? [Any])?.count, 2, "results stream in, comma-separated")
        let found = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(found["ruleId"] as? String, "profanity.curse")
        let location = try XCTUnwrap(((found["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "export/posts.csv#post%201")
        let region = try XCTUnwrap(location["region"] as? [String: Int])
        XCTAssertEqual(region["startLine"], 1)
        XCTAssertEqual(region["startColumn"], 11, "columns count code points: the emoji is one")
    }

    func testBaselineLeavesOutKnownFindingsOnly() throws {
        let first = Record(id: "p1", text: "Wat een kutschool, bel 06-12345678")
        guard case .checked(let known) = try TestSupport.linter.makeChecker().lint(first) else { return XCTFail() }
        let keys = Set(known.findings.map { AuditRunner.baselineKey(recordID: "p1", finding: $0) })
        let root = try temporaryDirectory(prefix: "postwacht-audit")
        try write(root, "posts.jsonl", """
            {"id": "p1", "text": "Nieuw: wat een kutschool, bel 06-12345678"}
            {"id": "p2", "text": "Wat een kutschool"}
            """)
        let runner = try AuditRunner(linter: TestSupport.linter, jobs: 1, baseline: keys)
        var findings: [String] = []
        runner.run(ExportDiscovery.discover([root.appendingPathComponent("posts.jsonl").path]).files) { outcome in
            if case .checked(let result, _, _, _) = outcome { findings += result.findings.map { "\(result.id) \($0.match)" } }
        }
        XCTAssertEqual(findings, ["p2 kutschool"], "p1's findings survive the edit and stay known; p2's are new")
    }

}
