/// Names in a post that shows a photo or video: a child's name is an error, a staff name with a title
/// a warning; the consent register decides for pupils it knows.
struct NameWithPhotoRule: Rule {
    init() {}

    /// A child's name is what the protocols forbid; a staff member with a title, or a name the context
    /// does not place, is probably a concern; the consent register settles a pupil it knows.
    func detect(in context: RuleContext) -> [Detection] {
        guard context.personalData.hasPhoto else { return [] }
        return context.personalData.candidates(.name).map { name in
            if name.title == nil, let recorded = context.consent?.consent(for: name.normalized) {
                return recorded ? Detection(name, sureness: .hint, detail: Self.consentDetail) : Detection(name, detail: Self.noConsentDetail)
            }
            if name.title == .contact { return Detection(name, sureness: .likely, detail: Self.contactDetail) }
            if name.title != nil { return Detection(name, sureness: .likely, detail: Self.staffDetail) }
            return name.isChild ? Detection(name, detail: Self.childDetail) : Detection(name, sureness: .likely)
        }
    }

    private static let childDetail = LocalizedText(nl: "een kind, volgens de context", en: "a child, by the context")
    private static let staffDetail = LocalizedText(nl: "een medewerker met titel", en: "a staff member with a title")
    private static let contactDetail = LocalizedText(nl: "een volwassene om contact mee op te nemen", en: "an adult to get in touch with")
    private static let consentDetail = LocalizedText(nl: "toestemming staat in het register", en: "consent is on record")
    private static let noConsentDetail = LocalizedText(nl: "geen toestemming voor beeldmateriaal in het register", en: "no photo consent on record")

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.name-with-photo",
        name: LocalizedText(nl: "Naam bij foto", en: "Name with photo"),
        category: .nameWithPhoto,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "\"Ik publiceer geen namen in combinatie met foto's van kinderen op het internet\" (De Regenboog); ook de andere protocollen vragen toestemming voor beeldmateriaal. Een bericht met een foto of video (bijlage, of in de tekst: foto's, filmpje, op de foto, 📸) dat een naam noemt, wordt gemeld: een kindernaam (leerling, groep 5, onze kanjer, zoon/dochter) als fout, een volwassene als waarschuwing: een medewerker met titel (juf Marieke), een collega (\"onze nieuwe collega Sanne\"), een contactpersoon (\"bel Lotte Hendriks op school\"). Met --consent toetst postwacht het toestemmingsregister: zonder toestemming fout, met toestemming info.",
            en: "\"I do not publish names together with photos of children on the internet\" (De Regenboog); the other protocols also require consent for images. A post with a photo or video (attachment, or in the text: foto's, filmpje, op de foto, 📸) that names a person is reported: a child's name (leerling, groep 5, onze kanjer, son/daughter) as an error, an adult as a warning: a staff member with a title (juf Marieke), a colleague (\"onze nieuwe collega Sanne\"), a contact person (\"bel Lotte Hendriks op school\"). With --consent postwacht checks the consent register: no consent is an error, consent makes it info."
        ),
        message: LocalizedText(nl: "naam '{match}' in een bericht met foto of video ({detail})", en: "name '{match}' in a post with a photo or video ({detail})"),
        suggestion: LocalizedText(
            nl: "Laat de naam weg bij de foto, of plaats de foto alleen in de afgeschermde schoolapp met toestemming.",
            en: "Leave the name out next to the photo, or post the photo only in the closed school app with consent."
        ),
        triggeringExamples: [
            RuleExample("📸 Onze leerling ⟦Sanne⟧ won de voorleeswedstrijd!"),
            RuleExample("Op de foto: ⟦Daan de Vries⟧ uit groep 5 met zijn zwemdiploma"),
            RuleExample("Juf ⟦Marieke⟧ op de foto met de kleuters"),
            // Adults, though the post speaks of children: a colleague, a contact person (a warning, not an error).
            RuleExample("📸 Welkom aan onze nieuwe collega ⟦Sanne⟧ in groep 4!"),
            RuleExample("Vragen over de foto's van groep 5? Bel ⟦Lotte Hendriks⟧ op school 📸"),
            // A surname that ends like a building (-huis) is still a surname.
            RuleExample("📸 ⟦Daan Nijhuis⟧ en ⟦Mila⟧ bij de musical van groep 8"),
            RuleExample("Kijk, ⟦J. van den Berg⟧ op het filmpje van de musical"),
            RuleExample("Wat een toppers! ⟦Noah⟧ en ⟦Fatima⟧ in actie", metadata: RecordMetadata(attachments: [Attachment(type: .image)])),
        ],
        nonTriggeringExamples: [
            RuleExample("Sanne won de voorleeswedstrijd, gefeliciteerd!"),
            RuleExample("De foto's van de sportdag staan in Parro."),
            RuleExample("Lieve ouders, hierbij de foto's van het kerstdiner."),
            RuleExample("Fijne Koningsdag allemaal! 📸"),
            // Public names: a trip, a shop, a book, the school's own name.
            RuleExample("📸 Groep 8 bij het Anne Frank Huis en daarna boodschappen bij Albert Heijn"),
            RuleExample("📸 We lezen Jip en Janneke en Dikkie Dik in de klas"),
            RuleExample("📸 Open dag op de Jan Ligthartschool!"),
        ]
    )
}
