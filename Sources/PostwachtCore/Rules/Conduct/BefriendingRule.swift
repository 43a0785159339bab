/// A staff member asking pupils to add, follow or befriend them on social media.
struct BefriendingRule: Rule {
    init() {}

    /// The ways staff invite pupils (Lexicons/nl/constructions/befriending.tsv), besides the phrases of
    /// nl/befriending-phrases.tsv.
    static let constructionFile = "nl/constructions/befriending.tsv"

    func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .staff else { return [] }
        let constructed = context.matches(of: context.resources.befriendingConstructions, anchoredBy: .befriendingAnchor).map { match in
            Detection(range: match.range, normalized: context.document.text(of: match.range).lowercased())
        }
        return DetectionSpans.longestOnly(context.voice.befriending + constructed)
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.befriending-pupils",
        name: LocalizedText(nl: "Leerlingen als vriend", en: "Befriending pupils"),
        category: FindingCategory(rawValue: "befriending"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Montessori, De Regenboog en SVOK verbieden medewerkers om op sociale media \"vrienden\" te worden met leerlingen. Gemeld wordt een medewerker die oproept hem of haar toe te voegen of te volgen (\"voeg me toe op insta\", \"stuur me een vriendschapsverzoek\", \"volg mij op TikTok\"). \"Volg ons op Instagram\" van de school is geen vriendschap.",
            en: "Montessori, De Regenboog and SVOK forbid staff to become \"friends\" with pupils on social media. Reported: a staff member asking to be added or followed (\"voeg me toe op insta\", \"stuur me een vriendschapsverzoek\", \"volg mij op TikTok\"). The school's \"volg ons op Instagram\" is not befriending."
        ),
        message: LocalizedText(nl: "'{match}': oproep aan leerlingen om bevriend te worden", en: "'{match}': asks pupils to connect"),
        suggestion: LocalizedText(
            nl: "Houd contact met leerlingen via de schoolkanalen (schoolapp, e-mail van school).",
            en: "Keep contact with pupils through school channels (school app, school e-mail)."
        ),
        triggeringExamples: [
            RuleExample("Leuk jullie gezien te hebben, ⟦voeg me toe op insta⟧!", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("⟦Stuur me een vriendschapsverzoek⟧ dan deel ik de foto's", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Groep 6, jullie ⟦mogen me best volgen⟧ hoor 😉", metadata: RecordMetadata(authorRole: .staff)),
        ],
        nonTriggeringExamples: [
            RuleExample("Volg ons op Instagram voor nieuws uit de klas!", metadata: RecordMetadata(authorRole: .school)),
            RuleExample("Volg mij naar de gymzaal, jongens.", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Voeg me toe op insta!", metadata: RecordMetadata(authorRole: .pupil)),
        ]
    )
}
