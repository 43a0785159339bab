/// The data the personal-data rules read, loaded once from `Lexicons/` (file formats in their headers).
///
/// Scanners reach it through `LinterResources` (a class holding it in a `let`), never by copy: copying a
/// struct of this many tables retains every one of them.
struct PersonalDataLexicon: Sendable {
    /// Dutch number prefixes with trunk 0 ("010", "06", "0800") → allowed total digit counts.
    var phonePrefixes: [String: [Int]] = [:]
    var longestPhonePrefix = 0
    /// Service and emergency numbers (digits only) that are not anybody's personal data.
    var notPhoneNumbers: Set<String> = []
    /// IBAN country code → total length.
    var ibanLengths: [String: Int] = [:]
    var roleMailboxes: Set<String> = []
    var privateMailDomains: Set<String> = []
    var months = ByteStringTable<Int>()
    var numberContext = ByteStringTable<NumberContext>()
    var birthCues = TermList<BirthCue>(gap: .clausePunctuation)
    /// Strong cues that a post shows a photo or video; emoji cues are matched on bytes.
    var photoCues = TermList<Bool>()
    var photoEmoji = ByteSequences()
    var names = NameLexicon()
    var places = ByteStringTable<Bool>()
    var streetSuffixes = StemIndex(fromEnd: true)
    var streetWords = ByteStringTable<Bool>()
    var ambiguousStreetSuffixes = StemIndex(fromEnd: true)
    /// Words that introduce an address (bij, adres, woont op): let an ambiguous street name (…park, …hof) count.
    var addressCues = ByteStringTable<Bool>()

    enum NumberContext: Sendable { case bsn, other }

    struct BirthCue: OptionSet, Sendable {
        let rawValue: UInt8
        /// "geboren op 3 maart": the cue comes before the date.
        static let before = BirthCue(rawValue: 1)
        /// "op 12 mei jarig": after it.
        static let after = BirthCue(rawValue: 2)
        /// "…, 8 jaar geworden": a little after, saying an age.
        static let age = BirthCue(rawValue: 4)
    }

    init() {}

    static let files = [
        "nl/phone-numbering.tsv", "nl/not-phone-numbers.tsv", "iban-formats.tsv", "email-role-mailboxes.tsv",
        "private-email-domains.tsv", "nl/months.tsv", "nl/number-context.tsv", "nl/birthdate-cues.tsv",
        "nl/photo-cues.tsv", "nl/places.tsv", "nl/street-suffixes.tsv", "nl/address-cues.tsv",
    ] + NameLexicon.files

    init(reading read: (String) throws(LexiconError) -> LexiconFile, folder: KeyFolder) throws(LexiconError) {
        let phones = try read("nl/phone-numbering.tsv")
        for row in phones.rows {
            let lengths = row.fields.count >= 3 ? row.fields[2].split(separator: ",").compactMap { Int($0) } : []
            guard row.fields[0].allSatisfy(\.isASCIIDigit), row.fields[0].hasPrefix("0"), !lengths.isEmpty else {
                throw phones.error(row, "expected prefix<TAB>kind<TAB>lengths (digits starting with 0; lengths like 10 or 8,11)")
            }
            phonePrefixes[row.fields[0]] = lengths
            longestPhonePrefix = max(longestPhonePrefix, row.fields[0].count)
        }
        let service = try read("nl/not-phone-numbers.tsv")
        for row in service.rows {
            guard row.fields[0].allSatisfy(\.isASCIIDigit) else { throw service.error(row, "expected digits<TAB>meaning") }
            notPhoneNumbers.insert(row.fields[0])
        }
        let ibans = try read("iban-formats.tsv")
        for row in ibans.rows {
            guard row.fields.count >= 2, row.fields[0].count == 2, let length = Int(row.fields[1]) else {
                throw ibans.error(row, "expected country<TAB>length<TAB>bban")
            }
            ibanLengths[row.fields[0].uppercased()] = length
        }
        roleMailboxes = Set(try read("email-role-mailboxes.tsv").rows.map { $0.fields[0].lowercased() })
        privateMailDomains = Set(try read("private-email-domains.tsv").rows.map { $0.fields[0].lowercased() })
        let monthFile = try read("nl/months.tsv")
        for row in monthFile.rows {
            guard row.fields.count == 2, let number = Int(row.fields[1]), (1...12).contains(number) else {
                throw monthFile.error(row, "expected name<TAB>month number 1-12")
            }
            months.set(number, for: folder.key(of: row.fields[0]))
        }
        let contextFile = try read("nl/number-context.tsv")
        for row in contextFile.rows {
            switch row.fields.count == 2 ? row.fields[1] : "" {
            case "bsn": numberContext.set(.bsn, for: folder.key(of: row.fields[0]))
            case "other": numberContext.set(.other, for: folder.key(of: row.fields[0]))
            default: throw contextFile.error(row, "expected word<TAB>bsn|other")
            }
        }
        try loadBirthCues(try read("nl/birthdate-cues.tsv"), folder: folder)
        try loadPhotoCues(try read("nl/photo-cues.tsv"), folder: folder)
        try loadPlaces(try read("nl/places.tsv"), try read("nl/street-suffixes.tsv"), folder: folder)
        for row in try read("nl/address-cues.tsv").rows { addressCues.set(true, for: folder.key(of: row.fields[0])) }
        names = try NameLexicon(reading: read, folder: folder)
    }

    private mutating func loadBirthCues(_ file: LexiconFile, folder: KeyFolder) throws(LexiconError) {
        var positions: [String: BirthCue] = [:]
        for row in file.rows {
            let cue: BirthCue
            switch row.fields.count >= 2 ? row.fields[1] : "" {
            case "before": cue = .before
            case "after": cue = .after
            case "age": cue = .age
            default: throw file.error(row, "expected phrase<TAB>before|after|age")
            }
            positions[row.fields[0], default: []].insert(cue)
        }
        for (phrase, cue) in positions.sorted(by: { $0.key < $1.key }) { birthCues.insert(phrase, value: cue, folder: folder) }
    }

    private mutating func loadPhotoCues(_ file: LexiconFile, folder: KeyFolder) throws(LexiconError) {
        for row in file.rows {
            guard row.fields.count >= 2, ["strong", "weak"].contains(row.fields[1]) else {
                throw file.error(row, "expected cue<TAB>strong|weak")
            }
            guard row.fields[1] == "strong" else { continue }
            // Emoji are punctuation-like tokens without a key: matched on the bytes instead.
            if !row.fields[0].unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                photoEmoji.insert(Array(row.fields[0].utf8))
            } else {
                photoCues.insert(row.fields[0], value: true, folder: folder)
            }
        }
    }

    private mutating func loadPlaces(_ placeFile: LexiconFile, _ suffixFile: LexiconFile, folder: KeyFolder) throws(LexiconError) {
        for row in placeFile.rows {
            // Keys drop spaces, so "Den Haag" is found by joining the keys of the words that follow a postcode.
            places.set(true, for: folder.key(of: row.fields[0].replacingAll("-", with: " ")))
        }
        for row in suffixFile.rows {
            let key = folder.key(of: row.fields[0])
            switch row.fields.count >= 2 ? row.fields[1] : "" {
            case "low": streetSuffixes.insert(key, value: 0)
            case "high": ambiguousStreetSuffixes.insert(key, value: 0)
            case "standalone": streetWords.set(true, for: key)
            default: throw suffixFile.error(row, "expected suffix<TAB>low|high|standalone")
            }
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
