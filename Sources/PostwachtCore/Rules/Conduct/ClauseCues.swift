/// Kinds of cue the clause rules read (`Lexicons/nl/clause-cues.tsv`, documented in its header).
struct ClauseCueKind: OptionSet, Sendable {
    let rawValue: UInt32
    static let employment = ClauseCueKind(rawValue: 1 << 0)
    static let contradiction = ClauseCueKind(rawValue: 1 << 1)
    static let onlineLesson = ClauseCueKind(rawValue: 1 << 2)
    static let recording = ClauseCueKind(rawValue: 1 << 3)
    static let schoolSituation = ClauseCueKind(rawValue: 1 << 4)
    static let permission = ClauseCueKind(rawValue: 1 << 5)
    static let schoolPerson = ClauseCueKind(rawValue: 1 << 6)
    static let speech = ClauseCueKind(rawValue: 1 << 7)
    static let teacher = ClauseCueKind(rawValue: 1 << 8)
    static let drunk = ClauseCueKind(rawValue: 1 << 9)
    static let party = ClauseCueKind(rawValue: 1 << 10)
    static let holiday = ClauseCueKind(rawValue: 1 << 11)
    /// A place people go on holiday (nl/holiday-destinations.tsv).
    static let destination = ClauseCueKind(rawValue: 1 << 12)
    /// A lesson of any kind: les, uitleg, a subject (biologieles, "de uitleg van scheikunde").
    static let lesson = ClauseCueKind(rawValue: 1 << 13)
    /// A medium of lessons at a distance: Teams, Zoom, a videocall, a webcam, "online".
    static let online = ClauseCueKind(rawValue: 1 << 14)

    static let names: [String: ClauseCueKind] = [
        "employment": .employment, "contradiction": .contradiction, "online-lesson": .onlineLesson, "recording": .recording,
        "school-situation": .schoolSituation, "permission": .permission, "school-person": .schoolPerson, "speech": .speech,
        "teacher": .teacher, "drunk": .drunk, "party": .party, "holiday": .holiday, "lesson": .lesson, "online": .online,
    ]
}

/// The cue words and phrases of the clause rules: whole words and phrases in a `TermList`, word
/// beginnings (vakantiefoto*) and endings (*vakantie) in short lists, few enough to compare directly.
struct ClauseCueLexicon: Sendable {
    static let file = "nl/clause-cues.tsv"
    static let destinationsFile = "nl/holiday-destinations.tsv"

    private(set) var terms = TermList<ClauseCueKind>(gap: .clausePunctuation)
    private(set) var prefixes: [(key: [UInt8], kinds: ClauseCueKind)] = []
    private(set) var suffixes: [(key: [UInt8], kinds: ClauseCueKind)] = []

    init() {}

    init(_ file: LexiconFile, destinations: LexiconFile? = nil, folder: KeyFolder) throws(LexiconError) {
        // Rows of one term are merged first: a term may carry several kinds ("juf": a person to
        // quote, and a teacher in a photo), and a term list keeps one value per term.
        var merged: [(term: String, kinds: ClauseCueKind, row: LexiconFile.Row)] = []
        var position: [String: Int] = [:]
        for row in file.rows {
            guard row.fields.count >= 2, !row.fields[0].isEmpty else { throw file.error(row, "expected term<TAB>kind[,kind…]") }
            var kinds: ClauseCueKind = []
            for name in row.fields[1].split(separator: ",") {
                guard let kind = ClauseCueKind.names[String(name).trimmingSpaces()] else {
                    throw file.error(row, "unknown kind '\(name)'; kinds: \(ClauseCueKind.names.keys.sorted().joined(separator: ", "))")
                }
                kinds.formUnion(kind)
            }
            if let index = position[row.fields[0]] { merged[index].kinds.formUnion(kinds) } else {
                position[row.fields[0]] = merged.count
                merged.append((row.fields[0], kinds, row))
            }
        }
        // A destination that is also a cue word keeps both kinds; its name is matched as written
        // (its own file has no kind column).
        for row in destinations?.rows ?? [] where !row.fields[0].isEmpty {
            let term = row.fields[0].lowercased()
            if let index = position[term] { merged[index].kinds.formUnion(.destination) } else {
                position[term] = merged.count
                merged.append((term, .destination, row))
            }
        }
        for (term, kinds, row) in merged {
            let isSingleWord = !term.contains(" ")
            if isSingleWord, term.count > 1, term.hasSuffix("*") {
                let stem = folder.key(of: String(term.dropLast()))
                guard !stem.isEmpty else { throw file.error(row, "'\(term)' has nothing to match on") }
                prefixes.append((stem, kinds))
            } else if isSingleWord, term.count > 1, term.hasPrefix("*") {
                let stem = folder.key(of: String(term.dropFirst()))
                guard !stem.isEmpty else { throw file.error(row, "'\(term)' has nothing to match on") }
                suffixes.append((stem, kinds))
            } else if !terms.insert(term, value: kinds, folder: folder) {
                throw file.error(row, "'\(term)' has nothing to match on")
            }
        }
    }
}

