/// A staff post quoting a colleague or another party at school: words in quotation marks with who
/// said them ("mijn collega zei: …", "…, aldus de directeur").
public struct QuotingColleaguesRule: Rule {
    public init() {}

    /// How far from a quotation its attribution may stand, in tokens.
    static let attributionReach = 6

    public func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .staff else { return [] }
        let document = context.document
        let cues = context.clauseCues
        guard cues.contains(.schoolPerson) else { return [] }
        let people = cues.cues(.schoolPerson), speech = cues.cues(.speech)
        var detections: [Detection] = []
        for quotation in QuotationSpans.quotations(in: document) {
            let before = max(0, quotation.open - Self.attributionReach)...max(0, quotation.open - 1)
            let after = min(document.tokens.count - 1, quotation.close + 1)...min(document.tokens.count - 1, quotation.close + Self.attributionReach)
            func within(_ cue: ClauseCueScan.Cue, _ window: ClosedRange<Int>) -> Bool {
                window.contains(cue.first) && window.contains(cue.last) && QuotationSpans.sameLine(document, cue.first, quotation)
            }
            let person = people.contains { within($0, before) || within($0, after) }
            guard person else { continue }
            let spoken = speech.contains { within($0, before) || within($0, after) }
            // "De directeur: “…”": a colon right before the quotation attributes it too, less surely.
            let colon = quotation.open > 0 && document.isCharacter(quotation.open - 1, ":")
            guard spoken || colon else { continue }
            let range = Int(document.tokens[quotation.open].start)..<Int(document.tokens[quotation.close].end)
            detections.append(Detection(range: range, sureness: spoken ? .sure : .likely,
                                        normalized: document.text(of: range).lowercased()))
        }
        return detections
    }

    public var description: RuleDescription { Self.about }

    private static let staff = RecordMetadata(authorRole: .staff, organisation: "konot")

    private static let about = RuleDescription(
        id: "conduct.quoting-colleagues",
        name: LocalizedText(nl: "Collega geciteerd", en: "Colleague quoted"),
        category: FindingCategory(rawValue: "quoting"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Konot: \"Citeer geen collega's of andere belanghebbenden.\" Gemeld wordt een bericht van een medewerker met woorden tussen aanhalingstekens die aan een collega of een ander van school worden toegeschreven (\"mijn collega zei: …\", \"…, aldus de directeur\", \"volgens juf Sanne: …\"). Een citaat met alleen een dubbele punt (\"De directeur: …\") is een stap minder zeker. Wat iemand zei zonder aanhalingstekens wordt niet gemeld.",
            en: "Konot: \"Do not quote colleagues or other stakeholders.\" Reported: a staff post with words in quotation marks attributed to a colleague or someone else at school (\"mijn collega zei: …\", \"…, aldus de directeur\", \"volgens juf Sanne: …\"). A quotation with only a colon (\"De directeur: …\") is one step less sure. Reported speech without quotation marks is not reported."
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

    /// 's, 't, 'n: an apostrophe glued to a word of one or two letters is no quotation mark.
    private static func isContraction(_ document: Document, _ index: Int) -> Bool {
        let next = index + 1
        return document.tokens[index].byteCount <= 3 && next < document.tokens.count && document.isGlued(index, next)
            && document.tokens[next].kind == .word && document.tokens[next].byteCount <= 2 && [0x27, 0x99].contains(document.bytes[Int(document.tokens[index].end) - 1])
    }

    /// Whether token `index` is on the quotation's line.
    static func sameLine(_ document: Document, _ index: Int, _ quotation: Quotation) -> Bool {
        let low = min(index, quotation.open), high = max(index, quotation.close)
        return !document.bytes[Int(document.tokens[low].start)..<Int(document.tokens[high].end)].contains(0x0A)
    }
}
