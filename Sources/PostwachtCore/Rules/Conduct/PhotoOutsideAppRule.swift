/// Photos or video from school on a public channel where the school allows them only in its app.
struct PhotoOutsideAppRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        guard let pack = context.policyPack, pack.photosOnlyInSchoolApp, let channel = context.channel,
              context.resources.conduct.publicChannels.contains(channel), !context.voice.pointsToClosedChannel else { return [] }
        // Announced photos are of the event the post is about; an attached photo only counts when the post is about school.
        let personalData = context.personalData
        guard personalData.announcesPhoto || personalData.hasPhotoAttachment && context.voice.mentionsSchool else { return [] }
        return [Detection(range: 0..<context.document.bytes.count, normalized: channel,
                          detail: LocalizedText(nl: "\(pack.organisation), kanaal \(channel)", en: "\(pack.organisation), channel \(channel)"))]
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.photo-outside-app",
        name: LocalizedText(nl: "Foto buiten de schoolapp", en: "Photo outside the school app"),
        category: FindingCategory(rawValue: "photo-channel"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "GBS De Regenboog staat foto's, video's en geluid uit de schoolsituatie alleen toe in de schoolapp (richtlijn 9). Gemeld wordt een bericht met een foto of video (bijlage of aangekondigd in de tekst) over school voor een openbaar kanaal (Facebook, Instagram, X, website …) van een school met die regel; niet een bericht dat juist naar de schoolapp verwijst. Het kanaal komt uit het `channel`-veld van het bericht of uit de configuratie.",
            en: "GBS De Regenboog allows photos, video and sound from school only in the school app (guideline 9). Reported: a post with a photo or video (attached or announced in the text) about school for a public channel (Facebook, Instagram, X, website …) of a school with that rule; not a post that points to the school app. The channel comes from the record's `channel` field or the configuration."
        ),
        message: LocalizedText(nl: "foto of video op een openbaar kanaal ({detail})", en: "photo or video on a public channel ({detail})"),
        suggestion: LocalizedText(
            nl: "Plaats de foto's alleen in de schoolapp, achter de inlog.",
            en: "Post the photos only in the school app, behind the login."
        ),
        triggeringExamples: [
            RuleExample("⟦Wat een geweldige sportdag! Bekijk de foto's 📸⟧", metadata: RecordMetadata(authorRole: .staff, organisation: "regenboog", channel: "facebook")),
        ],
        nonTriggeringExamples: [
            RuleExample("Wat een geweldige sportdag! Bekijk de foto's 📸", metadata: RecordMetadata(authorRole: .staff, organisation: "regenboog", channel: "schoolapp")),
            RuleExample("Wat een geweldige sportdag! Bekijk de foto's 📸", metadata: RecordMetadata(authorRole: .staff, organisation: "svok", channel: "facebook")),
            RuleExample("De sportdag was geweldig, dank aan alle ouders!", metadata: RecordMetadata(authorRole: .staff, organisation: "regenboog", channel: "facebook")),
            RuleExample("De foto's van de sportdag staan in de schoolapp!", metadata: RecordMetadata(authorRole: .staff, organisation: "regenboog", channel: "facebook")),
            RuleExample("Vakantiekiekje uit Kroatië, wat een water!", metadata: RecordMetadata(authorRole: .staff, attachments: [Attachment(type: .image)], organisation: "regenboog", channel: "facebook")),
        ],
        judgesWholePost: true
    )
}
