/// A staff member who joins a discussion about the school (a comment or reply) without saying they
/// work there.
struct StaffUnidentifiedRule: Rule {
    init() {}

    /// The ways staff say they work there (Lexicons/nl/constructions/staff-identification.tsv), besides
    /// the employment phrases of nl/clause-cues.tsv.
    static let constructionFile = "nl/constructions/staff-identification.tsv"

    func detect(in context: RuleContext) -> [Detection] {
        let metadata = context.document.metadata
        guard context.authorRole == .staff, metadata.isInDiscussion, context.voice.mentionsSchool,
              !context.writerSaysTheyWorkThere else { return [] }
        let school = context.policyPack?.organisation
        let detail = school.map { LocalizedText(nl: "een discussie over \($0)", en: "a discussion about \($0)") }
            ?? LocalizedText(nl: "een discussie over school", en: "a discussion about school")
        let suggestion = LocalizedText(
            nl: "Zeg erbij dat u er werkt, bijvoorbeeld: \"Ik ben leerkracht bij \(school ?? "[school]").\" Of reageer niet, en verwijs naar de school.",
            en: "Say that you work there, for example: \"I am a teacher at \(school ?? "[school]").\" Or do not reply, and refer to the school.")
        return [Detection(range: 0..<context.document.bytes.count, normalized: "staff-unidentified", detail: detail, suggestion: suggestion)]
    }

    var description: RuleDescription { Self.about }

    private static func reply(_ school: String? = "kits-primair", role: AuthorRole = .staff) -> RecordMetadata {
        RecordMetadata(authorRole: role, organisation: school, kind: .comment)
    }

    private static let about = RuleDescription(
        id: "conduct.staff-unidentified",
        name: LocalizedText(nl: "Medewerker zegt niet dat hij er werkt", en: "Staff member does not say they work there"),
        category: FindingCategory(rawValue: "discussion"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Kits Primair, Montessori Lyceum Flevoland en SVOK vragen een medewerker die meedoet aan een discussie over de school te vermelden dat hij of zij er werkt. Gemeld wordt een reactie of antwoord (kind comment of reply, of een record met in_reply_to; bij een concept: --kind reply) van een medewerker over de school (een schoolwoord of de naam van de school) zonder \"ik werk op …\", \"als leerkracht …\", \"ik ben docent bij …\" of iets dergelijks. Een eigen bericht (geen reactie) valt onder conduct.missing-disclaimer.",
            en: "Kits Primair, Montessori Lyceum Flevoland and SVOK ask a staff member who joins a discussion about the school to say that they work there. Reported: a comment or reply (kind comment or reply, or a record with in_reply_to; for a draft: --kind reply) by staff about the school (a school word or the school's name) without \"ik werk op …\", \"als leerkracht …\", \"ik ben docent bij …\" or the like. A post of one's own (not a reply) is conduct.missing-disclaimer's."
        ),
        message: LocalizedText(nl: "reactie van een medewerker in {detail} zonder te vermelden dat de schrijver er werkt",
                               en: "a staff member's reply in {detail} without saying the writer works there"),
        suggestion: LocalizedText(nl: "Zeg erbij dat u er werkt, bijvoorbeeld: \"Ik ben leerkracht bij [school].\"",
                                  en: "Say that you work there, for example: \"I am a teacher at [school].\""),
        triggeringExamples: [
            RuleExample("⟦Die nieuwe rekenmethode werkt prima hoor, de leerlingen zijn enthousiast.⟧", metadata: reply()),
            RuleExample("⟦Klopt niet helemaal, Kits Primair heeft de schooltijden pas na overleg aangepast.⟧", metadata: reply(nil)),
        ],
        nonTriggeringExamples: [
            RuleExample("Ik werk zelf op De Klimop: de nieuwe rekenmethode werkt prima, de leerlingen zijn enthousiast.", metadata: reply()),
            RuleExample("Als leerkracht van groep 6 kan ik zeggen dat de leerlingen enthousiast zijn.", metadata: reply()),
            RuleExample("De nieuwe rekenmethode werkt prima op school, groetjes, jullie juf Anouk", metadata: reply()),
            RuleExample("Die regel over mobieltjes op school is in de MR besproken (docent Engels hier).", metadata: reply()),
            RuleExample("Die nieuwe rekenmethode werkt prima hoor, de leerlingen zijn enthousiast.", metadata: reply(role: .parent)),
            RuleExample("Die nieuwe rekenmethode werkt prima, de leerlingen zijn enthousiast.", metadata: RecordMetadata(authorRole: .staff, organisation: "kits-primair", kind: .post)),
            RuleExample("Gefeliciteerd, wat een mooie foto!", metadata: reply()),
        ],
        judgesWholePost: true
    )
}

extension RuleContext {
    /// Whether the post says its writer works at the school: an employment phrase ("ik werk op", "mijn
    /// leerlingen") or a role the writer names themselves by ("als jullie mentor", "docent Engels hier").
    /// `writerSaysTheyWorkThere` keeps the answer.
    func findStaffIdentification() -> Bool {
        clauseCues.contains(.employment) || !matches(of: resources.staffIdentificationConstructions, firstOnly: true).isEmpty
    }
}
