import Foundation

/// Staff and pupils active on social media during lessons: in an audit, a post or comment whose time
/// falls in the lesson hours the configuration gives (`lesson_hours:`).
struct DuringLessonsRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        guard let hours = context.lessonHours, let placed = context.document.metadata.createdAt,
              context.authorRole == .staff || context.authorRole == .pupil, let period = hours.lessonPeriod(containing: placed) else { return [] }
        let moment = LocalizedText(nl: hours.moment(placed, language: .nl) + ", les " + LessonHours.describe(period),
                                   en: hours.moment(placed, language: .en) + ", lessons " + LessonHours.describe(period))
        return [Detection(range: 0..<context.document.bytes.count, normalized: "during-lessons", detail: moment)]
    }

    var description: RuleDescription { Self.about }

    /// The examples' school day: Tuesday 3 December 2024 in Amsterdam.
    private static func at(_ hour: Int, _ minute: Int, _ role: AuthorRole = .staff) -> RecordMetadata {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let date = calendar.date(from: DateComponents(year: 2024, month: 12, day: 3, hour: hour, minute: minute))!
        return RecordMetadata(authorRole: role, organisation: "svok", createdAt: date)
    }

    /// The lesson hours the rule's examples are checked with (`RuleExample` has no configuration).
    static let exampleHours = LessonHours(periods: [3: [510..<720, 765..<915]])

    private static let about = RuleDescription(
        id: "conduct.during-lessons",
        name: LocalizedText(nl: "Actief tijdens de lessen", en: "Active during lessons"),
        category: FindingCategory(rawValue: "lesson-time"),
        defaultSeverity: .info,
        rationale: LocalizedText(
            nl: "Montessori Lyceum Flevoland (A.1) en SVOK (III.A.1): medewerkers en leerlingen zijn tijdens de lessen niet actief op sociale media, tenzij de schoolleiding of de docent toestemming gaf. In een audit wordt een bericht of reactie van een medewerker of leerling gemeld waarvan het tijdstip (created_at) in de lestijden valt die de configuratie geeft (lesson_hours:, met pauzes en vrije dagen). Als info: of er toestemming was, staat niet in het bericht. Zonder lesson_hours: meldt de regel niets.",
            en: "Montessori Lyceum Flevoland (A.1) and SVOK (III.A.1): staff and pupils are not active on social media during lessons unless the school's management or the teacher allowed it. In an audit a post or comment by staff or a pupil is reported whose time (created_at) falls in the lesson hours the configuration gives (lesson_hours:, with breaks and days off). As info: whether there was permission is not in the post. Without lesson_hours: the rule reports nothing."
        ),
        message: LocalizedText(nl: "geplaatst tijdens de lessen ({detail})", en: "posted during lessons ({detail})"),
        suggestion: LocalizedText(
            nl: "Tijdens de lessen niet op sociale media, tenzij de schoolleiding of de docent het toestond.",
            en: "Not on social media during lessons, unless the school's management or the teacher allowed it."
        ),
        triggeringExamples: [
            RuleExample("⟦Even snel tussendoor: wat een mooie dag!⟧", metadata: at(10, 42)),
            RuleExample("⟦saaaai dit⟧", metadata: at(14, 5, .pupil)),
        ],
        nonTriggeringExamples: [
            RuleExample("Even snel tussendoor: wat een mooie dag!", metadata: at(12, 20)),
            RuleExample("Even snel tussendoor: wat een mooie dag!", metadata: at(19, 30)),
            RuleExample("Vandaag is de sportdag!", metadata: at(10, 42, .school)),
            RuleExample("Even snel tussendoor: wat een mooie dag!", metadata: RecordMetadata(authorRole: .staff, organisation: "svok")),
        ],
        judgesWholePost: true,
        exampleConfiguration: "lesson_hours: { dinsdag: \"08:30-12:00, 12:45-15:15\" }"
    )
}
