/// A photo or film of a school situation (a class, a trip, a sports day, a lesson) on social media,
/// with or without names: the protocols want the school's or the people's permission first.
struct SchoolPhotoPermissionRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        let personalData = context.personalData
        guard personalData.hasPhoto else { return [] }
        // The school app is no social medium: the protocols' clause is about social media.
        if let channel = context.channel, context.resources.conduct.closedChannels.contains(channel) { return [] }
        let cues = context.clauseCues
        guard !cues.contains(.permission), let situation = cues.joinedCues(.schoolSituation).first,
              !context.voice.pointsToClosedChannel else { return [] }
        let word = context.document.text(of: context.document.range(of: situation))
        // The school's own account asks for permission as its protocol says; a reminder there is one
        // step below one for a teacher's, parent's or pupil's own post.
        let sureness: Sureness = context.authorRole == .school ? .likely : personalData.hasPhotoAttachment ? .sure : .likely
        return [Detection(range: 0..<context.document.bytes.count, sureness: sureness, normalized: word.lowercased(),
                          detail: LocalizedText(nl: word, en: word))]
    }

    var description: RuleDescription { Self.about }

    private static func post(_ role: AuthorRole = .parent, photo: Bool = true, channel: String = "facebook", school: String = "montessori-flevoland") -> RecordMetadata {
        RecordMetadata(authorRole: role, attachments: photo ? [Attachment(type: .image)] : [], organisation: school, channel: channel)
    }

    private static let about = RuleDescription(
        id: "conduct.school-photo-permission",
        name: LocalizedText(nl: "Foto of film van school", en: "Photo or film from school"),
        category: FindingCategory(rawValue: "school-photo"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Kits Primair, Montessori Lyceum Flevoland, SVOK en Konot staan foto-, film- en geluidsopnamen van schoolsituaties op sociale media alleen toe met (uitdrukkelijke) toestemming. Gemeld wordt een bericht met een foto of video (bijlage, of aangekondigd: foto's, filmpje, 📸) van een schoolsituatie (klas, groep, les, schoolreis, sportdag, musical …), ook zonder namen: controleer de toestemming. Niet gemeld: een bericht dat zegt dat er toestemming is, of dat in de schoolapp staat. Van het schoolaccount een stap lager: de school vraagt de toestemming zelf. De Regenboog heeft haar eigen, strengere regel (conduct.photo-outside-app).",
            en: "Kits Primair, Montessori Lyceum Flevoland, SVOK and Konot allow photo, film and sound recordings of school situations on social media only with (explicit) permission. Reported: a post with a photo or video (attached, or announced: foto's, filmpje, 📸) of a school situation (class, group, lesson, school trip, sports day, musical …), also without names: check the permission. Not reported: a post saying there is permission, or one in the school app. From the school account one step lower: the school asks for the permission itself. De Regenboog has its own, stricter rule (conduct.photo-outside-app)."
        ),
        message: LocalizedText(nl: "foto of film van een schoolsituatie ({detail}): is er toestemming?", en: "photo or film of a school situation ({detail}): is there permission?"),
        suggestion: LocalizedText(
            nl: "Plaats de foto alleen als de school (en wie erop staan) toestemming gaf; bij twijfel niet publiceren.",
            en: "Post the photo only if the school (and those in it) gave permission; when in doubt, do not publish."
        ),
        triggeringExamples: [
            RuleExample("⟦Wat een geweldige schoolreis naar de Efteling vandaag!⟧", metadata: post()),
            RuleExample("⟦📸 Groep 5 tijdens de gymles⟧", metadata: post(.staff, photo: false)),
            RuleExample("⟦Kijk eens hoe mooi de klas versierd is voor Sinterklaas.⟧", metadata: post(.pupil, school: "svok")),
        ],
        nonTriggeringExamples: [
            RuleExample("Wat een geweldige schoolreis naar de Efteling vandaag!", metadata: post(photo: false)),
            RuleExample("Wat een geweldige schoolreis! Alle ouders gaven toestemming voor de foto's.", metadata: post()),
            RuleExample("Wat een geweldige schoolreis naar de Efteling vandaag!", metadata: post(channel: "schoolapp")),
            RuleExample("Vakantiekiekje uit Kroatië, wat een water!", metadata: post(.staff)),
        ],
        judgesWholePost: true
    )
}
