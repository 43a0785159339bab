import XCTest
@testable import PostwachtCore

/// Checks behind the personal-data rules that their examples do not spell out.
final class PersonalDataTests: XCTestCase {
    func testElevenTestAndMod97() {
        XCTAssertTrue(NumberScanner.passesElevenTest(Array("123456782".utf8)))
        XCTAssertFalse(NumberScanner.passesElevenTest(Array("123456789".utf8)))
        XCTAssertFalse(NumberScanner.passesElevenTest(Array("000000000".utf8)))
        XCTAssertTrue(NumberScanner.passesMod97(Array("NL91ABNA0417164300".utf8)))
        XCTAssertTrue(NumberScanner.passesMod97(Array("nl91abna0417164300".utf8)))
        XCTAssertFalse(NumberScanner.passesMod97(Array("NL91ABNA0417164301".utf8)))
    }

    func testConsentRegisterDecidesTheSeverityOfAPupilsName() throws {
        let register = try ConsentRegister(csv: "naam,toestemming,klas\nSanne de Vries,nee,5B\nDaan Jansen,ja,5B\nZoë Bakker;ja\n", source: "test.csv")
        XCTAssertEqual(register.count, 3)
        XCTAssertEqual(register.consent(for: "sanne de vries"), false)
        XCTAssertEqual(register.consent(for: "Daan"), true, "a unique first name matches")
        XCTAssertEqual(register.consent(for: "Zoe Bakker"), true, "accents are ignored")
        XCTAssertNil(register.consent(for: "Noah"))
        let findings = TestSupport.findings("📸 Sanne de Vries en Daan Jansen bij de musical!", options: LintOptions(consent: register))
        let severities = Dictionary(uniqueKeysWithValues: findings.map { ($0.match, $0.severity) })
        XCTAssertEqual(severities["Sanne de Vries"], .error)
        XCTAssertEqual(severities["Daan Jansen"], .info)
    }

    func testConsentRegisterFromExcelOnWindowsIsRead() throws {
        let register = try ConsentRegister(csv: "naam,toestemming\r\nSanne de Vries,ja\r\nDaan Jansen,nee\r\n", source: "excel.csv")
        XCTAssertEqual(register.count, 2, "CRLF line ends split the lines")
        XCTAssertEqual(register.consent(for: "Sanne de Vries"), true)
        XCTAssertThrowsError(try ConsentRegister(csv: "naam,toestemming\r\n", source: "leeg.csv"), "a register without pupils is an error, not silence")
    }

    func testConsentRegisterErrorsNameTheLine() {
        XCTAssertThrowsError(try ConsentRegister(csv: "Sanne,misschien\n", source: "klas.csv")) { error in
            XCTAssertEqual((error as? ConsentRegister.ParseError)?.description, "klas.csv:1: consent must be ja/nee (yes/no), not 'misschien'")
        }
    }

    func testRedactionHidesEveryPersonalValue() {
        let text = "Bel 06-12345678, mail sanne@gmail.com, BSN 123456782, IBAN NL91ABNA0417164300, Kerkstraat 12a."
        let findings = TestSupport.findings(text)
        XCTAssertEqual(Set(findings.map(\.category)), [.phone, .email, .bsn, .iban, .address] as Set<FindingCategory>)
        let renderer = FindingRenderer(redact: true)
        for finding in findings {
            let rendered = renderer.render(finding)
            XCTAssertFalse(rendered.match.contains { $0.isNumber }, "\(finding.rule) shows \(rendered.match)")
            XCTAssertFalse(rendered.message.contains("12345678") || rendered.message.contains("sanne@"), rendered.message)
            XCTAssertFalse(rendered.normalized.contains("123456782"))
        }
    }

    func testSchoolMailboxIsInfoAndPersonalAddressIsWarning() {
        let findings = TestSupport.findings("Mail info@obs-demolen.nl of juf.anna@gmail.com")
        XCTAssertEqual(findings.map(\.severity), [.info, .warning])
    }
}
