import Dispatch

/// Work started on another core while the caller goes on; `value()` waits for it.
///
/// Start-up reads ~50 lexicon files and decodes the YAML packs; the packs and the personal-data
/// lexicon (the largest) load beside the rest, so a CMS hook that starts postwacht per draft waits
/// for the longer half only.
final class LoadInBackground<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting for it.
    private var result: Result<Value, LexiconError>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws(LexiconError) -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { () throws(LexiconError) -> Value in try work() }
            self.done.signal()
        }
    }

    func value() throws(LexiconError) -> Value {
        done.wait()
        done.signal()  // a second call does not block
        return try result!.get()
    }
}
