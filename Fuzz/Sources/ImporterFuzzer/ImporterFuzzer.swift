import Foundation
import PostwachtAudit
import PostwachtCore

/// One libFuzzer input: its first byte picks the format (jsonl, csv, facebook, instagram, twitter,
/// wordpress, mastodon, in `ExportFormat.allCases` order), the rest is the file. The importer reads it
/// in memory; each post is then checked, so the text model meets what the importers let through. The
/// property is the one `ImporterFuzzTests` holds in `swift test`: nothing traps, and every record
/// read becomes a result or an error (a record without an id, or an error without a message, traps
/// here on purpose so libFuzzer keeps the input).
private let formats = ExportFormat.allCases

/// The checker, made once: loading the lexicons takes longer than a thousand inputs. libFuzzer calls
/// the target on one thread only, so the checker (one per thread) is never shared.
nonisolated(unsafe) private let checker: Checker? = {
    guard ProcessInfo.processInfo.environment["POSTWACHT_FUZZ_LINT"] != "0" else { return nil }
    let lexicons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lexicons")
    let directory = ProcessInfo.processInfo.environment["POSTWACHT_LEXICONS"].map { URL(fileURLWithPath: $0) } ?? lexicons
    do { return try Linter(resources: LinterResources.load(from: directory)).makeChecker() } catch {
        fatalError("cannot load the lexicons from \(directory.path) (set POSTWACHT_LEXICONS): \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let format = formats[Int(bytes[0]) % formats.count]
    let file = ExportFile(path: "input.\(format.rawValue)", format: format, contents: Data(bytes.dropFirst()))
    ExportReader.read(file, options: ReadOptions(language: bytes[0] & 0x80 == 0 ? .nl : .en)) { item in
        switch item {
        case .post(let record, _, _):
            check(record)
        case .lines(let block):
            // Split as the runner does: every non-blank line is a record or an error.
            for line in String(decoding: block.bytes, as: UTF8.self).split(separator: "\n") where !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                switch JSONLRecordDecoder.decode(Array(line.utf8), fallbackID: "line") {
                case .success(let record): check(record)
                case .failure(let error): precondition(!error.id.isEmpty && !error.error.message.isEmpty, "an error names its record and problem")
                }
            }
        case .failure(let failure):
            precondition(!failure.id.isEmpty && !failure.message.isEmpty, "an error names its record and problem")
        case .skipped(let skipped):
            precondition(!skipped.source.isEmpty, "a skip names its entry")
        }
    }
    return 0
}

private func check(_ record: Record) {
    precondition(!record.id.isEmpty, "a record has an id")
    guard let checker else { return }
    switch checker.lint(record) {
    case .checked(let result): precondition(result.findings.allSatisfy { $0.utf8.end <= result.text.count }, "findings lie inside the text")
    case .failed(_, let error): precondition(!error.message.isEmpty)
    }
}