/// Where the cues of a document stand: neutral facts (which kinds, which tokens), found in one pass
/// over the words when a clause rule first asks; each rule decides what they mean for its clause.
struct ClauseCueScan {
    struct Cue {
        var kinds: ClauseCueKind
        /// First and last token of the cue.
        var first: Int
        var last: Int
    }

    private(set) var cues: [Cue] = []
    /// Every kind found anywhere in the document.
    private(set) var kinds: ClauseCueKind = []

    init(document: Document, keys: WordKeys, lexicon: ClauseCueLexicon) {
        for index in document.tokens.indices where document.tokens[index].kind == .word {
            lexicon.terms.forEachTerm(anchoredAt: index, in: document, keys: keys) { kinds, first, last in
                cues.append(Cue(kinds: kinds, first: first, last: last))
            }
            // Every word meets every word beginning and ending: the first and last byte decide most of
            // them before any comparison (a reversed comparison cost a tenth of the conduct rules' time).
            let key = keys.key(index)
            guard let first = key.first, let last = key.last else { continue }
            for (stem, kinds) in lexicon.prefixes where stem.count <= key.count && stem[0] == first && key.prefix(stem.count).elementsEqual(stem) {
                cues.append(Cue(kinds: kinds, first: index, last: index))
            }
            for (stem, kinds) in lexicon.suffixes where stem.count <= key.count && stem[stem.count - 1] == last && key.suffix(stem.count).elementsEqual(stem) {
                cues.append(Cue(kinds: kinds, first: index, last: index))
            }
        }
        cues.sort { ($0.first, $1.last) < ($1.first, $0.last) }
        for cue in cues { kinds.formUnion(cue.kinds) }
    }

    func contains(_ kind: ClauseCueKind) -> Bool { !kinds.isDisjoint(with: kind) }

    /// The cues of one kind, in text order (the longest first where several start at one word).
    func cues(_ kind: ClauseCueKind) -> [Cue] { cues.filter { !$0.kinds.isDisjoint(with: kind) } }

    /// The cues of one kind with overlapping ones joined: "live uit de les" and "uit de les van" are
    /// one cue "live uit de les van", "dat klopt niet" holds "klopt niet".
    func joinedCues(_ kind: ClauseCueKind) -> [Cue] {
        var result: [Cue] = []
        for cue in cues(kind) {
            if let last = result.last, cue.first <= last.last {
                result[result.count - 1].last = max(last.last, cue.last)
                result[result.count - 1].kinds.formUnion(cue.kinds)
                continue
            }
            result.append(cue)
        }
        return result
    }
}

extension Document {
    /// The byte range from the first to the last token of a cue.
    func range(of cue: ClauseCueScan.Cue) -> Range<Int> { Int(tokens[cue.first].start)..<Int(tokens[cue.last].end) }
}
