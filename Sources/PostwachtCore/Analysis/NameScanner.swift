/// Person names in Dutch text: a given name from the lexicon (Sanne, Daan de Vries), initials with a
/// surname (J. de Vries), or any capitalised name after a title (juf Marieke, meneer De Boer).
/// Capitalised words that only look like names — sentence starts that are ordinary words, months,
/// greetings, holidays — are not names.
struct NameScanner {
    let document: Document
    let keys: WordKeys
    let resources: LinterResources
    /// Borrowed, not copied: a copy would retain every table.
    private var names: NameLexicon { _read { yield resources.personalData.names } }

    struct Mention {
        /// Token range of the name itself (no title).
        var tokens: ClosedRange<Int>
        var title: NameLexicon.TitleKind?
        var isChild: Bool
    }

    func mentions() -> [Mention] {
        let tokens = document.tokens
        var result: [Mention] = []
        var index = 0
        let childNearby = mentionsChildren()
        let publicNames = publicNameTokens()
        while index < tokens.count {
            guard tokens[index].kind == .word, let mention = mention(at: index, childNearby: childNearby) else {
                index += 1
                continue
            }
            if !publicNames.contains(where: { $0.overlaps(mention.tokens) }) && !namesABuilding(mention) {
                result.append(mention)
            }
            index = mention.tokens.upperBound + 1
        }
        return result
    }

    /// The tokens of public names in the post: "het Anne Frank Huis", "bij Albert Heijn".
    private func publicNameTokens() -> [ClosedRange<Int>] {
        var found: [ClosedRange<Int>] = []
        for index in document.tokens.indices where keys.facet(index).contains(.publicName) {
            names.publicNames.forEachTerm(anchoredAt: index, in: document, keys: keys) { _, first, last in found.append(first...last) }
        }
        return found
    }

    /// "Jan Ligthartschool", "Anne Frankschool", "Max Havelaarlaan": the word after the name is a
    /// building or street named after someone.
    private func namesABuilding(_ mention: Mention) -> Bool {
        let next = mention.tokens.upperBound + 1
        guard mention.title == nil, next < document.tokens.count, document.isSpaced(next - 1, next), document.isCapitalized(next) else {
            return false
        }
        let key = keys.key(next)
        guard names.surnames.value(for: key, hash: keys.hash(next)) == nil else { return false }
        return names.publicNameSuffixes.contains { suffix in key.count > suffix.count && key.reversed().starts(with: suffix.reversed()) }
    }

    private func mention(at index: Int, childNearby: Bool) -> Mention? {
        let title = titleBefore(index)
        if let initials = initials(at: index) {
            guard let end = surname(after: initialsEnd(from: initials)) else { return nil }
            return Mention(tokens: initials...end, title: title, isChild: title == nil && isChildContext(initials, childNearby))
        }
        let start: Int
        if title == .contact {
            // "Bel Lotte", not "Bel School": after a contact word only a given name is a name.
            guard document.isCapitalized(index), isGivenName(index) else { return nil }
            start = index
        } else if title != nil, document.isCapitalized(index) || isGivenName(index) || isTussenvoegsel(index) {
            start = index
        } else {
            guard document.isCapitalized(index), isGivenName(index), isNameInContext(index) else { return nil }
            start = index
        }
        var end = start
        if isTussenvoegsel(start), title != nil {
            guard let last = surname(after: start - 1) else { return nil }
            end = last
        } else if let last = surname(after: start) {
            end = last
        }
        return Mention(tokens: start...end, title: title, isChild: title == nil && isChildContext(start, childNearby))
    }

    private func isGivenName(_ index: Int) -> Bool {
        names.firstNames.value(for: keys.key(index), hash: keys.hash(index)) != nil
    }

    private func isTussenvoegsel(_ index: Int) -> Bool {
        names.tussenvoegsels.value(at: index, keys: keys) != nil
    }

    /// A capitalised given name is a name unless it is a known non-name, or an ordinary word (Roos, Bas,
    /// Mark) standing where a capital proves nothing: at the start of a sentence.
    private func isNameInContext(_ index: Int) -> Bool {
        if names.notNames.value(for: keys.key(index), hash: keys.hash(index)) != nil { return false }
        let isCommonWord = names.firstNames.value(for: keys.key(index), hash: keys.hash(index)) ?? false
        if isCommonWord && document.startsSentence(index) && !isFollowedByAnotherName(index) && !isFollowedByGroup(index) { return false }
        // A word written in capitals only (TOPPERS, AB) is not a name.
        if document.tokens[index].byteCount > 1 && document.isUppercaseASCII(index) { return false }
        // "het Wilhelmus", "een Roos": an article makes a given name a thing.
        if index > 0, document.isSpaced(index - 1, index), Self.articles.contains(keys.keyString(index - 1)) { return false }
        return true
    }

    /// Articles before a capitalised word that make it a thing, not a person ("de" is left out: de Vries).
    private static let articles: Set<String> = ["het", "een"]

