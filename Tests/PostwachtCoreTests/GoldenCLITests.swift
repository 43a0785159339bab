import Foundation
import XCTest

/// Golden tests of the `postwacht` binary: every folder in Fixtures/cli/ is one run, from the
/// package root so relative paths in the output stay the same.
///
///     args             one argument per line
///     stdin            (optional) bytes fed to stdin, as they are (may be invalid UTF-8)
///     expected-stdout  stdout, byte for byte
///     expected-stderr  (optional) stderr, byte for byte; without it stderr is not compared
///                      (for runs whose stderr carries timings)
///     expected-status  the exit code
///
/// `POSTWACHT_UPDATE_GOLDEN=1 swift test --filter GoldenCLITests` rewrites expected-stdout,
/// expected-status and any expected-stderr that exists from what the binary does now.
final class GoldenCLITests: XCTestCase {

    private static let casesDirectory = TestSupport.fixtures.appendingPathComponent("cli")

    private static var updating: Bool { ProcessInfo.processInfo.environment["POSTWACHT_UPDATE_GOLDEN"] == "1" }

    private func run(_ arguments: [String], stdin: Data) throws -> TestSupport.Run {
        try TestSupport.runBinary(arguments, stdin: stdin, environment: ["POSTWACHT_UPDATE_GOLDEN": nil, "NO_COLOR": "1"])
    }

    func testEveryGoldenCase() throws {
        let fileManager = FileManager.default
        XCTAssertTrue(fileManager.isExecutableFile(atPath: TestSupport.binary.path), "no postwacht binary at \(TestSupport.binary.path); run swift build")
        let names = try fileManager.contentsOfDirectory(atPath: Self.casesDirectory.path)
            .filter { !$0.hasPrefix(".") }
            .filter { var isDirectory: ObjCBool = false; return fileManager.fileExists(atPath: Self.casesDirectory.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10, "golden cases in \(Self.casesDirectory.path)")
        for name in names { try check(case: name) }
    }

    private func check(case name: String) throws {
        let directory = Self.casesDirectory.appendingPathComponent(name)
        func file(_ file: String) -> URL { directory.appendingPathComponent(file) }
        func read(_ name: String) -> Data? { try? Data(contentsOf: file(name)) }
        guard let argsData = read("args") else { return XCTFail("\(name): no args file") }
        let arguments = String(decoding: argsData, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
        let result = try run(arguments, stdin: read("stdin") ?? Data())
        let hasExpectedStderr = FileManager.default.fileExists(atPath: file("expected-stderr").path)

        if Self.updating {
            try result.stdout.write(to: file("expected-stdout"))
            try Data("\(result.status)\n".utf8).write(to: file("expected-status"))
            if hasExpectedStderr { try result.stderr.write(to: file("expected-stderr")) }
            return
        }
        let hint = "(rerun with POSTWACHT_UPDATE_GOLDEN=1 to accept the new output)"
        let expectedStatus = read("expected-status").map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        XCTAssertEqual(expectedStatus, "\(result.status)", "\(name): exit status \(hint)")
        let expectedStdout = read("expected-stdout") ?? Data()
        if expectedStdout != result.stdout {
            XCTFail("\(name): stdout differs \(hint)\n" + Self.diff(expected: expectedStdout, actual: result.stdout, label: "\(name)/expected-stdout"))
        }
        if hasExpectedStderr, let expectedStderr = read("expected-stderr"), expectedStderr != result.stderr {
            XCTFail("\(name): stderr differs \(hint)\n" + Self.diff(expected: expectedStderr, actual: result.stderr, label: "\(name)/expected-stderr"))
        }
    }

    /// A unified-style diff: the lines around each change, `-` expected, `+` actual.
    static func diff(expected: Data, actual: Data, label: String) -> String {
        let old = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        // Longest common subsequence table; golden files are small.
        var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Line { case same(String), removed(String), added(String) }
        var lines: [Line] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] { lines.append(.same(old[i])); i += 1; j += 1 }
            else if j < new.count, i == old.count || lcs[i][j + 1] > lcs[i + 1][j] { lines.append(.added(new[j])); j += 1 }
            else { lines.append(.removed(old[i])); i += 1 }
        }
        let context = 3
        let changed = lines.indices.filter { if case .same = lines[$0] { return false } else { return true } }
        var output = "--- \(label)\n+++ actual\n"
        var printedUpTo = -1
        for index in changed where index > printedUpTo {
            let start = max(index - context, printedUpTo + 1)
            if printedUpTo < 0 || start > printedUpTo + 1 { output += "@@ line \(start + 1) @@\n" }
            // Go on while changes follow within the context, so one hunk holds them.
            var end = min(index + context, lines.count - 1)
            for later in changed where later > index && later <= end + 1 { end = min(later + context, lines.count - 1) }
            for k in start...end {
                switch lines[k] {
                case .same(let text): output += " \(text)\n"
                case .removed(let text): output += "-\(text)\n"
                case .added(let text): output += "+\(text)\n"
                }
            }
            printedUpTo = end
        }
        return output
    }
}
