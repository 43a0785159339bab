/// A staff member arguing with a parent or pupil in a reply: contradicting, blaming, telling them off.
struct ArguingRule: Rule {
    init() {}

    /// The ways a reply argues (Lexicons/nl/constructions/arguing.tsv), besides the contradiction
    /// phrases of nl/clause-cues.tsv.
    static let constructionFile = "nl/constructions/arguing.tsv"

    func detect(in context: RuleContext) -> [Detection] {
        let metadata = context.document.metadata
        guard context.authorRole == .staff, metadata.isInDiscussion else { return [] }
        // The clause is about parents and pupils; a reply to a colleague or the school is not it, and
        // one to someone unknown probably is (who else answers a school's post).
        let sureness: Sureness
        switch metadata.replyToRole {
        case .parent?, .pupil?: sureness = .sure
        case nil: sureness = .likely
        case .staff?, .school?: return []
        }
        let detail = metadata.replyToRole == .pupil ? Self.withPupil : metadata.replyToRole == .parent ? Self.withParent : Self.withSomeone
        let evidence = ArguingEvidence(context: context)
        // The words that argue, where a construction or phrase names them; else the whole reply, when
        // the evidence together says it argues.
        guard !evidence.spans.isEmpty else {
            guard context.resources.arguingModel.score(evidence) > 0 else { return [] }
            return [Detection(range: 0..<context.document.bytes.count, sureness: sureness, normalized: "arguing", detail: detail)]
        }
        let detections = evidence.spans.map { range in
            Detection(range: range, sureness: sureness, normalized: context.document.text(of: range).lowercased(), detail: detail)
        }
        return DetectionSpans.longestOnly(detections)
    }

    private static let withParent = LocalizedText(nl: "een ouder", en: "a parent")
    private static let withPupil = LocalizedText(nl: "een leerling", en: "a pupil")
    private static let withSomeone = LocalizedText(nl: "wie het bericht ook schreef", en: "whoever wrote the post")

    var description: RuleDescription { Self.about }

    private static func reply(to role: AuthorRole? = .parent, by author: AuthorRole = .staff) -> RecordMetadata {
        RecordMetadata(authorRole: author, organisation: "konot", kind: .reply, inReplyTo: "comment-1", replyToRole: role)
    }

    private static let about = RuleDescription(
        id: "conduct.arguing",
        name: LocalizedText(nl: "In discussie met ouder of leerling", en: "Arguing with a parent or pupil"),
        category: FindingCategory(rawValue: "arguing"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Kits Primair, De Regenboog en Konot: medewerkers gaan niet in discussie met een leerling of ouder op sociale media (Konot: \"Neem liever offline contact op\"). Gemeld wordt een reactie of antwoord van een medewerker die tegenspreekt, de schuld geeft of terechtwijst (\"u heeft het mis\", \"als u de brief had gelezen …\", \"dat is uw eigen schuld\"). Staat er geen zo'n zinsdeel, dan weegt een logistisch model (Lexicons/nl/models/arguing.tsv) de hele reactie: hoe ze de lezer aanspreekt en tegenspreekt, de schuld geeft en aandringt, tegenover verwijzingen naar een gesprek, dank en excuses; dan wordt de hele reactie gemeld. Een neutrale verwijzing (\"bel me even op school\") wordt niet gemeld. Antwoordt de reactie een ouder of leerling (reply_to_role), dan is de melding zeker; is onbekend wie, dan een stap lager.",
            en: "Kits Primair, De Regenboog and Konot: staff do not argue with a pupil or parent on social media (Konot: \"rather get in touch offline\"). Reported: a staff comment or reply that contradicts, blames or tells off (\"u heeft het mis\", \"als u de brief had gelezen …\", \"dat is uw eigen schuld\"). Where no such phrase stands, a logistic model (Lexicons/nl/models/arguing.tsv) weighs the reply as a whole: how it addresses and contradicts the reader, blames and insists, against referrals to a private talk, thanks and apologies; then the whole reply is reported. A neutral referral (\"bel me even op school\") is not reported. When the reply answers a parent or pupil (reply_to_role) the finding is sure; when it is not known whom, one step lower."
        ),
        message: LocalizedText(nl: "'{match}': in discussie met {detail} op sociale media", en: "'{match}': arguing with {detail} on social media"),
        suggestion: LocalizedText(
            nl: "Ga niet in discussie. Neem liever offline contact op: \"Bel me gerust even op school, dan bespreken we het.\"",
            en: "Do not argue. Rather get in touch offline: \"Feel free to call me at school, and we will talk it over.\""
        ),
        triggeringExamples: [
            RuleExample("⟦U heeft het mis⟧, de gymles gaat gewoon door.", metadata: reply()),
            RuleExample("⟦Als u de brief had gelezen, wist⟧ u dat de excursie verplaatst is.", metadata: reply()),
            RuleExample("Sorry, maar ⟦dat klopt niet⟧. ⟦Je had moeten⟧ opletten in de les.", metadata: reply(to: .pupil)),
            RuleExample("Dat is ⟦uw eigen schuld⟧.", metadata: reply(to: nil)),
            RuleExample("⟦Het klopt gewoon echt niet⟧ wat u schrijft.", metadata: reply()),
            RuleExample("Ik heb ⟦al vijf keer uitgelegd⟧ waarom.", metadata: reply(to: .pupil)),
            // No construction names the words: the evidence together (address, contrast, negation) does.
            RuleExample("⟦Nee hoor, uw dochter heeft juist niet opgelet en dat is toch echt niet de bedoeling.⟧", metadata: reply()),
        ],
        nonTriggeringExamples: [
            RuleExample("Bel me even op school, dan kijken we samen wat er mis ging.", metadata: reply()),
            RuleExample("Dank voor uw reactie! Ik neem morgen contact met u op.", metadata: reply()),
            RuleExample("Het klopt dat de bus later kwam, excuses daarvoor.", metadata: reply()),
            RuleExample("Bedankt voor uw bericht, bel me gerust even op school, dan bespreken we het samen.", metadata: reply()),
            RuleExample("U heeft het mis, de gymles gaat gewoon door.", metadata: reply(by: .parent)),
            RuleExample("U heeft het mis, de gymles gaat gewoon door.", metadata: reply(to: .staff)),
            RuleExample("U heeft het mis, de gymles gaat gewoon door.", metadata: RecordMetadata(authorRole: .staff, organisation: "konot", kind: .post)),
        ]
    )
}

extension Checker {
    /// The arguing evidence of `record` and its score (log-odds), as conduct.arguing weighs it: for
    /// `postwacht lexicon evidence --rule conduct.arguing` and the training script.
    package func arguingEvidence(of record: Record) throws(RecordError) -> (evidence: ArguingEvidence, score: Double) {
        let context = context(for: try document(for: record))
        let evidence = ArguingEvidence(context: context)
        return (evidence, context.resources.arguingModel.score(evidence))
    }
}
