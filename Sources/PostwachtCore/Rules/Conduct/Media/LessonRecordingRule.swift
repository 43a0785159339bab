/// A pupil posting a recording of an online lesson: video or sound with cues of a videochat lesson.
public struct LessonRecordingRule: Rule {
    public init() {}

    public func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .pupil else { return [] }
        let attachments = context.document.metadata.attachments
        let recorded = attachments.contains { $0.type == .video || $0.type == .audio }
        let cues = context.clauseCues
        // Without a video or sound attached, the text must say it is one ("filmpje", "opname").
        guard recorded || cues.contains(.recording), let lesson = cues.joinedCues(.onlineLesson).first else { return [] }
        let range = context.document.range(of: lesson)
        return [Detection(range: range, sureness: recorded ? .sure : .likely, normalized: context.document.text(of: range).lowercased(),
                          detail: recorded ? Self.attached : Self.announced)]
    }

    private static let attached = LocalizedText(nl: "met een video of geluidsopname erbij", en: "with a video or sound recording attached")
    private static let announced = LocalizedText(nl: "de tekst noemt een opname", en: "the text speaks of a recording")

    public var description: RuleDescription { Self.about }

    private static func pupil(_ kind: Attachment.Kind? = .video) -> RecordMetadata {
        RecordMetadata(authorRole: .pupil, attachments: kind.map { [Attachment(type: $0)] } ?? [], organisation: "svok", channel: "tiktok")
    }

    private static let about = RuleDescription(
        id: "conduct.lesson-recording",
        name: LocalizedText(nl: "Opname van een online les", en: "Recording of an online lesson"),
        category: FindingCategory(rawValue: "lesson-recording"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "SVOK III.A.2: bij onderwijs op afstand mogen leerlingen geen opnames maken van videochats met leraren en medeleerlingen, en filmpjes van de leraar niet zelf delen. Gemeld wordt een bericht van een leerling met een video of geluid (bijlage; of de tekst noemt een filmpje of opname, een stap minder zeker) en een woord van een online les: Teams, Zoom, Google Meet, videoles, videochat, \"live uit de les van …\".",
            en: "SVOK III.A.2: in remote teaching pupils may not record videochats with teachers and classmates, nor share the teacher's videos themselves. Reported: a pupil's post with video or sound (attached; or the text speaks of a film or recording, one step less sure) and a word of an online lesson: Teams, Zoom, Google Meet, videoles, videochat, \"live uit de les van …\"."
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
        ],
        nonTriggeringExamples: [
            RuleExample("Hahaha kijk meneer Jansen weer via Teams 😂", metadata: pupil(.image)),
            RuleExample("Morgen hebben we de Zoomles om negen uur, vergeet je camera niet", metadata: pupil(nil)),
            RuleExample("Mijn eerste vlog over de zomervakantie!", metadata: pupil()),
            RuleExample("Bekijk de opname van de online les in Teams.", metadata: RecordMetadata(authorRole: .staff, attachments: [Attachment(type: .video)])),
        ]
    )
}
