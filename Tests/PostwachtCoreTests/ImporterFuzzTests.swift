import Foundation
import XCTest
@testable import PostwachtAudit
@testable import PostwachtCore

/// A bounded, seeded mutation test of every importer and of the JSONL decoder: the sample exports of
/// Fixtures/exports (and the UTF-16 regression inputs) are damaged thousands of ways — bytes flipped,
/// inserted, deleted, duplicated, files cut — and audited. What must hold for every case:
///
/// - nothing traps (a trap ends the test run);
/// - every file yields at least one outcome, and no two outcomes share an id;
/// - a file cut anywhere still yields an outcome for every record that ended before the cut;
/// - damage inside a post's text (letters, bytes that are no UTF-8, other scripts) changes no count:
///   as many outcomes as the undamaged file, each record a result, an error or a counted skip.
///
/// The seed is fixed, so a failure replays; `POSTWACHT_FUZZ_CASES` sets how many cases per seed file
/// and kind (default 100: about 3,300 audits and 1,000 decoded lines). The libFuzzer target in Fuzz/
/// searches further (docs/fuzzing.md).
final class ImporterFuzzTests: XCTestCase {
    private struct Seed {
        var name: String
        var format: ExportFormat
        var bytes: [UInt8]
        /// Byte offsets just past each record, in the undamaged file.
        var recordEnds: [Int]
        /// Byte ranges of post texts (string values, CDATA, CSV data rows) where letters may be added safely.
        var textRegions: [Range<Int>]
        /// Outcomes the undamaged file yields.
        var outcomes = 0
    }

    private static let casesPerKind = Int(ProcessInfo.processInfo.environment["POSTWACHT_FUZZ_CASES"] ?? "") ?? 100

    private lazy var runner = try! AuditRunner(linter: TestSupport.linter, jobs: 1, batchSize: 16)

    private func seeds() throws -> [Seed] {
        let exports = TestSupport.fixtures.appendingPathComponent("exports")
        let files: [(String, ExportFormat)] = [
            ("jsonl/posts.jsonl", .jsonl), ("csv/berichten.csv", .csv), ("csv/export-puntkomma.csv", .csv),
            ("facebook/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", .facebook),
            ("instagram/your_instagram_activity/content/posts_1.json", .instagram), ("twitter/data/tweets.js", .twitter),
            ("mastodon/outbox.json", .mastodon), ("wordpress/school-nieuws.xml", .wordpress),
            ("regressions/encodings/excel-unicode-text.csv", .csv), ("regressions/encodings/powershell-utf16.jsonl", .jsonl),
        ]
        return try files.map { path, format in
            let bytes = [UInt8](try Data(contentsOf: exports.appendingPathComponent(path)))
            var seed = Seed(name: path, format: format, bytes: bytes, recordEnds: Self.recordEnds(of: bytes, format: format),
                            textRegions: Self.textRegions(of: bytes, format: format))
            seed.outcomes = audit(seed.bytes, format: format, name: path).count
            return seed
        }
    }

    /// The undamaged files are the baseline every property compares with: each of their records is
    /// one outcome, and the record ends found here are where the importers find them.
    func testSeedsAreReadWhole() throws {
        for seed in try seeds() {
            XCTAssertGreaterThan(seed.recordEnds.count, 1, seed.name)
            let outcomes = audit(seed.bytes, format: seed.format, name: seed.name)
            XCTAssertEqual(outcomes.filter { $0.failed }.count, 0, seed.name)
            if seed.format != .wordpress && seed.format != .csv { XCTAssertEqual(outcomes.count, seed.recordEnds.count, seed.name) }
        }
    }

    func testDamagedExportsNeverTrapAndAccountForEveryRecord() throws {
        var generator = SplitMix(seed: 17)
        var cases = 0
        for seed in try seeds() {
            for round in 0..<Self.casesPerKind {
                // Anywhere: one to four damages of any kind.
                var bytes = seed.bytes
                for _ in 0..<Int.random(in: 1...4, using: &generator) { Self.damage(&bytes, using: &generator, splice: seed.bytes) }
                let outcomes = audit(bytes, format: seed.format, name: seed.name)
                XCTAssertGreaterThan(outcomes.count, 0, "\(seed.name) round \(round): a file yields at least one outcome")
                XCTAssertEqual(Set(outcomes.map(\.id)).count, outcomes.count, "\(seed.name) round \(round): ids are unique")

                // Cut: every record that ended before the cut is still there.
                let cut = Int.random(in: 0...seed.bytes.count, using: &generator)
                let whole = seed.recordEnds.filter { $0 <= cut }.count
                let survivors = audit(Array(seed.bytes[..<cut]), format: seed.format, name: seed.name)
                XCTAssertGreaterThanOrEqual(survivors.filter { !$0.isFileLevel }.count, whole, "\(seed.name) cut at \(cut)")

                // Inside texts: the same number of outcomes as the undamaged file.
                var text = seed.bytes
                Self.damageText(&text, times: Int.random(in: 1...3, using: &generator), regions: seed.textRegions, using: &generator)
                let damaged = audit(text, format: seed.format, name: seed.name)
                XCTAssertEqual(damaged.count, seed.outcomes, "\(seed.name) round \(round): damage inside texts loses or adds no record")
                cases += 3
            }
        }
        XCTAssertGreaterThan(cases, 1000)
    }

