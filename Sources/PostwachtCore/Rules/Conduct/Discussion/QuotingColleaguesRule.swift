/// A staff post quoting a colleague or another party at school: words in quotation marks with who
/// said them ("mijn collega zei: …", "…, aldus de directeur").
struct QuotingColleaguesRule: Rule {
    init() {}

    /// How far from a quotation its attribution may stand, in tokens: before it, back to the start of
    /// its sentence ("Onze directeur opende het schooljaar vanochtend met: '…'"), after it, the clause
    /// that follows ("'…' – een vader tijdens het tienminutengesprek").
    static let reachBefore = 15, reachAfter = 8

    func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .staff else { return [] }
        let document = context.document
        let cues = context.clauseCues
        guard cues.contains(.schoolPerson) else { return [] }
        let people = cues.cues(.schoolPerson), speech = cues.cues(.speech)
        var detections: [Detection] = []
        for quotation in QuotationSpans.quotations(in: document) {
            let last = document.tokens.count - 1
            var first = quotation.open
            while first > 0, quotation.open - first < Self.reachBefore, !isSentenceEnd(document, first - 1) { first -= 1 }
            var end = quotation.close
            while end < last, end - quotation.close < Self.reachAfter, !isSentenceEnd(document, end + 1) { end += 1 }
            let before = first...max(first, quotation.open - 1)
            let after = min(last, quotation.close + 1)...max(min(last, quotation.close + 1), end)
            func within(_ cue: ClauseCueScan.Cue, _ window: ClosedRange<Int>) -> Bool {
                window.contains(cue.first) && window.contains(cue.last) && QuotationSpans.sameLine(document, cue.first, quotation)
            }
            let person = people.contains { within($0, before) || within($0, after) }
            guard person else { continue }
            let spoken = speech.contains { within($0, before) || within($0, after) }
            // "De directeur: “…”" and "“…” – een vader": a colon before the quotation or a dash after it
            // attributes it as surely as a verb of speech; a person near scare quotes ("de 'gezellige'
            // vergadering") does not.
            let colon = quotation.open > 0 && document.isCharacter(quotation.open - 1, ":")
            let dash = quotation.close < last && isDash(document, quotation.close + 1)
            guard spoken || colon || dash else { continue }
            let range = Int(document.tokens[quotation.open].start)..<Int(document.tokens[quotation.close].end)
            detections.append(Detection(range: range, normalized: document.text(of: range).lowercased()))
        }
        return detections
    }

    private func isSentenceEnd(_ document: Document, _ index: Int) -> Bool {
        document.isCharacter(index, ".") || document.isCharacter(index, "!") || document.isCharacter(index, "?")
    }

    /// -, – or —.
    private func isDash(_ document: Document, _ index: Int) -> Bool {
        let bytes = Array(document.bytes[document.tokens[index].byteRange])
        return bytes == [0x2D] || bytes == [0xE2, 0x80, 0x93] || bytes == [0xE2, 0x80, 0x94]
    }

    var description: RuleDescription { Self.about }

    private static let staff = RecordMetadata(authorRole: .staff, organisation: "konot")

    private static let about = RuleDescription(
        id: "conduct.quoting-colleagues",
        name: LocalizedText(nl: "Collega geciteerd", en: "Colleague quoted"),
        category: FindingCategory(rawValue: "quoting"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Konot: \"Citeer geen collega's of andere belanghebbenden.\" Gemeld wordt een bericht van een medewerker met woorden tussen aanhalingstekens die aan een collega of een ander van school worden toegeschreven (\"mijn collega zei: …\", \"…, aldus de directeur\", \"volgens juf Sanne: …\"). Een dubbele punt ervoor (\"De directeur: …\") of een gedachtestreepje erna (\"… – een vader\") schrijft het citaat net zo goed toe; een persoon bij woorden tussen aanhalingstekens zonder meer niet. Wat iemand zei zonder aanhalingstekens wordt niet gemeld.",
            en: "Konot: \"Do not quote colleagues or other stakeholders.\" Reported: a staff post with words in quotation marks attributed to a colleague or someone else at school (\"mijn collega zei: …\", \"…, aldus de directeur\", \"volgens juf Sanne: …\"). A colon before it (\"De directeur: …\") or a dash after it (\"… – een vader\") attributes it as surely; a person near words in quotation marks and nothing more does not. Reported speech without quotation marks is not reported."
        ),
        message: LocalizedText(nl: "{match}: citaat van een collega of ander van school", en: "{match}: a quotation of a colleague or someone else at school"),
        suggestion: LocalizedText(
            nl: "Citeer geen collega's of andere belanghebbenden; vertel het in uw eigen woorden, zonder te zeggen wie het zei.",
            en: "Do not quote colleagues or other stakeholders; say it in your own words, without saying who said it."
        ),
        triggeringExamples: [
            RuleExample("Mijn collega zei vandaag: ⟦\"Die ouders van groep 5 zijn onmogelijk.\"⟧", metadata: staff),
            RuleExample("⟦“We halen de begroting nooit”⟧, aldus onze directeur tijdens de teamvergadering.", metadata: staff),
            RuleExample("De intern begeleider: ⟦\"Dat kind hoort hier niet.\"⟧", metadata: staff),
            RuleExample("⟦\"Cijfers komen later\"⟧ – een vader tijdens het tienminutengesprek.", metadata: staff),
        ],
        nonTriggeringExamples: [
            RuleExample("Mijn collega zei vandaag: \"Die ouders van groep 5 zijn onmogelijk.\"", metadata: RecordMetadata(authorRole: .parent)),
            RuleExample("Het thema van de Kinderboekenweek is \"Lees maar raak\"!", metadata: staff),
            RuleExample("Mijn collega zei dat de vergadering verplaatst is.", metadata: staff),
            RuleExample("Zoals Annie M.G. Schmidt schreef: \"Ik ben lekker stout.\"", metadata: staff),
        ]
    )
}

