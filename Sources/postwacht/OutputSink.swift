import Foundation
import PostwachtSession
#if canImport(Glibc)
import Glibc
#endif

/// Where findings output goes: stdout or a file, written in 64 KB pieces rather than a system call per
/// record, with write(2) itself (`FileWriting.writeAll`: FileHandle traps when the disk is full).
final class OutputSink: ByteSink {
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
        if writeError == nil { writeError = FileWriting.writeAll(buffer, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if ownsDescriptor, Glibc.close(descriptor) != 0, writeError == nil { writeError = String(cString: strerror(errno)) }
    }
}

/// Messages on stderr. A message that cannot be written is dropped: there is nowhere left to say so.
enum StandardError {
    static func write(_ text: String) { _ = FileWriting.writeAll(Array(text.utf8), to: STDERR_FILENO) }
}