    /// Damaged zip archives (the X archive sample): each entry read or named as damaged, never a hang
    /// (ZIPFoundation's own inflate loop never ended on some) or a trap.
    func testDamagedZipArchivesAreReadOrNamed() throws {
        var generator = SplitMix(seed: 1700)
        let zip = [UInt8](try Data(contentsOf: TestSupport.fixtures.appendingPathComponent("exports/twitter-archive.zip")))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-zipfuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("archive.zip")
        for round in 0..<(Self.casesPerKind * 3) {
            var bytes = zip
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    Self.damage(&bytes, using: &generator, splice: zip)
                } else if !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            try Data(bytes).write(to: url)
            let discovery = ExportDiscovery.discover([url.path])
            var outcomes = discovery.failures.count
            runner.run(discovery.files) { _ in outcomes += 1 }
            XCTAssertGreaterThan(outcomes, 0, "round \(round): a damaged archive yields an outcome")
        }
    }

    /// The JSONL decoder on its own: damaged lines decode or fail, with an id, never trap.
    func testDamagedJSONLinesDecodeOrFailWithAnID() throws {
        var generator = SplitMix(seed: 1717)
        let lines = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("exports/jsonl/posts.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { Array($0.utf8) }
        for round in 0..<(Self.casesPerKind * 10) {
            var line = lines[round % lines.count]
            for _ in 0..<Int.random(in: 1...3, using: &generator) { Self.damage(&line, using: &generator, splice: lines[0]) }
            switch JSONLRecordDecoder.decode(line, fallbackID: "line \(round)", language: round % 2 == 0 ? .nl : .en) {
            case .success(let record): XCTAssertFalse(record.id.isEmpty)
            case .failure(let error): XCTAssertFalse(error.id.isEmpty || error.error.message.isEmpty)
            }
        }
    }

    // MARK: Running

    private struct Outcome {
        var id: String
        var failed: Bool
        /// A failure of the file as a whole ("breaks off", "not valid JSON"), not of one record.
        var isFileLevel: Bool
    }

    private func audit(_ bytes: [UInt8], format: ExportFormat, name: String) -> [Outcome] {
        let file = ExportFile(path: name, format: format, contents: Data(bytes))
        var outcomes: [Outcome] = []
        runner.run([file]) { outcome in
            switch outcome {
            case .checked(let result, _, _, _): outcomes.append(Outcome(id: result.id, failed: false, isFileLevel: false))
            case .failed(let failure):
                let fileLevel = failure.source == name || failure.message.contains("breekt af")
                outcomes.append(Outcome(id: failure.id, failed: true, isFileLevel: fileLevel))
            case .skipped(let skipped): outcomes.append(Outcome(id: "skipped \(skipped.source)", failed: false, isFileLevel: false))
            }
        }
        return outcomes
    }

    // MARK: Damage

    private static let interestingBytes: [[UInt8]] = [
        [0x00], [0xF4], [0xFF], [0xC3], [0x80], [0xE9], [0x22], [0x2C], [0x3B], [0x0A], [0x0D], [0x5C], [0x3C], [0x3E], [0x7B], [0x7D],
        [0x5B], [0x5D], [0x26], [0x3A], [0x09], Array("]]>".utf8), Array("<!--".utf8), Array("\\u00".utf8), Array("😀".utf8), [0xFE, 0xFF],
    ]

    /// One damage anywhere: a byte changed, bytes inserted, deleted or duplicated, or a piece of the seed spliced in.
    private static func damage(_ bytes: inout [UInt8], using generator: inout SplitMix, splice: [UInt8]) {
        let position = Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &generator)
        case 1: bytes.insert(contentsOf: interestingBytes.randomElement(using: &generator)!, at: position)
        case 2 where position < bytes.count: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &generator)))
        case 3 where position < bytes.count:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
        case 4 where !splice.isEmpty:
            let start = Int.random(in: 0..<splice.count, using: &generator)
            bytes.insert(contentsOf: splice[start..<min(splice.count, start + Int.random(in: 1...200, using: &generator))], at: position)
        default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        }
    }

    /// Characters a post may hold anywhere in its text: letters, other scripts, emoji, bytes that are no UTF-8.
    private static let textDamage: [[UInt8]] = [
        Array("x".utf8), Array("é".utf8), Array("ĳ".utf8), Array("😀".utf8), Array("кут".utf8), [0xF4], [0xFF], [0xC3], [0xE9], [0x80, 0x80],
    ]

    /// Damage inside text regions, each right after a letter: inside a field, never at its start. The
    /// places are chosen in the undamaged file and damaged from the last to the first, so that each
    /// insertion leaves the places before it where they were.
    private static func damageText(_ bytes: inout [UInt8], times: Int, regions: [Range<Int>], using generator: inout SplitMix) {
        var places: [Int] = []
        for _ in 0..<times {
            guard let region = regions.randomElement(using: &generator) else { return }
            let letters = region.filter { index in index < bytes.count && (bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A) }
            if let letter = letters.randomElement(using: &generator) { places.append(letter + 1) }
        }
        for place in places.sorted(by: >) { bytes.insert(contentsOf: textDamage.randomElement(using: &generator)!, at: place) }
    }

    // MARK: Where records and texts are, in an undamaged file

    private static func recordEnds(of bytes: [UInt8], format: ExportFormat) -> [Int] {
        switch format {
        case .jsonl, .csv:
            // A record ends where the next one's first line starts; quoted line breaks are inside
            // records. UTF-16 files (their line feed is 0A 00) are walked two bytes at a time.
            let width = EncodingDetection.sniff(bytes).map { $0.encoding == .utf16LE ? 2 : 1 } ?? 1
            var ends: [Int] = []
            var inQuotes = false
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x22 { inQuotes.toggle() }
                if bytes[index] == 0x0A, !inQuotes { ends.append(index + width) }
                index += width
            }
            return format == .csv ? Array(ends.dropFirst()) : ends
        case .wordpress:
            return ranges(of: Array("</item>".utf8), in: bytes).map { $0.upperBound }
        default:
            let start = format == .twitter ? (bytes.firstIndex(of: UInt8(ascii: "=")) ?? 0) + 1 : 0
            return bytes.withUnsafeBufferPointer { buffer in
                JSONRecordArray(buffer, from: start, location: format == .mastodon ? .member("orderedItems") : .rootOrFirstArrayMember).elements.map(\.upperBound)
            }
        }
    }

    private static func textRegions(of bytes: [UInt8], format: ExportFormat) -> [Range<Int>] {
        switch format {
        case .wordpress:
            let opens = ranges(of: Array("<![CDATA[".utf8), in: bytes), closes = ranges(of: Array("]]>".utf8), in: bytes)
            return opens.compactMap { open in closes.first { $0.lowerBound >= open.upperBound }.map { open.upperBound..<$0.lowerBound } }
        case .csv:
            // Data rows of a UTF-8 file (the header names the columns: damage there is not inside a text).
            guard let headerEnd = bytes.firstIndex(of: 0x0A), utf8(bytes).count == bytes.count else { return [] }
            return [(headerEnd + 1)..<bytes.count]
        default:
            // String values: after `": "`, up to the closing quote (escapes skipped).
            var regions: [Range<Int>] = []
            for marker in ranges(of: Array("\": \"".utf8), in: bytes) {
                var index = marker.upperBound
                while index < bytes.count, bytes[index] != 0x22 { index += bytes[index] == 0x5C ? 2 : 1 }
                if index > marker.upperBound, index <= bytes.count { regions.append(marker.upperBound..<min(index, bytes.count)) }
            }
            // Escapes (\u00c3) hold letters too; damage after the backslash's letter would break them.
            return regions.filter { region in !bytes[region].contains(0x5C) }
        }
    }

    private static func ranges(of needle: [UInt8], in bytes: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) {
                found.append(index..<index + needle.count)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// The UTF-8 form of a seed (the UTF-16 ones converted).
    private static func utf8(_ bytes: [UInt8]) -> [UInt8] { EncodingDetection.decodeWhole(bytes, choice: .automatic).text }
}
