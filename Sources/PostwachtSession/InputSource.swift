import Foundation
import PostwachtCore

/// How `check` splits an input into posts: one post per file, or one per JSONL line.
public enum InputFormat: String, CaseIterable, Sendable { case text, jsonl }

/// Reads one input (a path or - for stdin) as records and hands each outcome on, in input order. A
/// file that cannot be opened is an error record, as a line that cannot be read is, so every front
/// end that reads files gets the same records and messages.
public enum InputSource {
    /// Returns false when the source could not be opened at all (reported as an error record).
    /// Text in another encoding than UTF-8 is converted (`encoding`) and the record says so in a
    /// warning; messages are in `language`.
    /// A plain-text draft gets `role`, `attachments` and `kind` (it cannot say them itself); a JSONL
    /// line without `author_role` gets `role`.
    public static func open(_ path: String, format: InputFormat, role: AuthorRole?, attachments: [Attachment] = [], kind: PostKind? = nil,
                     encoding: EncodingChoice = .automatic,
                     language: Language = .nl, emit: (RecordOutcome) -> Void, check: (Record) -> RecordOutcome) -> Bool {
        let id = path == "-" ? "<stdin>" : path
        let reading = Reading(id: id, role: role, attachments: attachments, kind: kind, encoding: encoding, language: language)
        func say(_ dutch: String, _ english: String) -> String { language == .nl ? dutch : english }
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                emit(.failed(id: id, error: RecordError(code: "input.not-found", message: say("bestand bestaat niet", "no such file"))))
                return false
            }
            guard !isDirectory.boolValue else {
                emit(.failed(id: id, error: RecordError(code: "input.is-directory", message: say(
                    "is een map; geef de bestanden erin (bv. \(path)/*.txt)", "is a directory; pass the files in it (e.g. \(path)/*.txt)"))))
                return false
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                emit(.failed(id: id, error: RecordError(code: "input.unreadable", message: say(
                    "kan het bestand niet openen om te lezen (rechten?)", "cannot open the file for reading (permissions?)"))))
                return false
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        switch format {
        case .text: reading.readWhole(handle, emit: emit, check: check)
        case .jsonl: reading.readLines(handle, emit: emit, check: check)
        }
        return true
    }

    /// One opened input: its id, the role of its posts, how to decode it.
    private struct Reading {
        let id: String
        let role: AuthorRole?
        let attachments: [Attachment]
        let kind: PostKind?
        let encoding: EncodingChoice
        let language: Language

        func say(_ dutch: String, _ english: String) -> String { language == .nl ? dutch : english }

        /// The result with a warning that the text was converted from `encoding`, first.
        func noting(_ encoding: TextEncoding?, in outcome: RecordOutcome) -> RecordOutcome {
            guard let encoding, case .checked(var result) = outcome else { return outcome }
            result.warnings.insert(.decoded(from: encoding), at: 0)
            return .checked(result)
        }

        func readWhole(_ handle: FileHandle, emit: (RecordOutcome) -> Void, check: (Record) -> RecordOutcome) {
            do {
                let (text, detected) = EncodingDetection.decodeWhole([UInt8](try handle.readToEnd() ?? Data()), choice: encoding)
                var metadata = RecordMetadata(authorRole: role, attachments: attachments)
                metadata.kind = kind
                emit(noting(detected, in: check(Record(id: id, bytes: text, metadata: metadata))))
            } catch {
                emit(.failed(id: id, error: RecordError(code: "input.unreadable", message: say(
                    "lezen mislukt: \(error.localizedDescription)", "read failed: \(error.localizedDescription)"))))
            }
        }

        func readLines(_ handle: FileHandle, emit: (RecordOutcome) -> Void, check: (Record) -> RecordOutcome) {
            let reader = LineReader(handle: handle, encoding: encoding)
            while true {
                let line: LineReader.Line?
                do { line = try reader.next() } catch {
                    emit(.failed(id: "\(id):\(reader.lineNumber + 1)", error: RecordError(code: "input.unreadable", message: say(
                        "lezen mislukt: \(error.localizedDescription)", "read failed: \(error.localizedDescription)"))))
                    return
                }
                guard let line else { return }
                let fallbackID = "\(id):\(reader.lineNumber)"
                switch line {
                case .tooLong(let byteCount):
                    emit(.failed(id: fallbackID, error: RecordError(code: "input.too-large", message: say(
                        "regel van \(byteCount) bytes is langer dan de grens van \(reader.maximumLineBytes) bytes",
                        "line of \(byteCount) bytes exceeds the \(reader.maximumLineBytes)-byte limit"))))
                case .text(let bytes):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    switch JSONLRecordDecoder.decode(bytes, fallbackID: fallbackID, language: language) {
                    case .failure(let failure):
                        emit(.failed(id: failure.id, error: RecordError(code: failure.error.code, message: say("regel", "line") + " \(reader.lineNumber): \(failure.error.message)")))
                    case .success(var record):
                        if record.metadata.authorRole == nil { record.metadata.authorRole = role }
                        var detected = reader.detectedEncoding
                        if detected == nil { (record.bytes, detected) = EncodingDetection.decodeRecord(record.bytes, choice: encoding) }
                        emit(noting(detected, in: check(record)))
                    }
                }
            }
        }
    }
}
