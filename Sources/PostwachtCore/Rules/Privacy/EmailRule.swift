/// E-mail addresses, including internationalised domains. A school's general mailbox (info@,
/// administratie@) is reported as info: it is meant to be public.
struct EmailRule: Rule {
    init() {}

    /// A school's general mailbox (info@, administratie@) is meant to be public: a hint only.
    func detect(in context: RuleContext) -> [Detection] {
        let roleMailboxes = context.resources.personalData.roleMailboxes
        return context.personalData.candidates(.email).map { address in
            roleMailboxes.contains(address.localPart) ? Detection(address, sureness: .hint, detail: Self.roleMailboxDetail) : Detection(address)
        }
    }

    private static let roleMailboxDetail = LocalizedText(nl: "algemeen adres van een organisatie", en: "an organisation's general mailbox")

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.email",
        name: LocalizedText(nl: "E-mailadres", en: "E-mail address"),
        category: .email,
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Een persoonlijk e-mailadres is een persoonsgegeven; de protocollen verbieden persoonlijke informatie te delen. Ook adressen met een domein met accenten worden gevonden. Een algemeen adres van school (info@, administratie@, secretariaat@) wordt alleen als info gemeld.",
            en: "A personal e-mail address is personal data; the protocols forbid sharing personal information. Addresses with accented (IDN) domains are found too. A school's general mailbox (info@, administratie@, secretariaat@) is reported as info only."
        ),
        message: LocalizedText(nl: "'{match}' is een e-mailadres ({detail})", en: "'{match}' is an e-mail address ({detail})"),
        suggestion: LocalizedText(
            nl: "Laat het adres weg of verwijs naar het algemene adres van school.",
            en: "Leave the address out or refer to the school's general address."
        ),
        triggeringExamples: [
            RuleExample("Mail je opgave naar ⟦sanne.jansen@gmail.com⟧ voor vrijdag"),
            RuleExample("Foto's graag naar ⟦ouder@bakkerij-müller.nl⟧."),
            RuleExample("Contact: ⟦m.devries@obs-demolen.nl⟧"),
            // An emoji or a closing quote right after the address ends it; it does not hide it.
            RuleExample("Mail me: ⟦jan@gmail.com⟧😀 of “⟦piet@hotmail.nl⟧”"),
        ],
        nonTriggeringExamples: [
            RuleExample("Kijk op www.obs-demolen.nl voor het jaarrooster."),
            RuleExample("Stuur een bericht via Parro, dan reageren we snel."),
            RuleExample("We zijn @obsdemolen op Instagram!"),
        ]
    )
}
