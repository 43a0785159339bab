/// Context words that decide whether an ambiguous profanity word is meant profanely
/// (`Lexicons/nl/profanity-context.tsv`; roles are documented in its header).
struct ProfanityContext: Sendable {
    var medicalBefore = ByteStringTable<Bool>()
    var medicalAfter = ByteStringTable<Bool>()
    var medicalTails = StemIndex(fromEnd: false)
    var insultBefore = ByteStringTable<Bool>()
    var medicalPost = ByteStringTable<Bool>()
    /// Articles skipped when looking for the word before a disease word (aan de tering).
    static let articles: Set<[UInt8]> = [Array("de".utf8), Array("het".utf8), Array("een".utf8)]

    init(_ file: LexiconFile) throws(LexiconError) {
        let folder = KeyFolder()
        for row in file.rows {
            guard row.fields.count == 2 else { throw file.error(row, "expected word<TAB>role") }
            let key = folder.key(of: row.fields[0])
            switch row.fields[1] {
            case "medical-before": medicalBefore.set(true, for: key)
            case "medical-after": medicalAfter.set(true, for: key)
            case "medical-tail": medicalTails.insert(key, value: 0)
            case "insult-before": insultBefore.set(true, for: key)
            case "medical-post": medicalPost.set(true, for: key)
            default: throw file.error(row, "unknown role '\(row.fields[1])'; use medical-before, medical-after, medical-tail, medical-post or insult-before")
            }
        }
    }
}