/// Quotations in a text: an opening and a closing quotation mark on one line, with words between.
enum QuotationSpans {
    struct Quotation {
        /// Token indexes of the opening and closing marks.
        var open: Int
        var close: Int
    }

    static func quotations(in document: Document) -> [Quotation] {
        var result: [Quotation] = []
        var open: Int?
        for index in document.tokens.indices {
            // A quotation does not run over a line break.
            if open != nil, document.bytes[Int(document.tokens[index - 1].end)..<Int(document.tokens[index].start)].contains(0x0A) { open = nil }
            guard document.isQuotationMark(index), !isContraction(document, index) else { continue }
            if let start = open {
                if index - start >= 2 { result.append(Quotation(open: start, close: index)) }
                open = nil
            } else {
                open = index
            }
        }
        return result
    }

    /// 's, 't, 'n, 'k, 'm, 'r: an apostrophe glued to the short word it shortens is no quotation mark
    /// ('Ik and 'te open a quotation).
    private static func isContraction(_ document: Document, _ index: Int) -> Bool {
        let next = index + 1
        guard document.tokens[index].byteCount <= 3, next < document.tokens.count, document.isGlued(index, next),
              document.tokens[next].kind == .word, [0x27, 0x99].contains(document.bytes[Int(document.tokens[index].end) - 1]) else { return false }
        return contractions.contains(Array(document.bytes[document.tokens[next].byteRange]).map { $0 | 0x20 })
    }

    private static let contractions: Set<[UInt8]> = Set(["s", "t", "n", "k", "m", "r", "ns", "ie", "em"].map { Array($0.utf8) })

    /// Whether token `index` is on the quotation's line.
    static func sameLine(_ document: Document, _ index: Int, _ quotation: Quotation) -> Bool {
        let low = min(index, quotation.open), high = max(index, quotation.close)
        return !document.bytes[Int(document.tokens[low].start)..<Int(document.tokens[high].end)].contains(0x0A)
    }
}
