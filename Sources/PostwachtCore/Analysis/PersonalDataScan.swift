/// All personal data in one document, found once and shared by the personal-data rules: neutral
/// candidates, each rule decides what its kind means.
struct PersonalDataScan {
    private(set) var candidates: [PersonalDataCandidate] = []
    /// Whether the post carries or announces a photo or video.
    var hasPhoto: Bool { hasPhotoAttachment || announcesPhoto }
    private(set) var hasPhotoAttachment = false
    /// Whether the text announces a photo or video: foto's, filmpje, "op de foto", 📸.
    private(set) var announcesPhoto = false

    /// `namesWithoutPhoto`: look for names in a post without a photo too (for masking a text).
    init(document: Document, keys: WordKeys, resources: LinterResources, namesWithoutPhoto: Bool = false) {
        for address in EmailScanner.addresses(in: document) {
            var candidate = PersonalDataCandidate(kind: .email, range: address.range,
                                                  normalized: address.localPart.lowercased() + "@" + address.domain.lowercased())
            candidate.localPart = address.localPart.lowercased()
            candidate.domain = address.domain.lowercased()
            candidates.append(candidate)
        }
        var numbers = NumberScanner(document: document, keys: keys, resources: resources)
        numbers.scan()
        // Digits inside an e-mail address are part of it. Addresses come in text order, so each number
        // looks for an overlap by binary search rather than through every address.
        let addresses = candidates.map(\.range)
        candidates += numbers.items.filter { item in
            let range = item.range
            let first = addresses.partitioningIndex { $0.upperBound > range.lowerBound }
            return !(first < addresses.count && addresses[first].overlaps(range))
        }
        candidates += BirthdateFinder(document: document, keys: keys, resources: resources).birthdates(among: numbers.dates)
        hasPhotoAttachment = document.metadata.attachments.contains { $0.type == .image || $0.type == .video }
        announcesPhoto = Self.announcesPhoto(document, keys: keys, resources: resources)
        if hasPhoto || namesWithoutPhoto {
            let tokens = document.tokens
            for mention in NameScanner(document: document, keys: keys, resources: resources).mentions() {
                let range = Int(tokens[mention.tokens.lowerBound].start)..<Int(tokens[mention.tokens.upperBound].end)
                var candidate = PersonalDataCandidate(kind: .name, range: range, normalized: document.text(of: range))
                candidate.title = mention.title
                candidate.isChild = mention.isChild
                candidates.append(candidate)
            }
        }
    }

    /// The candidates of one kind, in text order within the kind.
    func candidates(_ kind: PersonalDataCandidate.Kind) -> [PersonalDataCandidate] {
        candidates.filter { $0.kind == kind }
    }

    /// A strong cue in the text: foto's, filmpje, "op de foto", 📸.
    static func announcesPhoto(_ document: Document, keys: WordKeys, resources: LinterResources) -> Bool {
        for index in document.tokens.indices where keys.facet(index).contains(.photoCue) {
            var found = false
            resources.personalData.photoCues.forEachTerm(endingAt: index, in: document, keys: keys) { _, _ in found = true }
            if found { return true }
        }
        return resources.personalData.photoEmoji.occurs(in: document.bytes)
    }
}

extension Detection {
    /// A sure detection of a candidate, as most personal-data rules report it.
    init(_ candidate: PersonalDataCandidate, sureness: Sureness = .sure, detail: LocalizedText? = nil) {
        self.init(range: candidate.range, sureness: sureness, normalized: candidate.normalized, detail: detail)
    }
}
