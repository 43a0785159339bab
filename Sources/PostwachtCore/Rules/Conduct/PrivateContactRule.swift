/// A staff member giving a private e-mail address or mobile number as contact.
struct PrivateContactRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .staff else { return [] }
        let privateDomains = context.resources.personalData.privateMailDomains
        return context.personalData.candidates.compactMap { item in
            switch item.kind {
            case .email:
                guard privateDomains.contains(item.domain) else { return nil }
            case .phone:
                guard item.normalized.hasPrefix("+316") else { return nil }
            default:
                return nil
            }
            return Detection(item)
        }
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.private-contact",
        name: LocalizedText(nl: "Privécontactgegevens", en: "Private contact details"),
        category: FindingCategory(rawValue: "private-contact"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "De protocollen willen dat medewerkers via school communiceren: het e-mailadres van school (Kits Primair, SVOK), digitaal contact alleen via e-mail (Montessori), terughoudend met het privénummer (De Regenboog). Gemeld wordt een medewerker die een privé-e-mailadres (gmail, hotmail, outlook, ziggo …) of een 06-nummer als contact geeft.",
            en: "The protocols want staff to communicate through school: the school e-mail address (Kits Primair, SVOK), digital contact only by e-mail (Montessori), reticence with a private number (De Regenboog). Reported: a staff member giving a private e-mail address (gmail, hotmail, outlook, ziggo …) or a mobile number as contact."
        ),
        message: LocalizedText(nl: "'{match}' is een privécontactgegeven", en: "'{match}' is a private contact detail"),
        suggestion: LocalizedText(
            nl: "Gebruik je e-mailadres van school of de schoolapp.",
            en: "Use your school e-mail address or the school app."
        ),
        triggeringExamples: [
            RuleExample("Vragen over de toets? Mail naar ⟦juf.anna@gmail.com⟧", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Bel me gerust op ⟦06-12345678⟧", metadata: RecordMetadata(authorRole: .staff)),
        ],
        nonTriggeringExamples: [
            RuleExample("Vragen? Mail naar a.jansen@obs-demolen.nl", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Bel me gerust op 06-12345678", metadata: RecordMetadata(authorRole: .parent)),
            RuleExample("De school is bereikbaar op 020-6543210", metadata: RecordMetadata(authorRole: .staff)),
        ]
    )
}
