import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where findings output goes: stdout or a file, written in 64 KB pieces rather than a system call per
/// record. Written with write(2) itself: FileHandle's non-throwing `write` traps when the disk is full
/// or a file-size limit is reached, and its throwing one words the cause as "NSCocoaErrorDomain error 512".
final class OutputSink {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// The first failed write as the system words it ("No space left on device"): the run goes on, and
    /// ends with an error instead of claiming output that is not there.
    private(set) var writeError: String?

    init(path: String?) throws {
        guard let path else { descriptor = STDOUT_FILENO; ownsDescriptor = false; return }
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            StandardError.write("postwacht: cannot write to \(path) (\(String(cString: strerror(errno))))\n")
            throw ExitStatus.unusable
        }
        descriptor = opened
        ownsDescriptor = true
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ bytes: ArraySlice<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        if writeError == nil { writeError = Self.writeAll(buffer, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if ownsDescriptor, Glibc.close(descriptor) != 0, writeError == nil { writeError = String(cString: strerror(errno)) }
    }

    /// Writes every byte, again after an interrupted or partial write; the system's words if one fails.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }
}

/// Messages on stderr. A message that cannot be written is dropped: there is nowhere left to say so.
enum StandardError {
    static func write(_ text: String) { _ = OutputSink.writeAll(Array(text.utf8), to: STDERR_FILENO) }
}

/// Writes a whole file: a report or a baseline.
enum FileWriting {
    /// A regular file (or a new one) is written beside itself and renamed into place, so it is never
    /// left half written. Anything else that exists — a device such as /dev/stdout or /dev/null, a
    /// named pipe — is written through: renaming over it would replace the node with a regular file.
    /// Returns nil, or why it failed as the system words it.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        var status = stat()
        let exists = stat(path, &status) == 0
        let type = status.st_mode & S_IFMT
        if exists, type == S_IFDIR { return String(cString: strerror(EISDIR)) }
        if exists, type != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return String(cString: strerror(errno)) }
            let error = OutputSink.writeAll(bytes, to: descriptor)
            return Glibc.close(descriptor) != 0 && error == nil ? String(cString: strerror(errno)) : error
        }
        let directory = (path as NSString).deletingLastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.postwacht-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The permissions a new file gets (0666 less the umask), or the ones the replaced file had.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, exists ? status.st_mode & 0o7777 : 0o666 & ~mask)
        var error = OutputSink.writeAll(bytes, to: descriptor)
        if Glibc.close(descriptor) != 0, error == nil { error = String(cString: strerror(errno)) }
        if error == nil, rename(temporary, path) != 0 { error = String(cString: strerror(errno)) }
        if error != nil { unlink(temporary) }
        return error
    }
}
