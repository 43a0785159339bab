import XCTest
@testable import PostwachtCore

final class TextModelTests: XCTestCase {
    func testPositionsCountScalarsUTF16AndLines() {
        let text = "a😀b\nĳ e\u{0301}x"
        var positions = TextPositions(Array(text.utf8))
        let bytes = Array(text.utf8)
        let xOffset = bytes.lastIndex(of: UInt8(ascii: "x"))!
        let location = positions.location(of: xOffset..<(xOffset + 1))
        XCTAssertEqual(location.scalars, OffsetRange(start: 8, end: 9))
        XCTAssertEqual(location.utf16, OffsetRange(start: 9, end: 10))
        XCTAssertEqual(location.line, 2)
        XCTAssertEqual(location.column, 5)
        let emoji = positions.location(of: 1..<5)
        XCTAssertEqual(emoji.scalars, OffsetRange(start: 1, end: 2))
        XCTAssertEqual(emoji.utf16, OffsetRange(start: 1, end: 3))
        XCTAssertEqual(emoji.line, 1)
        XCTAssertEqual(emoji.column, 2)
    }

    /// Findings come sorted by start, and one may lie inside the one before ("kut" in "jij bent een
    /// kut"); every range, in any order, gets the positions a fresh conversion gives it.
    func testPositionsOfNestedAndUnsortedRangesMatchAFreshConversion() {
        let bytes = Array("jij bent een kut 😀,\nĳ bent een kut".utf8)
        let ranges = [0..<16, 13..<16, 13..<16, 14..<15, 17..<21, 0..<bytes.count, 23..<bytes.count, 5..<8, bytes.count..<bytes.count]
        var shared = TextPositions(bytes)
        for range in ranges {
            var fresh = TextPositions(bytes)
            XCTAssertEqual(shared.location(of: range), fresh.location(of: range), "\(range)")
        }
    }

    func testFindingsBeyondTheLimitAreDroppedWithAWarning() {
        let limit = Checker.maximumFindings
        let text = String(repeating: "wat een kutdag ", count: limit + 50)
        guard case .checked(let result) = TestSupport.checker().lint(Record(id: "x", text: text)) else { return XCTFail() }
        XCTAssertEqual(result.findings.count, limit)
        XCTAssertEqual(result.warnings.map(\.code), ["findings.truncated"])
        XCTAssertTrue(result.warnings[0].message(in: .en).contains("\(limit + 50) findings"), result.warnings[0].message(in: .en))
        XCTAssertEqual(result.findings.last?.utf8.start, 8 + 15 * (limit - 1), "the first ones in text order are kept")

        // Warnings only up to the limit, the one error after it: it is kept, so exit codes and verdicts hold.
        let later = String(repeating: "echt kanker ", count: limit + 5) + "wat een kutdag"
        guard case .checked(let mixed) = TestSupport.checker().lint(Record(id: "y", text: later)) else { return XCTFail() }
        XCTAssertEqual(mixed.findings.count, limit)
        XCTAssertEqual(mixed.findings.dropLast().map(\.severity).max(), .warning)
        XCTAssertEqual(mixed.findings.last?.match, "kutdag")
        XCTAssertEqual(mixed.findings.last?.severity, .error)
    }

    func testInvalidUTF8IsRepairedAndWarned() {
        let bytes: [UInt8] = Array("Wat een ".utf8) + [0xFF, 0xC3] + Array(" kutdag".utf8)
        guard case .checked(let result) = TestSupport.checker().lint(Record(id: "x", bytes: bytes)) else { return XCTFail() }
        XCTAssertEqual(result.warnings.map(\.code), ["input.invalid-utf8"])
        XCTAssertEqual(result.findings.map(\.match), ["kutdag"])
        XCTAssertEqual(result.findings.first?.span, OffsetRange(start: 11, end: 17))
    }

