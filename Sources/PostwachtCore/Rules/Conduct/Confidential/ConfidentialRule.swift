/// Confidential or internal matters and special categories of personal data tied to a person.
struct ConfidentialRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] { ConfidentialFinder(context: context).detections() }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.confidential",
        name: LocalizedText(nl: "Vertrouwelijke informatie", en: "Confidential information"),
        category: .confidential,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Alle protocollen verbieden vertrouwelijke of interne informatie te delen. Gemeld worden markeringen (\"vertrouwelijk\", \"intern\", \"niet verder verspreiden\"), dossiers (leerling-, zorg-, personeelsdossier), en — alleen als ze aan een persoon hangen (naam, hij/zij, mijn collega, een leerling) — disciplinaire maatregelen (geschorst, ontslagen), diagnoses en gezondheid (ADHD, dyslexie, autisme) en de bijzondere persoonsgegevens van AVG art. 9 (godsdienst, afkomst, geaardheid, politiek, vakbond). Onschuldig blijft: vertrouwenspersoon, intern begeleider, het dossier klimaat, geen schorsing van de lessen, een les over wereldgodsdiensten.",
            en: "Every protocol forbids sharing confidential or internal information. Reported: markers (\"vertrouwelijk\", \"intern\", \"niet verder verspreiden\"), files (pupil, care, staff files), and — only when tied to a person (a name, he/she, my colleague, a pupil) — disciplinary measures (suspended, dismissed), diagnoses and health (ADHD, dyslexia, autism) and the special categories of GDPR art. 9 (religion, origin, orientation, politics, union). Innocent stays clean: vertrouwenspersoon, intern begeleider, het dossier klimaat, geen schorsing van de lessen, a lesson on world religions."
        ),
        message: LocalizedText(nl: "'{match}' is vertrouwelijke informatie", en: "'{match}' is confidential information"),
        suggestion: LocalizedText(
            nl: "Deel dit niet online; bespreek het persoonlijk met de betrokkenen.",
            en: "Do not share this online; discuss it in person with those involved."
        ),
        triggeringExamples: [
            RuleExample("Let op: ⟦vertrouwelijk⟧, alleen voor het team."),
            RuleExample("Het ⟦zorgdossier⟧ van groep 6 ligt op mijn bureau."),
            RuleExample("Sanne heeft ⟦ADHD⟧ en daarom zit ze vooraan."),
            // The dot of "geb." or "o.a." does not end the sentence that names her.
            RuleExample("Sanne (geb. 2015, o.a. groep 5) heeft ⟦ADHD⟧."),
            RuleExample("Mijn collega is ⟦geschorst⟧ na het incident."),
        ],
        nonTriggeringExamples: [
            RuleExample("Heb je zorgen? Praat met onze vertrouwenspersoon."),
            RuleExample("Deze week werken we aan het dossier klimaat."),
            RuleExample("Geen schorsing van de lessen bij slecht weer."),
            RuleExample("Tips voor een ADHD-vriendelijke klas, lees het artikel."),
            RuleExample("Onze intern begeleider is op dinsdag aanwezig."),
        ]
    )
}
