import Foundation
import PostwachtCore

/// Reads one input (a path or - for stdin) as records and hands each outcome on, in input order.
enum InputSource {
    /// Returns false when the source could not be opened at all (reported as an error record).
    static func open(_ path: String, format: CheckCommand.InputFormat, role: AuthorRole?,
                     emit: (RecordOutcome) -> Void, check: (Record) -> RecordOutcome) -> Bool {
        let id = path == "-" ? "<stdin>" : path
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                emit(.failed(id: id, error: RecordError(code: "input.not-found", message: "no such file")))
                return false
            }
            guard !isDirectory.boolValue else {
                emit(.failed(id: id, error: RecordError(code: "input.is-directory", message: "is a directory; pass the files in it (e.g. \(path)/*.txt)")))
                return false
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                emit(.failed(id: id, error: RecordError(code: "input.unreadable", message: "cannot open the file for reading (permissions?)")))
                return false
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        switch format {
        case .text:
            readWhole(handle, id: id, role: role, emit: emit, check: check)
        case .jsonl:
            readLines(handle, id: id, role: role, emit: emit, check: check)
        }
        return true
    }

    private static func readWhole(_ handle: FileHandle, id: String, role: AuthorRole?,
                                  emit: (RecordOutcome) -> Void, check: (Record) -> RecordOutcome) {
        do {
            let data = try handle.readToEnd() ?? Data()
            emit(check(Record(id: id, bytes: UTF8Decoding.droppingByteOrderMark([UInt8](data)), metadata: RecordMetadata(authorRole: role))))
        } catch {
            emit(.failed(id: id, error: RecordError(code: "input.unreadable", message: "read failed: \(error.localizedDescription)")))
        }
    }

    private static func readLines(_ handle: FileHandle, id: String, role: AuthorRole?,
                                  emit: (RecordOutcome) -> Void, check: (Record) -> RecordOutcome) {
        let reader = LineReader(handle: handle)
        while true {
            let line: LineReader.Line?
            do { line = try reader.next() } catch {
                emit(.failed(id: "\(id):\(reader.lineNumber + 1)", error: RecordError(code: "input.unreadable", message: "read failed: \(error.localizedDescription)")))
                return
            }
            guard let line else { return }
            let fallbackID = "\(id):\(reader.lineNumber)"
            switch line {
            case .tooLong(let byteCount):
                emit(.failed(id: fallbackID, error: RecordError(code: "input.too-large", message: "line of \(byteCount) bytes exceeds the \(reader.maximumLineBytes)-byte limit")))
            case .text(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                switch JSONLRecordDecoder.decode(bytes, fallbackID: fallbackID) {
                case .failure(let failure):
                    emit(.failed(id: failure.id, error: RecordError(code: failure.error.code, message: "line \(reader.lineNumber): \(failure.error.message)")))
                case .success(var record):
                    if record.metadata.authorRole == nil { record.metadata.authorRole = role }
                    emit(check(record))
                }
            }
        }
    }
}
