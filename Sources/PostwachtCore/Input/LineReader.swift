import Foundation

/// Reads a file or stdin line by line in fixed-size chunks, so memory stays flat however long the input.
/// Lines longer than `maximumLineBytes` are reported as `.tooLong` (their bytes skipped), not loaded.
package final class LineReader {
    package enum Line {
        case text([UInt8])
        case tooLong(byteCount: Int)
    }

    package let maximumLineBytes: Int
    /// The encoding the input was converted from, once the first bytes are read, when it was found
    /// (a UTF-16 byte-order mark or NUL pattern) rather than chosen.
    package private(set) var detectedEncoding: TextEncoding?
    private let choice: EncodingChoice
    private var transcoder: TextTranscoder?
    private var started = false
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    package private(set) var lineNumber = 0

    package init(handle: FileHandle, maximumLineBytes: Int = Document.maximumByteCount, encoding: EncodingChoice = .automatic) {
        self.handle = handle
        self.maximumLineBytes = maximumLineBytes
        choice = encoding
    }

    /// The next line without its terminator (LF or CR LF), or nil at the end.
    package func next() throws -> Line? {
        var oversized = 0
        var partial: [UInt8] = []
        while true {
            if let newline = nextNewline() {
                let piece = buffer[position..<newline]
                position = newline + 1
                lineNumber += 1
                if oversized > 0 || partial.count + piece.count > maximumLineBytes {
                    return .tooLong(byteCount: oversized + partial.count + piece.count)
                }
                var line: [UInt8]
                if partial.isEmpty { line = Array(piece) } else { line = partial; line.append(contentsOf: piece) }
                if line.last == 0x0D { line.removeLast() }
                return .text(line)
            }
            let rest = buffer[position...]
            if oversized > 0 || partial.count + rest.count > maximumLineBytes {
                oversized += partial.count + rest.count
                partial = []
            } else {
                partial.append(contentsOf: rest)
            }
            buffer.removeAll(keepingCapacity: true)
            position = 0
            if atEnd {
                guard oversized > 0 || !partial.isEmpty else { return nil }
                lineNumber += 1
                if oversized > 0 { return .tooLong(byteCount: oversized) }
                if partial.last == 0x0D { partial.removeLast() }
                return .text(partial)
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty {
                atEnd = true
                if transcoder != nil { buffer.append(contentsOf: transcoder!.finish()) }
            } else {
                append(chunk)
            }
        }
    }

    /// Appends a chunk as UTF-8: the first one says whether the input is UTF-16 (or the chosen encoding
    /// is another), and from then on every chunk is converted.
    private func append(_ chunk: Data) {
        var bytes = [UInt8](chunk)[...]
        if !started {
            started = true
            let start = EncodingDetection.start(of: bytes, choice: choice)
            bytes = bytes.dropFirst(start.markLength)
            detectedEncoding = start.detected
            if start.encoding != .utf8 { transcoder = TextTranscoder(start.encoding) }
        }
        if transcoder != nil { buffer.append(contentsOf: transcoder!.convert(bytes)) } else { buffer.append(contentsOf: bytes) }
    }

    /// The index of the next LF in the buffer from `position`.
    private func nextNewline() -> Int? {
        buffer.withUnsafeBufferPointer { $0.offset(of: 0x0A, from: position) }
    }
}
