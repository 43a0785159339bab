/// A photo or film showing a teacher drunk, at a party or on holiday.
struct TeacherOffDutyPhotoRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        guard context.personalData.hasPhoto else { return [] }
        let cues = context.clauseCues
        // Who is in it: a teacher the text names, or the writer when staff post a photo of their own.
        let showsTeacher = cues.contains(.teacher) || context.personalData.candidates(.name).contains { $0.title == .staff }
        guard showsTeacher || context.authorRole == .staff else { return [] }
        let drunk = cues.joinedCues(.drunk).first, holiday = cues.joinedCues(.holiday).first ?? destination(in: context)
        // A party is the setting the clause names for drunkenness, not an offence of its own: one step
        // lower again, and nothing when the party is a school event.
        let party = cues.contains(.schoolSituation) ? nil : cues.joinedCues(.party).first
        guard let cue = drunk ?? holiday ?? party else { return [] }
        var sureness: Sureness = drunk != nil || holiday != nil ? .sure : .likely
        if !showsTeacher { sureness = sureness == .sure ? .likely : .hint }
        let range = context.document.range(of: cue)
        let detail = drunk != nil ? Self.drunkDetail : holiday != nil ? Self.holidayDetail : Self.partyDetail
        return [Detection(range: range, sureness: sureness, normalized: context.document.text(of: range).lowercased(), detail: detail)]
    }

    /// A holiday place after a word of place or direction ("op Mallorca", "in Oostenrijk", "naar Kreta",
    /// "groetjes uit Bonaire"), in a post about no school situation (a school trip to the Ardennes).
    private func destination(in context: RuleContext) -> ClauseCueScan.Cue? {
        let cues = context.clauseCues
        guard cues.contains(.destination), !cues.contains(.schoolSituation) else { return nil }
        let document = context.document
        func word(_ index: Int) -> String { index >= 0 ? document.text(of: document.range(of: ClauseCueScan.Cue(kinds: [], first: index, last: index))).lowercased() : "" }
        return cues.cues(.destination).first { cue in
            let before = word(cue.first - 1)
            if Self.placePrepositions.contains(before) { return true }
            return before == "uit" && (word(cue.first - 2).hasPrefix("groet") || word(cue.first - 2).hasPrefix("greeting"))
        }
    }

    private static let placePrepositions: Set<String> = ["in", "op", "naar", "on", "to", "at"]

    private static let drunkDetail = LocalizedText(nl: "beschonken", en: "drunk")
    private static let holidayDetail = LocalizedText(nl: "op vakantie", en: "on holiday")
    private static let partyDetail = LocalizedText(nl: "op een feest", en: "at a party")

    var description: RuleDescription { Self.about }

    private static func post(_ role: AuthorRole = .parent, photo: Bool = true) -> RecordMetadata {
        RecordMetadata(authorRole: role, attachments: photo ? [Attachment(type: .image)] : [], organisation: "regenboog", channel: "facebook")
    }

    private static let about = RuleDescription(
        id: "conduct.teacher-off-duty-photo",
        name: LocalizedText(nl: "Leerkracht op vakantie of beschonken", en: "Teacher on holiday or drunk"),
        category: FindingCategory(rawValue: "off-duty-photo"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "De Regenboog noemt bij de don'ts op sociale media: \"Foto's of filmpjes van leerkrachten op vakantie of in beschonken toestand op een feest.\" Gemeld wordt een bericht met een foto of video (bijlage of aangekondigd) waarvan de tekst een leerkracht (juf, meester, meneer, de gymleraar, het team) beschonken of op vakantie laat zien (op vakantie: ook een vakantiebestemming na op, in of naar, \"op Mallorca\", niet in een bericht over een schoolsituatie); op een feest zonder meer een stap lager, een schoolfeest niet. Plaatst een medewerker zo'n foto zonder een leerkracht te noemen, dan gaat het waarschijnlijk om de eigen foto: een stap lager.",
            en: "De Regenboog lists among the don'ts on social media: \"Photos or videos of teachers on holiday or drunk at a party.\" Reported: a post with a photo or video (attached or announced) whose text shows a teacher (juf, meester, meneer, the PE teacher, the team) drunk or on holiday (on holiday: also a holiday destination after op, in or naar, \"op Mallorca\", not in a post about a school situation); at a party alone one step lower, a school party not at all. When staff post such a photo without naming a teacher it is probably their own: one step lower."
        ),
        message: LocalizedText(nl: "'{match}': foto van een leerkracht {detail}", en: "'{match}': a photo of a teacher {detail}"),
        suggestion: LocalizedText(
            nl: "Plaats geen foto's of filmpjes van leerkrachten op vakantie of beschonken op een feest, ook niet van uzelf.",
            en: "Do not post photos or videos of teachers on holiday or drunk at a party, your own included."
        ),
        triggeringExamples: [
            RuleExample("Haha juf Lisa was best ⟦dronken⟧ gisteren 🍻", metadata: post()),
            RuleExample("Meester Tom en juf Sanne ⟦op vakantie⟧ in Spanje ☀️", metadata: post(.staff)),
            RuleExample("📸 Het hele team op het ⟦personeelsfeest⟧!", metadata: post(.staff, photo: false)),
            RuleExample("Wie herkent onze wiskundeleraar op ⟦Mallorca⟧? 😎", metadata: post(.pupil)),
        ],
        nonTriggeringExamples: [
            RuleExample("Haha juf Lisa was best dronken gisteren 🍻", metadata: post(photo: false)),
            RuleExample("Fijne vakantie allemaal, tot na de zomer! ☀️", metadata: post(.school)),
            RuleExample("Wat een feest in de klas met juf Lisa! 🎉", metadata: post(.staff)),
            RuleExample("Op vakantie in Spanje ☀️", metadata: post(.parent)),
            RuleExample("Juf Lisa met groep 8 op kamp in de Ardennen!", metadata: post(.parent)),
            RuleExample("Onze juf komt uit Marokko en vertelde over haar land.", metadata: post(.pupil)),
        ]
    )
}
