import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a whole file (a report, a baseline) and raw bytes to a descriptor, with the system's own
/// words for what failed ("No space left on device"): FileHandle's non-throwing `write` traps when the
/// disk is full, and its throwing one words the cause as "NSCocoaErrorDomain error 512".
public enum FileWriting {
    /// A regular file (or a new one) is written beside itself and renamed into place, so it is never
    /// left half written. Anything else that exists — a device such as /dev/stdout or /dev/null, a
    /// named pipe — is written through: renaming over it would replace the node with a regular file.
    /// Returns nil, or why it failed as the system words it.
    public static func write(_ bytes: [UInt8], to path: String) -> String? {
        var status = stat()
        let exists = stat(path, &status) == 0
        let type = status.st_mode & S_IFMT
        if exists, type == S_IFDIR { return String(cString: strerror(EISDIR)) }
        if exists, type != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return String(cString: strerror(errno)) }
            let error = writeAll(bytes, to: descriptor)
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
        var error = writeAll(bytes, to: descriptor)
        if Glibc.close(descriptor) != 0, error == nil { error = String(cString: strerror(errno)) }
        if error == nil, rename(temporary, path) != 0 { error = String(cString: strerror(errno)) }
        if error != nil { unlink(temporary) }
        return error
    }

    /// Writes every byte, again after an interrupted or partial write; the system's words if one fails.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
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
