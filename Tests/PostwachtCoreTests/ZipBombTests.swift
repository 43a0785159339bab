import Foundation
import XCTest
import ZIPFoundation
@testable import PostwachtAudit
@testable import PostwachtCore

/// Zip entries that inflate past the cap: refused by name without being held in memory, the rest of
/// the archive still read. Small archives with the cap lowered; the real measurement is outside the tests.
final class ZipBombTests: XCTestCase {
    /// An archive with a JSON export whose entry inflates past the (lowered) cap, a JSONL entry with one
    /// line past it, and a small readable JSONL entry.
    private func bombArchive() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postwacht-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bomb.zip")
        let archive = try Archive(url: url, accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        // 1 MB of zeros after a valid start: a few kB deflated.
        try add("posts_1.json", Data(Self.jsonStart.utf8) + Data(count: 1 << 20))
        let good = #"{"id":"g1","text":"Fijne dag allemaal"}"# + "\n"
        try add("big.jsonl", Data((good + String(repeating: "0", count: 1 << 20) + "\n" + good).utf8))
        try add("small.jsonl", Data(good.utf8))
        return url
    }

    private static let jsonStart = #"[{"timestamp": 1, "data": [{"post": ""#

    func testZipEntryInflatingPastTheCapIsRefusedAndTheRestIsRead() throws {
        let url = try bombArchive()
        let discovery = ExportDiscovery.discover([url.path])
        let (found, failures) = (discovery.files, discovery.failures)
        XCTAssertEqual(failures.map(\.code), [])
        XCTAssertEqual(found.map(\.path), ["big.jsonl", "posts_1.json", "small.jsonl"].map { url.path + "/" + $0 })
        let files = found.map { file -> ExportFile in
            var file = file
            file.maximumBytes = 64 * 1024
            return file
        }
        var failed: [ImportFailure] = []
        var lines = 0
        for file in files {
            ExportReader.read(file) { item in
                switch item {
                case .failure(let failure): failed.append(failure)
                case .lines(let block): block.forEachLine { _, _ in lines += 1 }
                case .post, .skipped: XCTFail("no post is read from the capped JSON entry")
                }
            }
        }
        XCTAssertEqual(lines, 3, "the lines around the over-long one, and the other entry")
        XCTAssertEqual(failed.map(\.code), ["input.too-large", "input.too-large"])
        XCTAssertEqual(failed.map(\.source), [url.path + "/big.jsonl:2", url.path + "/posts_1.json"])
        let json = try XCTUnwrap(failed.last)
        XCTAssertTrue(json.message.contains("posts_1.json") && json.message.contains("bomb.zip") && json.message.contains("\(64 * 1024)"), json.message)
    }

    /// With the cap at its default the same archive reads whole: the JSON entry is 1 MB, under the cap.
    func testZipEntryUnderTheDefaultCapIsRead() throws {
        let url = try bombArchive()
        let files = ExportDiscovery.discover([url.path]).files
        XCTAssertEqual(files.map(\.maximumBytes), [Document.maximumByteCount, Document.maximumByteCount, Document.maximumByteCount])
        let json = try XCTUnwrap(files.first { $0.path.hasSuffix(".json") })
        XCTAssertEqual(try json.data(.en).count, Self.jsonStart.utf8.count + (1 << 20))
    }
}