    func testValidatorAgreesWithTheStandardLibrary() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(UTF8Decoding.isValid(bytes), expected, "\(bytes)")
        }
    }

    func testNULBytesAndByteOrderMarkAreHandled() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("kut\u{0000}school \u{0000} tyfus".utf8)
        guard case .checked(let file) = TestSupport.checker().lint(Record(id: "x", bytes: UTF8Decoding.droppingByteOrderMark(bytes))) else { return XCTFail() }
        XCTAssertEqual(file.findings.map(\.match), ["kut", "tyfus"])
        XCTAssertEqual(file.findings.first?.span.start, 0, "a file's offsets count from after the byte-order mark")
        // In a JSON string or a request, U+FEFF is a character of the text: offsets count it.
        guard case .checked(let record) = TestSupport.checker().lint(Record(id: "x", bytes: bytes)) else { return XCTFail() }
        XCTAssertEqual(record.findings.map(\.match), ["kut", "tyfus"])
        XCTAssertEqual(record.findings.first.map { [$0.span.start, $0.utf16.start, $0.utf8.start, $0.column] }, [1, 1, 3, 2])
    }

    func testLinesEndAtLineFeedCarriageReturnLineFeedOrALoneCarriageReturn() {
        for (text, line, column) in [("hallo\nkut", 2, 1), ("hallo\r\nkut", 2, 1), ("hallo\rkut", 2, 1), ("hallo\r\n\rkut", 3, 1), ("hallo kut", 1, 7)] {
            let finding = TestSupport.findings(text).first
            XCTAssertEqual(finding.map { [$0.line, $0.column] }, [line, column], text.debugDescription)
        }
    }

    func testFiftyMegabyteLineIsChecked() {
        var text = String(repeating: "Beste ouders, de sportdag is morgen. ", count: 1_400_000)
        text += "wat een kutschool"
        XCTAssertGreaterThan(text.utf8.count, 50_000_000)
        let findings = TestSupport.findings(text)
        XCTAssertEqual(findings.map(\.match), ["kutschool"])
        XCTAssertEqual(findings.first?.line, 1)
        XCTAssertEqual(findings.first?.column, text.unicodeScalars.count - 9 + 1)
    }

    func testKeyFoldingSeesThroughDisguises() {
        let folder = KeyFolder()
        XCTAssertEqual(String(decoding: folder.key(of: "ＫＡＮＫＥＲ"), as: UTF8.self), "kanker")
        XCTAssertEqual(String(decoding: folder.key(of: "k\u{0430}nker"), as: UTF8.self), "kanker")
        XCTAssertEqual(String(decoding: folder.key(of: "Mongolië"), as: UTF8.self), "mongolie")
        XCTAssertEqual(String(decoding: folder.key(of: "Ĳsselmeer"), as: UTF8.self), "ijsselmeer")
        XCTAssertEqual(String(decoding: folder.key(of: "t.y.f.u.s"), as: UTF8.self), "tyfus")
        XCTAssertEqual(String(decoding: folder.key(of: "z’n"), as: UTF8.self), "zn")
        var output: [UInt8] = []
        KeyFolder.leetVariant(of: Array("k4nk3r".utf8), one: UInt8(ascii: "i"), into: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "kanker")
        KeyFolder.squeezed(Array("kuuuuut".utf8), keep: 1, into: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "kut")
    }

    /// Fingerprints are what baselines and dashboards recognise a finding by: their value must not drift.
    func testFingerprintIsFNV1aOfRuleAndNormalizedValue() {
        XCTAssertEqual(Fingerprint.of(rule: "profanity.curse", normalized: "k4nker"), "f391d76c60ed0f97")
        XCTAssertEqual(Fingerprint.of(rule: "a", normalized: ""), "089be907b544fdc9")
    }

    /// The reference vectors of the SipHash paper: key 00…0f, messages 00, 00 01, … (lengths 0, 1, 15).
    func testSipHashMatchesTheReferenceVectors() {
        let k0: UInt64 = 0x0706_0504_0302_0100, k1: UInt64 = 0x0F0E_0D0C_0B0A_0908
        XCTAssertEqual(SipHash.hash([], k0: k0, k1: k1), 0x726F_DB47_DD0E_0E31)
        XCTAssertEqual(SipHash.hash([0], k0: k0, k1: k1), 0x74F8_39C5_93DC_67FD)
        XCTAssertEqual(SipHash.hash(Array(0..<15), k0: k0, k1: k1), 0xA129_CA61_49BE_45E5)
    }

    /// With a school's key a fingerprint cannot be recomputed by whoever lacks it, and stays stable with it.
    func testKeyedFingerprintsDependOnTheKey() throws {
        let key = try XCTUnwrap(FingerprintKey(secret: Array("6f1c0d9a2b7e4c3f8a5d1e0b9c7a6f4e\n".utf8)))
        let other = try XCTUnwrap(FingerprintKey(secret: Array("00000000000000000000000000000001".utf8)))
        let keyed = Fingerprint.of(rule: "privacy.phone", normalized: "+31673918264", key: key)
        XCTAssertEqual(keyed, Fingerprint.of(rule: "privacy.phone", normalized: "+31673918264", key: key))
        XCTAssertNotEqual(keyed, Fingerprint.of(rule: "privacy.phone", normalized: "+31673918264"))
        XCTAssertNotEqual(keyed, Fingerprint.of(rule: "privacy.phone", normalized: "+31673918264", key: other))
        XCTAssertNil(FingerprintKey(secret: Array("  kort \n".utf8)), "too short to be a secret")
        var options = LintOptions()
        options.fingerprintKey = key
        XCTAssertEqual(TestSupport.findings("Bel me op 06-73918264", options: options).first?.fingerprint, keyed)
    }
}
