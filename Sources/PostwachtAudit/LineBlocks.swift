import Foundation
import PostwachtCore

/// JSONL lines read as one block of whole lines. The reading thread only finds where a block's last
/// line ends; splitting, decoding and checking the lines happen on a checking thread, so reading costs
/// next to nothing per record.
public struct LineBlock: Sendable {
    /// Whole lines, each ending in LF except perhaps the last line of the file.
    public var bytes: [UInt8]
    public var path: String
    /// The 1-based number of the block's first line in its file.
    public var firstLine: Int
    /// The encoding the lines were converted from, when the file was not UTF-8.
    public var encoding: TextEncoding?

    /// The block's non-blank lines (CR LF endings allowed) with their line numbers.
    func forEachLine(_ body: (ArraySlice<UInt8>, Int) -> Void) {
        var start = 0
        var number = firstLine
        while start < bytes.count {
            let end = bytes.withUnsafeBufferPointer { $0.offset(of: 0x0A, from: start) } ?? bytes.count
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { body(line, number) }
            start = end + 1
            number += 1
        }
    }
}

/// Cuts a stream of bytes into line blocks of about `blockSize` bytes. A line longer than
/// `maximumLineBytes` is reported, skipped and never held in memory whole.
struct LineBlockCutter {
    enum Piece {
        case block(LineBlock)
        case tooLong(line: Int, byteCount: Int)
    }

    let path: String
    let maximumLineBytes: Int
    private var pending: [UInt8] = []
    private var nextLine = 1
    /// Bytes of an over-long line seen so far, while skipping to its end.
    private var skipping: Int?

    init(path: String, maximumLineBytes: Int = Document.maximumByteCount) {
        self.path = path
        self.maximumLineBytes = maximumLineBytes
    }

    mutating func feed(_ chunk: some Collection<UInt8>, emit: (Piece) -> Void) {
        // `pending` never holds a line end between calls, so only the new bytes are searched for one:
        // a long line costs linear time, not a rescan of all it has so far per chunk.
        let searchFrom = pending.count
        pending.append(contentsOf: chunk)
        if let skipped = skipping {
            guard let newline = pending.firstIndex(of: 0x0A) else {
                skipping = skipped + pending.count
                pending.removeAll(keepingCapacity: true)
                return
            }
            emit(.tooLong(line: nextLine, byteCount: skipped + newline))
            nextLine += 1
            skipping = nil
            pending.removeSubrange(...newline)
        }
        guard let lastNewline = pending[min(searchFrom, pending.count)...].lastIndex(of: 0x0A) else {
            if pending.count > maximumLineBytes {
                skipping = pending.count
                pending.removeAll(keepingCapacity: true)
            }
            return
        }
        let whole = Array(pending[...lastNewline])
        pending.removeSubrange(...lastNewline)
        let lines = whole.withUnsafeBufferPointer { buffer in
            var count = 0, start = 0
            while let newline = buffer.offset(of: 0x0A, from: start) {
                count += 1
                start = newline + 1
            }
            return count
        }
        // A finished line may itself be over-long when it arrived in one chunk.
        if let longest = longestLine(whole), longest > maximumLineBytes {
            splitAroundLongLines(whole, emit: emit)
        } else {
            emit(.block(LineBlock(bytes: whole, path: path, firstLine: nextLine)))
            nextLine += lines
        }
        if pending.count > maximumLineBytes {
            skipping = pending.count
            pending.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish(emit: (Piece) -> Void) {
        if let skipped = skipping {
            emit(.tooLong(line: nextLine, byteCount: skipped + pending.count))
        } else if !pending.isEmpty {
            emit(.block(LineBlock(bytes: pending, path: path, firstLine: nextLine)))
        }
        pending = []
    }

    private func longestLine(_ bytes: [UInt8]) -> Int? {
        guard bytes.count > maximumLineBytes else { return nil }
        var longest = 0, start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            longest = max(longest, end - start)
            start = end + 1
        }
        return longest
    }

    /// The rare block holding a line over the limit: its lines one by one.
    private mutating func splitAroundLongLines(_ bytes: [UInt8], emit: (Piece) -> Void) {
        var start = 0
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            if end - start > maximumLineBytes {
                emit(.tooLong(line: nextLine, byteCount: end - start))
            } else {
                emit(.block(LineBlock(bytes: Array(bytes[start...end]), path: path, firstLine: nextLine)))
            }
            nextLine += 1
            start = end + 1
        }
    }
}
