/// What every post is checked for whoever wrote it: confidential terms, found in one pass over the
/// words the lexicons flag. How a post speaks about school is `VoiceScan`, asked for by the rules about
/// staff only.
struct ConductScan {
    private(set) var confidential: [Detection] = []

    init(document: Document, keys: WordKeys, resources: LinterResources) {
        let tokens = document.tokens
        let scanned: LexiconFacets.Facet = [.confidential]
        // Innocent phrases (vertrouwenspersoon, het dossier klimaat) cover their tokens.
        var allowed: [ClosedRange<Int>] = []
        for index in tokens.indices where keys.facet(index).contains(.confidentialAllowed) {
            resources.conduct.confidentialAllowed.forEachTerm(anchoredAt: index, in: document, keys: keys) { _, first, last in
                allowed.append(first...last)
            }
        }
        // Bound once per post: reaching them through `resources` in the loop retains and releases each,
        // on reference counts that every checking thread shares.
        let confidentialPrefixes = resources.conduct.confidentialPrefixes
        for index in tokens.indices {
            let facet = keys.facet(index).intersection(scanned)
            // Most words are in no list; of them only a confidential prefix (autist…, dyslect…) can matter.
            let prefix = tokens[index].kind == .word ? confidentialPrefixes.longestStem(in: keys.key(index), minimumRest: 0) : nil
            guard !facet.isEmpty || prefix != nil else { continue }
            if !allowed.contains(where: { $0.contains(index) }) {
                findConfidential(at: index, facet: facet, prefix: prefix, document: document, keys: keys, resources: resources)
            }
        }
        confidential = Self.mostSpecific(Self.longestOnly(confidential), in: document)
    }

    /// `prefix`: the confidential prefix the word starts with, as the scan found it.
    private mutating func findConfidential(at index: Int, facet: LexiconFacets.Facet, prefix: Int?, document: Document, keys: WordKeys,
                                           resources: LinterResources) {
        func report(_ term: ConductLexicon.ConfidentialTerm, _ first: Int, _ last: Int) {
            // "een avond over dyslexie": the subject of an event, not a person's condition.
            if term.needsPerson, first > 0, keys.keyString(first - 1) == "over" { return }
            if !term.needsPerson || namesAPerson(around: first...last, document: document, keys: keys, resources: resources) {
                confidential.append(Self.detection(document, first, last))
            }
        }
        if facet.contains(.confidential) {
            resources.conduct.confidentialWords.forEachTerm(anchoredAt: index, in: document, keys: keys) { term, first, last in report(term, first, last) }
        }
        if let prefix {
            report(resources.conduct.confidentialPrefixTerms[prefix], index, index)
        }
    }

    /// The last sentence looked at for a person, and the tokens in it that name or point at one: terms
    /// come in text order, so a sentence is walked once however many terms it holds (a post may be one
    /// sentence of megabytes).
    private var sentence: (tokens: ClosedRange<Int>, persons: [Int])?

    /// Whether the sentence holding the term names or points at a person (outside the term itself): a
    /// pronoun, kin or role word, or a capitalised given name.
    private mutating func namesAPerson(around range: ClosedRange<Int>, document: Document, keys: WordKeys,
                                       resources: LinterResources) -> Bool {
        if sentence == nil || !sentence!.tokens.contains(range.lowerBound) {
            var start = range.lowerBound
            while start > 0, !document.endsSentence(start - 1) { start -= 1 }
            var end = range.upperBound
            while end + 1 < document.tokens.count, !document.endsSentence(end + 1) { end += 1 }
            let persons = (start...end).filter { index in
                keys.facet(index).contains(.personReference)
                    || keys.facet(index).contains(.givenName) && document.isCapitalized(index) && (!document.startsSentence(index)
                        // A name that is no ordinary word names someone even at the start of a sentence.
                        || resources.personalData.names.firstNames.value(for: keys.key(index), hash: keys.hash(index)) == false)
            }
            sentence = (start...end, persons)
        }
        return sentence!.persons.contains { !range.contains($0) }
    }

    static func detection(_ document: Document, _ first: Int, _ last: Int) -> Detection {
        let range = Int(document.tokens[first].start)..<Int(document.tokens[last].end)
        return Detection(range: range, normalized: document.text(of: range).lowercased())
    }

    /// "gediagnosticeerd met autisme": of two terms in a row, the second names the matter; keep that one.
    private static func mostSpecific(_ detections: [Detection], in document: Document) -> [Detection] {
        guard detections.count > 1 else { return detections }
        return detections.enumerated().filter { offset, detection in
            offset + 1 >= detections.count
                || !document.isWhitespaceGap(from: detection.range.upperBound, to: detections[offset + 1].range.lowerBound)
        }.map(\.element)
    }

    /// Keeps the longest of overlapping detections ("ik maak je af" over "maak je af").
    /// The bytes kept detections cover are marked, and each candidate looks only at its own bytes: the
    /// work grows with the detections' length, not with their number squared.
    static func longestOnly(_ detections: [Detection]) -> [Detection] {
        guard detections.count > 1 else { return detections }
        let sorted = detections.sorted { $0.range.count > $1.range.count }
        let base = detections.lazy.map(\.range.lowerBound).min()!
        var covered = [Bool](repeating: false, count: detections.lazy.map(\.range.upperBound).max()! - base)
        var kept: [Detection] = []
        for detection in sorted {
            let bytes = (detection.range.lowerBound - base)..<(detection.range.upperBound - base)
            guard !covered[bytes].contains(true) else { continue }
            kept.append(detection)
            for byte in bytes { covered[byte] = true }
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
