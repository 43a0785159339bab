import Foundation
import XCTest
import PostwachtCore
import PostwachtReporting
import PostwachtSession

/// The session layer `check`, `audit` and `serve` share: what it loads and refuses, the options it
/// decides, the exit verdict, the baseline file and the streaming reporter contract.
final class SessionTests: XCTestCase {
    private func settings(_ change: (inout SessionSettings) -> Void = { _ in }) -> SessionSettings {
        var settings = SessionSettings()
        settings.lexiconDirectory = TestSupport.lexicons.path
        // No postwacht.yaml is looked for above a fresh folder.
        settings.workingDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID())").path
        change(&settings)
        return settings
    }

    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testAnUnknownOrganisationIsATypedErrorNamingThePacks() {
        XCTAssertThrowsError(try Session.load(settings { $0.organisation = "onbekend-lyceum" }, warn: { _ in })) { error in
            guard let error = error as? SessionError, case .unknownPack(let setting, let id, let known) = error.kind else {
                return XCTFail("not an unknown pack: \(error)")
            }
            XCTAssertEqual(setting, "organisation")
            XCTAssertEqual(id, "onbekend-lyceum")
            XCTAssertTrue(known.contains("regenboog"))
            XCTAssertEqual(error.lines(in: .en), ["unknown organisation 'onbekend-lyceum'; choose one of \(known.joined(separator: ", "))"])
        }
    }

    func testFlagsOverTheConfigurationOverTheDefaults() throws {
        let config = try temporaryFile("postwacht.yaml", "policy: regenboog\nrole: staff\nchannel: facebook\nrules:\n  no.such-rule: off\n")
        var warnings: [String] = []
        let session = try Session.load(settings { $0.configFile = config; $0.channel = "website" }, warn: { warnings.append($0.text(in: .en)) })
        XCTAssertEqual(warnings, ["\(config): unknown rule 'no.such-rule' (see postwacht rules)"])
        let options = session.lintOptions()
        XCTAssertEqual(options.policy, "regenboog")
        XCTAssertEqual(options.defaultRole, .staff)
        XCTAssertEqual(options.defaultChannel, "website")
        XCTAssertEqual(session.lintOptions(role: .parent).defaultRole, .parent)
    }

    func testWithoutASchoolTheNoticeIsGivenAndMachineOutputMarksRecords() throws {
        let session = try Session.load(settings(), warn: { _ in })
        var options = session.lintOptions()
        XCTAssertNotNil(session.schoolNotice(&options, machineOutput: true))
        XCTAssertTrue(options.marksRecordsWithoutSchool)
        var withSchool = try Session.load(settings { $0.organisation = "svok" }, warn: { _ in }).lintOptions()
        XCTAssertNil(session.schoolNotice(&withSchool, machineOutput: true))
    }

    func testTheVerdictFollowsTheThresholdAndWhatCouldBeRead() {
        var warning = RunSummary()
        warning.add(TestSupport.checker().lint(Record(id: "a", text: "Mail gerust naar jan@example.nl", metadata: RecordMetadata())))
        XCTAssertEqual(warning.highestSeverity, .warning)
        XCTAssertEqual(RunVerdict(warning, opened: true, failOn: .warning), .findings)
        XCTAssertEqual(RunVerdict(warning, opened: true, failOn: .error), .clean)
        XCTAssertEqual(RunVerdict(warning, opened: true, failOn: .never), .clean)
        XCTAssertEqual(RunVerdict(warning, opened: false, failOn: .never), .unusable)
        var unreadable = RunSummary()
        unreadable.add(.failed(id: "b", error: RecordError(code: "input.invalid-json", message: "")))
        XCTAssertEqual(RunVerdict(unreadable, opened: true, failOn: .warning), .unusable)
        XCTAssertEqual(RunVerdict(RunSummary(), opened: true, failOn: .info), .clean)
    }

    func testABaselineReadsBackWhatWasWrittenAndRefusesWhatIsNone() throws {
        let path = try temporaryFile("baseline.json", "")
        try BaselineFile.write(["b", "a", "b"], to: path)
        XCTAssertEqual(try BaselineFile.read(path), ["a", "b"])
        let notOne = try temporaryFile("not.json", "[1, 2]")
        XCTAssertThrowsError(try BaselineFile.read(notOne)) { error in
            XCTAssertEqual((error as? SessionError)?.lines(in: .nl), ["\(notOne) is geen basisbestand van postwacht (maak er een met --write-baseline)"])
        }
    }

    /// The recorder writes exactly what the format's reporter writes, and keeps the summary.
    func testTheRecorderWritesWhatTheReporterWrites() {
        let outcomes = ["Wat een k4nkerschool", "Hallo allemaal"].enumerated().map { index, text in
            TestSupport.checker().lint(Record(id: "r\(index)", text: text, metadata: RecordMetadata()))
        }
        for format in OutputFormat.allCases {
            var reporter = makeReporter(format, style: ReportStyle())
            let (expected, summary) = reporter.streamed(outcomes)
            let sink = BytesSink()
            var recorder = RunRecorder(FormatReporter(format, style: ReportStyle()), sink: sink)
            for outcome in outcomes { recorder.record(outcome) }
            XCTAssertNil(recorder.close())
            XCTAssertEqual(String(decoding: sink.bytes, as: UTF8.self), expected, "\(format)")
            XCTAssertEqual(recorder.summary, summary)
        }
    }
}

private final class BytesSink: ByteSink {
    var bytes: [UInt8] = []
    var writeError: String? { nil }
    func write(_ bytes: ArraySlice<UInt8>) { self.bytes += bytes }
    func flush() {}
    func close() {}
}
