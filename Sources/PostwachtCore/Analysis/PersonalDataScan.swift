/// All personal data in one document, found once and shared by the personal-data rules.
struct PersonalDataScan {
    private(set) var items: [PersonalDataItem] = []
    /// Whether the post carries or announces a photo or video.
    var hasPhoto: Bool { hasPhotoAttachment || announcesPhoto }
    private(set) var hasPhotoAttachment = false
    /// Whether the text announces a photo or video: foto's, filmpje, "op de foto", 📸.
    private(set) var announcesPhoto = false

    init(document: Document, keys: WordKeys, resources: LinterResources, consent: ConsentRegister?) {
        for address in EmailScanner.addresses(in: document) {
            let local = address.localPart.lowercased()
            let isRoleMailbox = resources.personalData.roleMailboxes.contains(local)
            items.append(PersonalDataItem(category: .email, detection: Detection(
                range: address.range, severity: isRoleMailbox ? .info : nil, normalized: local + "@" + address.domain.lowercased(),
                detail: isRoleMailbox ? Self.roleMailboxDetail : nil)))
        }
        var numbers = NumberScanner(document: document, keys: keys, resources: resources)
        numbers.scan()
        // Digits inside an e-mail address are part of it. Addresses come in text order, so each number
        // looks for an overlap by binary search rather than through every address.
        let addresses = items.map(\.detection.range)
        items += numbers.items.filter { item in
            let range = item.detection.range
            let first = addresses.partitioningIndex { $0.upperBound > range.lowerBound }
            return !(first < addresses.count && addresses[first].overlaps(range))
        }
        items += BirthdateFinder(document: document, keys: keys, resources: resources).birthdates(among: numbers.dates)
        hasPhotoAttachment = document.metadata.attachments.contains { $0.type == .image || $0.type == .video }
        announcesPhoto = Self.announcesPhoto(document, keys: keys, resources: resources)
        if hasPhoto {
            let mentions = NameScanner(document: document, keys: keys, resources: resources).mentions()
            items += mentions.compactMap { mention in nameItem(mention, document: document, keys: keys, consent: consent) }
        }
    }

    private static let roleMailboxDetail = LocalizedText(nl: "algemeen adres van een organisatie", en: "an organisation's general mailbox")

    /// A strong cue in the text: foto's, filmpje, "op de foto", 📸.
    static func announcesPhoto(_ document: Document, keys: WordKeys, resources: LinterResources) -> Bool {
        for index in document.tokens.indices where keys.facet(index).contains(.photoCue) {
            var found = false
            resources.personalData.photoCues.forEachTerm(endingAt: index, in: document, keys: keys) { _, _ in found = true }
            if found { return true }
        }
        return resources.personalData.photoEmoji.occurs(in: document.bytes)
    }

    private func nameItem(_ mention: NameScanner.Mention, document: Document, keys: WordKeys, consent: ConsentRegister?) -> PersonalDataItem? {
        let tokens = document.tokens
        let range = Int(tokens[mention.tokens.lowerBound].start)..<Int(tokens[mention.tokens.upperBound].end)
        let name = document.text(of: range)
        var severity: Severity = mention.title != nil ? .warning : mention.isChild ? .error : .warning
        var detail = mention.title != nil ? Self.staffDetail : mention.isChild ? Self.childDetail : nil
        if mention.title == nil, let consent, let recorded = consent.consent(for: name) {
            severity = recorded ? .info : .error
            detail = recorded ? Self.consentDetail : Self.noConsentDetail
        }
        return PersonalDataItem(category: .nameWithPhoto, detection: Detection(range: range, severity: severity, normalized: name, detail: detail))
    }

    private static let childDetail = LocalizedText(nl: "een kind, volgens de context", en: "a child, by the context")
    private static let staffDetail = LocalizedText(nl: "een medewerker met titel", en: "a staff member with a title")
    private static let consentDetail = LocalizedText(nl: "toestemming staat in het register", en: "consent is on record")
    private static let noConsentDetail = LocalizedText(nl: "geen toestemming voor beeldmateriaal in het register", en: "no photo consent on record")
}
