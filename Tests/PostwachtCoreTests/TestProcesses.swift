import Foundation
import XCTest

/// The built `postwacht` binary run as a process, and temporary export folders: shared by the tests
/// that run the command line (CommandLineTests, GoldenCLITests) and those that write exports (AuditTests,
/// ImportThreadTests).
extension TestSupport {
    /// The `postwacht` binary beside the test bundle.
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { directory = bundle.bundleURL.deletingLastPathComponent() }
        return directory.appendingPathComponent("postwacht")
    }

    struct Run { var status: Int32; var stdout: Data; var stderr: Data }

    /// Runs the binary with `stdin`; `environment` changes the inherited environment (nil removes a
    /// variable). Stderr is read on another thread so neither pipe fills while the other is drained.
    static func runBinary(_ arguments: [String], stdin: Data, in directory: URL = repositoryRoot,
                          environment changes: [String: String?] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(error.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: out, stderr: errorData.get())
    }
}

extension XCTestCase {
    /// A fresh folder removed when the test ends.
    func temporaryDirectory(prefix: String = "postwacht-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `text` to `path` below `root`, making the folders on the way.
    func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
