/// A pupil (or a parent) posting a recording of an online lesson: video or sound with cues of a
/// videochat lesson, or a screenshot of one.
struct LessonRecordingRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .pupil || context.authorRole == .parent else { return [] }
        let attachments = context.document.metadata.attachments
        let recorded = attachments.contains { $0.type == .video || $0.type == .audio }
        let cues = context.clauseCues
        // Any attachment the text calls a recording or screenshot is one ("recorded the lecture" + a file).
        let pictured = attachments.contains { $0.type == .image } || !attachments.isEmpty && cues.contains(.recording)
        // Without a video or sound attached, the text must say it is one ("filmpje", "opname", "screenshot").
        guard recorded || cues.contains(.recording) else { return [] }
        // At a distance: a phrase that says so ("via Teams", "de Zoomles"), or a lesson and a medium of
        // distance teaching anywhere in the post ("de online Duitse les", "videocall met economie").
        let distant = cues.joinedCues(.onlineLesson).first
            ?? (cues.contains(.online) ? cues.joinedCues(.lesson).first ?? cues.joinedCues(.online).first : nil)
        if let distant {
            let range = context.document.range(of: distant)
            // A still image is a recording when the text says it is one (a screenshot of the call).
            let sureness: Sureness = recorded || pictured ? .sure : .likely
            return [Detection(range: range, sureness: sureness, normalized: context.document.text(of: range).lowercased(),
                              detail: recorded ? Self.attached : pictured ? Self.screenshot : Self.announced)]
        }
        // A lesson in class, filmed: the clause speaks of lessons at a distance, so one step lower.
        guard recorded, let lesson = cues.joinedCues(.lesson).first else { return [] }
        let range = context.document.range(of: lesson)
        return [Detection(range: range, sureness: .likely, normalized: context.document.text(of: range).lowercased(), detail: Self.inClass)]
    }

    private static let attached = LocalizedText(nl: "met een video of geluidsopname erbij", en: "with a video or sound recording attached")
    private static let announced = LocalizedText(nl: "de tekst noemt een opname", en: "the text speaks of a recording")
    private static let screenshot = LocalizedText(nl: "een schermafbeelding erbij", en: "with a screenshot attached")
    private static let inClass = LocalizedText(nl: "gefilmd in de les", en: "filmed in class")

    var description: RuleDescription { Self.about }

    private static func pupil(_ kind: Attachment.Kind? = .video) -> RecordMetadata {
        RecordMetadata(authorRole: .pupil, attachments: kind.map { [Attachment(type: $0)] } ?? [], organisation: "svok", channel: "tiktok")
    }

    private static let about = RuleDescription(
        id: "conduct.lesson-recording",
        name: LocalizedText(nl: "Opname van een online les", en: "Recording of an online lesson"),
        category: FindingCategory(rawValue: "lesson-recording"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "SVOK III.A.2: bij onderwijs op afstand mogen leerlingen geen opnames maken van videochats met leraren en medeleerlingen, en filmpjes van de leraar niet zelf delen. Gemeld wordt een bericht van een leerling (of ouder) met een video of geluid (bijlage; of de tekst noemt een filmpje, opname of screenshot) en een online les: een woord dat het zegt (Teams, Zoom, Google Meet, videoles, videochat, \"live uit de les van …\") of een les of vak met een medium op afstand in hetzelfde bericht (\"de online Duitse les\", \"videocall met economie\"). Alleen de tekst zonder bijlage: een stap minder zeker; een gefilmde les in de klas: ook een stap lager (de bepaling gaat over onderwijs op afstand).",
            en: "SVOK III.A.2: in remote teaching pupils may not record videochats with teachers and classmates, nor share the teacher's videos themselves. Reported: a pupil's (or parent's) post with video or sound (attached; or the text speaks of a film, recording or screenshot) and an online lesson: a word that says so (Teams, Zoom, Google Meet, videoles, videochat, \"live uit de les van …\") or a lesson or subject with a medium of distance teaching in the same post (\"de online Duitse les\", \"videocall met economie\"). Text alone without an attachment: one step less sure; a lesson filmed in class: one step lower too (the clause is about teaching at a distance)."
        ),
        message: LocalizedText(nl: "'{match}': opname van een online les ({detail})", en: "'{match}': a recording of an online lesson ({detail})"),
        suggestion: LocalizedText(
            nl: "Deel geen opnames van online lessen, ook niet van je klasgenoten of de docent. Haal het filmpje weg.",
            en: "Do not share recordings of online lessons, of classmates or the teacher either. Take the video down."
        ),
        triggeringExamples: [
            RuleExample("Hahaha kijk meneer Jansen weer ⟦via Teams⟧ 😂", metadata: pupil()),
            RuleExample("⟦Live uit de les van mevrouw⟧ De Boer, ze heeft haar camera nog aan", metadata: pupil(.audio)),
            RuleExample("Ik heb de ⟦Zoomles⟧ van vanochtend opgenomen, filmpje komt zo", metadata: pupil(nil)),
            RuleExample("Dit hoor je als iedereen in de online Duitse ⟦les⟧ zijn microfoon aan heeft", metadata: pupil(.audio)),
            RuleExample("Screenshot van onze ⟦videocall⟧ met iedereen erop haha", metadata: pupil(.image)),
        ],
        nonTriggeringExamples: [
            RuleExample("Hahaha kijk meneer Jansen weer via Teams 😂", metadata: pupil(nil)),
            RuleExample("Morgen online les via Teams, vergeet je huiswerk niet", metadata: pupil(.image)),
            RuleExample("Morgen hebben we de Zoomles om negen uur, vergeet je camera niet", metadata: pupil(nil)),
            RuleExample("Mijn eerste vlog over de zomervakantie!", metadata: pupil()),
            RuleExample("Bekijk de opname van de online les in Teams.", metadata: RecordMetadata(authorRole: .staff, attachments: [Attachment(type: .video)])),
        ]
    )
}
