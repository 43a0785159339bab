/// Citizen service numbers (BSN): nine digits passing the 11-proef, plain, dotted or spaced.
struct BSNRule: Rule {
    init() {}

    /// With a word saying it is a BSN the number is one; without, nine digits passing the 11-proef are
    /// probably one (an order number passes it one time in eleven).
    func detect(in context: RuleContext) -> [Detection] {
        context.personalData.candidates(.bsn).map { Detection($0, sureness: $0.namedByContextWord ? .sure : .likely) }
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.bsn",
        name: LocalizedText(nl: "Burgerservicenummer", en: "Citizen service number (BSN)"),
        category: .bsn,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Een BSN mag volgens de wet alleen voor wettelijke taken gebruikt worden en hoort nooit op sociale media. Negen cijfers (ook 123.456.782 of 1234 56 782) die de 11-proef doorstaan worden gemeld: als fout wanneer een woord als BSN of burgerservicenummer erbij staat, anders als waarschuwing. Staat er dat het een order-, factuur- of klantnummer is, dan is het geen BSN. Acht cijfers (voorloopnul weggelaten) alleen met zo'n contextwoord.",
            en: "By law a BSN may only be used for statutory tasks and never belongs on social media. Nine digits (also 123.456.782 or 1234 56 782) that pass the 11-proef are reported: as an error when a word such as BSN or burgerservicenummer stands next to them, otherwise as a warning. When the text says it is an order, invoice or customer number, it is not a BSN. Eight digits (leading zero left off) only with such a context word."
        ),
        message: LocalizedText(nl: "'{match}' is een burgerservicenummer", en: "'{match}' is a citizen service number (BSN)"),
        suggestion: LocalizedText(
            nl: "Haal het nummer direct weg. Een BSN deel je nooit op sociale media of in de schoolapp.",
            en: "Remove the number at once. A BSN is never shared on social media or in the school app."
        ),
        triggeringExamples: [
            RuleExample("BSN van mijn zoon: ⟦123456782⟧"),
            RuleExample("Burgerservicenummer ⟦111.222.333⟧ staat op het formulier"),
            RuleExample("Het nummer is ⟦1234 56 782⟧, klopt dat?"),
        ],
        nonTriggeringExamples: [
            RuleExample("BSN van mijn zoon: 123456789"),
            RuleExample("Bestelnummer 123456782 is nog niet geleverd."),
            RuleExample("Er kwamen 123 456 bezoekers op de website."),
        ]
    )
}
