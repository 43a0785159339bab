/// The constructions of one concern (`Lexicons/nl/constructions/<rule>.tsv`), grouped in families, each
/// family with its label, its sureness and its examples. Rows (tab-separated):
///
///     family          id   sureness (0–2)   Dutch label   English label   [flags, space-separated]
///     define          NAME   pattern
///     <family id>     pattern
///     example         family id   text with ⟦the span⟧ that must be found
///     counterexample  family id   text that must stay clean
///     idiom           pattern     (no anchor): a construction it overlaps is let go
///
/// Definitions must come before their use; a construction's family must be declared first.
struct ConstructionSet: Sendable {
    struct Family: Sendable {
        var id: String
        var sureness: Int
        var label: LocalizedText
        /// Judgements the rule applies to this family's matches, named in the file (e.g. "geen-verleden").
        var flags: Set<String> = []
        var examples: [String] = []
        var counterexamples: [String] = []
    }

    private(set) var families: [Family] = []
    private(set) var constructions: [Construction] = []
    /// Every class some construction anchors on: a sentence with none of them is not read.
    private(set) var anchors = WordClassSet()
    /// Idioms: patterns that take a construction they overlap back ("dood van het lachen").
    private(set) var idioms: [Construction] = []
    /// Where gaps stop: BARRIER words and clause punctuation.
    private(set) var barrier = WordClassSet()

    init() {}

    init(_ file: LexiconFile, book: WordClassBook, folder: KeyFolder) throws(LexiconError) {
        barrier = (book.classSet(named: "BARRIER") ?? []).union(book[.comma])
        var parser = ConstructionParser(book: book, folder: folder)
        for row in file.rows {
            guard row.fields.count >= 2 else { throw file.error(row, "expected a keyword or family id, a tab and more") }
            switch row.fields[0] {
            case "family":
                guard row.fields.count >= 5, let sureness = Int(row.fields[2]), (0...2).contains(sureness) else {
                    throw file.error(row, "expected family<TAB>id<TAB>sureness 0–2<TAB>Dutch label<TAB>English label")
                }
                guard family(row.fields[1]) == nil else { throw file.error(row, "family '\(row.fields[1])' is declared twice") }
                let flags = row.fields.count > 5 ? Set(row.fields[5].split(separator: " ").map(String.init)) : []
                families.append(Family(id: row.fields[1], sureness: sureness, label: LocalizedText(nl: row.fields[3], en: row.fields[4]), flags: flags))
            case "define":
                guard row.fields.count >= 3, row.fields[1].allSatisfy({ $0.isUppercase || $0 == "_" || $0.isNumber }) else {
                    throw file.error(row, "expected define<TAB>NAME (capitals)<TAB>pattern")
                }
                guard book.classSet(named: row.fields[1]) == nil else {
                    throw file.error(row, "'\(row.fields[1])' is already a word class")
                }
                do {
                    parser.definitions[row.fields[1]] = try parser.parse(row.fields[2], requiresAnchor: false).0
                } catch {
                    throw file.error(row, error.message)
                }
            case "idiom":
                do {
                    let (pattern, _) = try parser.parse(row.fields[1], requiresAnchor: false)
                    idioms.append(Construction(family: "idiom", pattern: pattern, anchor: [], source: "\(file.path.split(separator: "/").suffix(3).joined(separator: "/")):\(row.line)"))
                } catch {
                    throw file.error(row, error.message)
                }
            case "example", "counterexample":
                guard row.fields.count >= 3, let index = families.firstIndex(where: { $0.id == row.fields[1] }) else {
                    throw file.error(row, "expected \(row.fields[0])<TAB>declared family id<TAB>text")
                }
                if row.fields[0] == "example" {
                    guard row.fields[2].contains(RuleExample.openMarker) else { throw file.error(row, "mark the span that must be found with ⟦ ⟧") }
                    families[index].examples.append(row.fields[2])
                } else {
                    families[index].counterexamples.append(row.fields[2])
                }
            case let id:
                guard family(id) != nil else { throw file.error(row, "'\(id)' is no declared family (declare it with a family row first)") }
                do {
                    let (pattern, anchor) = try parser.parse(row.fields[1])
                    constructions.append(Construction(family: id, pattern: pattern, anchor: anchor, source: "\(file.path.split(separator: "/").suffix(3).joined(separator: "/")):\(row.line)"))
                    anchors.formUnion(anchor)
                } catch {
                    throw file.error(row, error.message)
                }
            }
        }
        for family in families where !constructions.contains(where: { $0.family == family.id }) {
            throw LexiconError(description: "\(file.path): family '\(family.id)' has no construction")
        }
    }

    func family(_ id: String) -> Family? { families.first { $0.id == id } }
}

extension RuleContext {
    /// Every match of `set` in the document's sentences (each construction from where its last match
    /// ended), as byte ranges without their context, in text order; `firstOnly` stops at the first.
    /// Judgement (negation, reports) is the rule's, not done here.
    /// `anchor`: the facet the set's anchor words carry; a sentence without it is not read.
    func matches(of set: ConstructionSet, anchoredBy anchor: LexiconFacets.Facet? = nil, firstOnly: Bool = false)
        -> [(family: String, range: Range<Int>, source: String)] {
        let barrier = set.barrier
        let tokens = document.tokens
        var found: [(family: String, range: Range<Int>, source: String)] = []
        for index in sentences.indices {
            if let anchor, !sentences[index].contains(where: { keys.facet($0).contains(anchor) }) { continue }
            let units = units(ofSentence: index)
            let matcher = ConstructionMatcher(units: units, keys: keys, barrier: barrier)
            for construction in set.constructions {
                for match in matcher.matches(of: construction, limit: firstOnly ? 1 : .max) {
                    found.append((construction.family, Int(tokens[units.tokens[match.first]].start)..<Int(tokens[units.tokens[match.last]].end),
                                  construction.source))
                    if firstOnly { return found }
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
