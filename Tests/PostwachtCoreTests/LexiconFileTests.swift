import XCTest
@testable import PostwachtCore

/// The byte-level reader of lexicon files keeps the format's promises: header comments before the
/// first row, blank and whitespace-only lines skipped, fields trimmed, CRLF files read as LF files,
/// line numbers counted from 1 for error messages.
final class LexiconFileTests: XCTestCase {
    func testHeaderRowsFieldsAndLineNumbers() {
        let file = LexiconFile(path: "x.tsv", contents: "# Bron: test\n#  Licentie: CC0 \n\nkanker\t 2 \n \t \n# later comment\nkut\tcurse\t\n")
        XCTAssertEqual(file.header, ["Bron: test", "Licentie: CC0"])
        XCTAssertEqual(file.rows.map(\.line), [4, 7])
        XCTAssertEqual(file.rows.map(\.fields), [["kanker", "2"], ["kut", "curse", ""]])
        XCTAssertEqual(file.error(file.rows[1], "fout").description, "x.tsv:7: fout")
    }

    func testCRLFAndMultibyteAndNoFinalNewline() {
        let file = LexiconFile(path: "y.tsv", contents: "#kop\r\nkänker\tÿ\r\nзло\t1")
        XCTAssertEqual(file.header, ["kop"])
        XCTAssertEqual(file.rows.map(\.fields), [["känker", "ÿ"], ["зло", "1"]])
        XCTAssertEqual(file.rows.map(\.line), [2, 3])
    }

    func testEmptyFile() {
        let file = LexiconFile(path: "z.tsv", contents: "")
        XCTAssertTrue(file.header.isEmpty)
        XCTAssertTrue(file.rows.isEmpty)
    }
}
