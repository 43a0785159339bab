import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Gives memory back to the system after large requests.
///
/// A 1 MiB post needs tens of megabytes while it is checked (body, decoded text, tokens, findings).
/// glibc's malloc keeps what is freed in per-thread arenas, so after 16 such posts in parallel the
/// service stayed at ~550 MB resident for good. Shortly after the last large request is answered, one
/// `malloc_trim(0)` returns the free pages of every arena. Small posts never trigger it.
final class MemoryTrimmer: @unchecked Sendable {
    /// Bodies above this many bytes count as large.
    static let largeBodyBytes = 256 * 1024

    private let delay: DispatchTimeInterval
    private let lock = NSLock()
    private var scheduled = false
    private let queue = DispatchQueue(label: "postwacht.memory-trim")

    init(delay: DispatchTimeInterval = .milliseconds(300)) { self.delay = delay }

    /// Called when a large request is done; one trim follows after `delay`, however many arrive meanwhile.
    func largeRequestFinished() {
        lock.lock()
        defer { lock.unlock() }
        guard !scheduled else { return }
        scheduled = true
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            lock.lock()
            scheduled = false
            lock.unlock()
            Self.trim()
        }
    }

    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not declare it (malloc.h).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    static func trim() {
        _ = mallocTrim?(0)
    }
}
