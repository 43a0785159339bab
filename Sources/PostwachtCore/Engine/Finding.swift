/// One thing postwacht found, in no language: the rule, where, what was matched, the rule's words for
/// it as data, and the clauses it cites. `FindingRenderer` turns it into the words of one language,
/// masked or not, for every output and the HTTP service.
public struct Finding: Equatable, Sendable {
    /// The rule's id (`privacy.phone`).
    public var rule: String
    /// The rule's category.
    public var category: FindingCategory
    /// The severity, after policy, configuration and the detection's sureness.
    public var severity: Severity
    /// Unicode scalar offsets into the record's text, end exclusive.
    public var span: OffsetRange
    /// UTF-16 offsets into the record's text, end exclusive.
    public var utf16: OffsetRange
    /// UTF-8 byte offsets into the record's text (`LintResult.text`), end exclusive.
    public var utf8: OffsetRange
    /// 1-based line of the match's start.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the match's start.
    public var column: Int
    /// The text as written.
    public var match: String
    /// The text as matched after normalization.
    public var normalized: String
    /// Fills `{detail}` in the rule's message: what the rule saw (a word's class, the evidence).
    public var detail: LocalizedText?
    /// The rule's suggestion, or the detection's own (a school's disclaimer sentence).
    public var suggestion: LocalizedText
    /// The protocol clauses the finding cites, under the policy in force.
    public var clauses: [ProtocolClause]
    /// Stable hash of rule and normalized match; holds no readable personal data.
    public var fingerprint: String
    /// The finding is about the post as a whole (a missing disclaimer), not words in it: nothing to
    /// mask. Decided by the rule (`RuleDescription.judgesWholePost`), never by the span: a post that is
    /// only "06-12345678" is a phone number to mask.
    public var isPostLevel: Bool
}

/// The outcome of checking one record.
public struct LintResult: Sendable {
    /// The record's id.
    public var id: String
    /// The findings, in text order.
    public var findings: [Finding]
    /// Problems with the input that did not stop the check.
    public var warnings: [RecordWarning]
    /// The text the offsets refer to (after UTF-8 repair), for reporters that show context.
    public var text: [UInt8]
}

/// A record either checked or refused.
public enum RecordOutcome: Sendable {
    case checked(LintResult)
    case failed(id: String, error: RecordError)

    /// The record's id, checked or not.
    public var id: String {
        switch self {
        case .checked(let result): return result.id
        case .failed(let id, _): return id
        }
    }
}

/// Stable, non-reversible-at-a-glance identity of a finding: FNV-1a 64 of rule and normalized value.
/// Not a secrecy guarantee for short values such as phone numbers; it keeps reports free of readable data.
package enum Fingerprint {
    /// FNV-1a of "rule 0x1F normalized" as 16 lowercase hex digits, made without intermediate arrays:
    /// every finding gets one. With a school's key, SipHash-2-4 of the same bytes under that key.
    package static func of(rule: String, normalized: String, key: FingerprintKey? = nil) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if let key {
            hash = key.hash(Array(rule.utf8) + [0x1F] + Array(normalized.utf8))
        } else {
            for byte in rule.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
            for byte in normalized.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return String(unsafeUninitializedCapacity: 16) { digits in
            for position in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * position)) & 0xF
                digits[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }
}

/// Masks matched values for `--redact`: every letter and digit becomes •, other characters stay.
enum Redaction {
    static func mask(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? "•" : scalar
        }))
    }
}
