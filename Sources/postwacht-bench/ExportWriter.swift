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
                let metadata = record.metadata
                var object: [String: Any] = ["id": "post-\(round)-\(index)", "text": String(decoding: record.bytes, as: UTF8.self),
                                             "author_role": metadata.authorRole!.rawValue, "created_at": 1_640_995_200 + (round * corpus.count + index) * 600]
                if let school = metadata.organisation { object["org"] = school }
                if let channel = metadata.channel { object["channel"] = channel }
                if !metadata.attachments.isEmpty { object["attachments"] = metadata.attachments.map { ["type": $0.type.rawValue] } }
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
