import Foundation
import PostwachtCore

/// Writes the benchmark corpus as a JSONL export of any size: a 16 MB corpus, repeated with new ids.
enum ExportWriter {
    static func write(megabytes: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        let corpus = BenchmarkCorpus.generate(bytes: 16_000_000)
        let target = megabytes * 1_000_000
        var written = 0
        var round = 0
        while written < target {
            var chunk = Data()
            for (index, record) in corpus.enumerated() {
                let object: [String: Any] = ["id": "post-\(round)-\(index)", "text": String(decoding: record.bytes, as: UTF8.self),
                                             "author_role": record.metadata.authorRole!.rawValue, "created_at": 1_640_995_200 + (round * corpus.count + index) * 600]
                chunk.append(try JSONSerialization.data(withJSONObject: object))
                chunk.append(0x0A)
                if written + chunk.count >= target { break }
            }
            handle.write(chunk)
            written += chunk.count
            round += 1
        }
        print("wrote \(written / 1_000_000) MB to \(path)")
    }
}