    /// "Mats uit 2B", "Roos uit groep 5": a class after the name says it is a pupil.
    private func isFollowedByGroup(_ index: Int) -> Bool {
        let next = index + 1
        return next + 1 < document.tokens.count && document.isSpaced(index, next) && keys.keyString(next) == "uit"
            && (document.tokens[next + 1].kind == .number || keys.traits(next + 1).contains(.digits) || keys.keyString(next + 1) == "groep"
                || keys.keyString(next + 1) == "klas")
    }

    /// "Mila en Jayden": a second given name joined by "en" or "&" makes a sentence-initial one a name too.
    private func isFollowedByAnotherName(_ index: Int) -> Bool {
        let tokens = document.tokens
        let joiner = index + 1, other = index + 2
        guard other < tokens.count, document.isSpaced(index, joiner), document.isSpaced(joiner, other),
              keys.keyString(joiner) == "en" || document.isCharacter(joiner, "&"), document.isCapitalized(other) else { return false }
        return names.firstNames.value(for: keys.key(other), hash: keys.hash(other)) != nil
    }

    /// The title right before the name: juf, meester, meneer, intern begeleider.
    private func titleBefore(_ index: Int) -> NameLexicon.TitleKind? {
        let previous = index - 1
        guard previous >= 0, keys.facet(previous).contains(.title), document.isSpaced(previous, index) else { return nil }
        return names.titles.longestTerm(endingAt: previous, in: document, keys: keys)?.value
    }

    /// "J." or "J.P." (ICU keeps J.P together): token `index` starts initials when it is one capital letter
    /// (or capitals joined by dots) followed by a glued ".".
    private func initials(at index: Int) -> Int? {
        let tokens = document.tokens
        guard tokens[index].kind == .word, tokens[index].byteCount == 1 && document.isUppercaseASCII(index) || isDottedInitials(index),
              index + 1 < tokens.count, document.isCharacter(index + 1, "."), document.isGlued(index, index + 1) else { return nil }
        return index
    }

    private func isDottedInitials(_ index: Int) -> Bool {
        let bytes = document.bytes[document.tokens[index].byteRange]
        guard bytes.count >= 3 else { return false }
        return bytes.enumerated().allSatisfy { offset, byte in
            offset % 2 == 0 ? byte &- UInt8(ascii: "A") < 26 : byte == UInt8(ascii: ".")
        }
    }

    /// The "." ending a run of initials: J. P. de Vries → the second ".".
    private func initialsEnd(from start: Int) -> Int {
        var end = start + 1
        while end + 2 < document.tokens.count, document.isSpaced(end, end + 1, limit: 1) || document.isGlued(end, end + 1),
              let next = initials(at: end + 1) {
            end = next + 1
        }
        return end
    }

    /// The surname after a given name or initials: tussenvoegsels then a capitalised word (de Vries, van
    /// den Berg), or a capitalised surname from the lexicon (Jansen).
    private func surname(after index: Int) -> Int? {
        let tokens = document.tokens
        var next = index + 1
        var sawTussenvoegsel = false
        while next < tokens.count, tokens[next].kind == .word, document.isSpaced(next - 1, next),
              let term = longestTussenvoegsel(startingAt: next) {
            next = term + 1
            sawTussenvoegsel = true
        }
        guard next < tokens.count, tokens[next].kind == .word, document.isSpaced(next - 1, next), document.isCapitalized(next),
              !(tokens[next].byteCount > 1 && document.isUppercaseASCII(next)) else {
            return nil
        }
        if !sawTussenvoegsel {
            guard names.surnames.value(for: keys.key(next), hash: keys.hash(next)) != nil,
                  names.notNames.value(for: keys.key(next), hash: keys.hash(next)) == nil else { return nil }
        }
        // Double names: Jansen-de Wit.
        if next + 2 < tokens.count, document.isCharacter(next + 1, "-"), document.isGlued(next, next + 1),
           document.isGlued(next + 1, next + 2), tokens[next + 2].kind == .word {
            return next + 2
        }
        return next
    }

    /// The last token of the longest tussenvoegsel starting at `index` (van, van der, in 't).
    private func longestTussenvoegsel(startingAt index: Int) -> Int? {
        var best: Int?
        var end = index
        while end < document.tokens.count, end - index < 3 {
            if let found = names.tussenvoegsels.longestTerm(endingAt: end, in: document, keys: keys), found.first == index { best = end }
            end += 1
        }
        return best
    }

    /// Whether the name is a child's: a child word right before it ("onze leerling Sanne", "groep 5 Sanne"),
    /// or children mentioned anywhere in the post.
    private func isChildContext(_ start: Int, _ childNearby: Bool) -> Bool {
        if childNearby { return true }
        for gap in 1...2 {
            let end = start - gap
            guard end >= 0 else { break }
            guard keys.facet(end).contains(.childBefore) else { continue }
            if let found = names.childBefore.longestTerm(endingAt: end, in: document, keys: keys), gap == 1 || found.value {
                return true
            }
        }
        return false
    }

    private func mentionsChildren() -> Bool {
        for index in document.tokens.indices where keys.facet(index).contains(.childNear) {
            var found = false
            names.childNear.forEachTerm(endingAt: index, in: document, keys: keys) { _, _ in found = true }
            if found { return true }
        }
        return false
    }
}
