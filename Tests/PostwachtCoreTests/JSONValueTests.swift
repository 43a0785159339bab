import Foundation
import XCTest
@testable import PostwachtCore

/// The JSONL parser: what it reads, what it refuses and where, and that it agrees with Foundation.
final class JSONValueTests: XCTestCase {
    func testReadsEveryKindOfValue() throws {
        let value = try JSONValue.parse(Array(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "": "\u00e9\ud83d\ude00\n\/"} "#.utf8))
        XCTAssertEqual(value["a"], .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(value["b"]?["c"]?.string, "d")
        XCTAssertEqual(value[""]?.string, "é😀\n/")
        XCTAssertEqual(try JSONValue.parse(Array("\u{FEFF}[]".utf8)), .array([]), "a byte-order mark is allowed")
        XCTAssertEqual(try JSONValue.parse(Array(#"{"k": 1, "k": 2}"#.utf8))["k"], .number("2"), "the last of a repeated key counts")
    }

    func testStringsKeepTheirBytes() throws {
        // A lone surrogate has no UTF-8 form; bad bytes pass through for the text model to repair and warn.
        XCTAssertEqual(try JSONValue.parse(Array(#""a\udc00b""#.utf8)), .string(Array("a\u{FFFD}b".utf8)[...]))
        XCTAssertEqual(try JSONValue.parse([0x22, 0x61, 0xFF, 0x22]), .string([0x61, 0xFF]))
        XCTAssertEqual(try JSONValue.parse(Array(#""\u0000""#.utf8)), .string([0]))
    }

    func testNamesTheProblemAndWhere() {
        let cases: [(String, String)] = [
            (#"{"a": 1,}"#, "expected a quoted key in an object at byte 9"),
            (#"{"a" 1}"#, "expected ':' after the key \"a\" at byte 6"),
            ("[1 2]", "expected ',' or ']' in an array at byte 4"),
            (#""abc"#, "unexpected end of input inside a string at byte 5"),
            ("{\"a\": tru}", "invalid literal, expected 'true' at byte 7"),
            ("01", "a number may not start with 0 at byte 1"),
            (#""\x""#, "invalid escape: 'x' after a backslash in a string at byte 3"),
            ("\"a\tb\"", "a control character (0x9) inside a string must be escaped at byte 3"),
            ("{} x", "unexpected 'x' after the JSON value at byte 4"),
            ("", "empty input, expected a JSON value at byte 1"),
            (#"{"text": "Onafgemaakt, "author_role": school}"#, "expected ',' or '}' in an object at byte 25"),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try JSONValue.parse(Array(input.utf8)), input) { error in
                XCTAssertEqual("\(error)", expected, input)
            }
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        XCTAssertThrowsError(try JSONValue.parse(deep)) { error in
            XCTAssertTrue("\(error)".contains("nested deeper than 512"), "\(error)")
        }
    }

    /// Every fixture line reads to the same text as Foundation reads; so do random damaged copies,
    /// which both parsers must accept or refuse alike.
    func testAgreesWithFoundation() throws {
        let folders = ["posts", "holdout"].map { TestSupport.fixtures.appendingPathComponent($0) }
        var lines: [[UInt8]] = []
        for folder in folders {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".jsonl") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                lines += text.split(separator: "\n").map { Array($0.utf8) }
            }
        }
        XCTAssertGreaterThan(lines.count, 600)
        func foundationText(_ line: [UInt8]) -> String?? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]) else { return .none }
            return .some((object as? [String: Any])?["text"] as? String)
        }
        func ownText(_ line: [UInt8]) -> String?? {
            guard let value = try? JSONValue.parse(line) else { return .none }
            return .some(value["text"]?.string)
        }
        for line in lines { XCTAssertEqual(ownText(line), foundationText(line)) }

        var generator = SplitMix(seed: 7)
        let significant = Array(#"{}[],:"\ 0123456789-+.eEtrufalsn/"#.utf8) + [0x09, 0x0A, 0x01]
        var compared = 0
        for _ in 0..<4000 {
            var line = lines.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<line.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: line.remove(at: at)
                case 1: line.insert(significant.randomElement(using: &generator)!, at: at)
                default: line[at] = significant.randomElement(using: &generator)!
                }
            }
            // Where the two knowingly differ: bad UTF-8 and lone surrogates are the text model's to repair.
            guard String(validating: line, as: UTF8.self) != nil, !String(decoding: line, as: UTF8.self).lowercased().contains("\\ud") else { continue }
            XCTAssertEqual(ownText(line), foundationText(line), String(decoding: line, as: UTF8.self))
            compared += 1
        }
        XCTAssertGreaterThan(compared, 3000)
    }
}
