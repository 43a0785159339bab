/// What tells a person's name in a Dutch post: given names, surnames, tussenvoegsels, the titles
/// before staff names, words that only look like names, and the words that mark a child.
struct NameLexicon: Sendable {
    /// Given name key → whether it is also an ordinary Dutch word (Roos, Bas), which needs more evidence.
    var firstNames = ByteStringTable<Bool>()
    var surnames = ByteStringTable<Bool>()
    var tussenvoegsels = TermList<Bool>()
    var titles = TermList<TitleKind>()
    var notNames = ByteStringTable<Bool>()
    /// "onze leerling Sanne": right before the name; the Bool says one word may stand between ("groep 5 Sanne").
    var childBefore = TermList<Bool>()
    /// "kinderen", "klas": anywhere in the post.
    var childNear = TermList<Bool>()
    /// Anne Frank, Albert Heijn, Jip en Janneke: a given name inside one is no pupil or parent.
    var publicNames = TermList<Bool>()
    /// Endings that make a capitalised word after a given name a building or street (Jan Ligthartschool).
    var publicNameSuffixes: [[UInt8]] = []

    /// staff (juf, collega), honorific (meneer), or contact: a word that makes the next name an adult
    /// to get in touch with ("Bel Lotte Hendriks op school").
    enum TitleKind: Sendable { case staff, honorific, contact }

    init() {}

    static let files = ["nl/first-names.tsv", "nl/surnames.tsv", "nl/tussenvoegsels.tsv", "nl/name-titles.tsv",
                        "nl/not-names.tsv", "nl/child-context.tsv", "nl/public-names.tsv"]

    init(reading read: (String) throws(LexiconError) -> LexiconFile, folder: KeyFolder) throws(LexiconError) {
        let given = try read("nl/first-names.tsv")
        for row in given.rows {
            guard row.fields.count >= 3, ["yes", "no"].contains(row.fields[2]) else {
                throw given.error(row, "expected name<TAB>gender<TAB>common_word (yes|no)")
            }
            firstNames.set(row.fields[2] == "yes", for: folder.key(of: row.fields[0]))
        }
        let family = try read("nl/surnames.tsv")
        for row in family.rows {
            guard row.fields.count >= 2, ["yes", "no"].contains(row.fields[1]) else {
                throw family.error(row, "expected surname<TAB>common_word (yes|no)")
            }
            surnames.set(row.fields[1] == "yes", for: folder.key(of: row.fields[0]))
        }
        tussenvoegsels = try read("nl/tussenvoegsels.tsv").termList(columns: 1, folder: folder) { _ in true }
        titles = try read("nl/name-titles.tsv").termList(columns: 2, folder: folder) { fields in
            fields[1] == "staff" ? .staff : fields[1] == "honorific" ? .honorific : fields[1] == "contact" ? .contact : nil
        }
        for row in try read("nl/not-names.tsv").rows { notNames.set(true, for: folder.key(of: row.fields[0])) }
        let publicNameFile = try read("nl/public-names.tsv")
        for row in publicNameFile.rows {
            guard row.fields.count >= 2, ["person", "character", "brand", "building", "suffix"].contains(row.fields[1]) else {
                throw publicNameFile.error(row, "expected name<TAB>person|character|brand|building|suffix")
            }
            if row.fields[1] == "suffix" {
                publicNameSuffixes.append(folder.key(of: row.fields[0]))
            } else {
                let words = row.fields[0].split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: " ")
                guard publicNames.insert(words, value: true, folder: folder) else { throw publicNameFile.error(row, "nothing to match on") }
            }
        }
        let context = try read("nl/child-context.tsv")
        for row in context.rows {
            guard row.fields.count >= 2 else { throw context.error(row, "expected phrase<TAB>before|near") }
            var phrase = row.fields[0]
            let skipsWord = phrase.hasSuffix(" *")
            if skipsWord { phrase.removeLast(2) }
            switch row.fields[1] {
            case "before": childBefore.insert(phrase, value: skipsWord, folder: folder)
            case "near": childNear.insert(phrase, value: true, folder: folder)
            default: throw context.error(row, "unknown scope '\(row.fields[1])'; use before or near")
            }
        }
    }
}
