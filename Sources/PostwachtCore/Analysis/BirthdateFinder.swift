/// Dates that are dates of birth: a birth cue just before ("geboren op 3 maart 2015", "geb. 03-03-2015",
/// "geboortedatum: 14/07/2016"), just after ("op 12 mei jarig") or an age said a little later
/// ("jarig op 12 mei, 8 jaar geworden"). A date on its own is an event, never a birth date.
struct BirthdateFinder {
    let document: Document
    let keys: WordKeys
    let resources: LinterResources
    private var cues: TermList<PersonalDataLexicon.BirthCue> { _read { yield resources.personalData.birthCues } }

    func birthdates(among dates: [DateMention]) -> [PersonalDataCandidate] {
        guard !dates.isEmpty else { return [] }
        let tokens = document.tokens
        return dates.compactMap { date in
            guard isBirthdate(date) else { return nil }
            let range = Int(tokens[date.tokens.lowerBound].start)..<Int(tokens[date.tokens.upperBound].end)
            return PersonalDataCandidate(kind: .birthdate, range: range, normalized: document.text(of: range))
        }
    }

    private func isBirthdate(_ date: DateMention) -> Bool {
        let tokens = document.tokens
        // Before: the cue ends at most five tokens before the date ("geboortedatum van mijn zoon: …").
        var end = date.tokens.lowerBound - 1
        var skipped = 0
        while end >= 0, skipped <= 5, !document.endsSentence(end) || isAbbreviationDot(end) {
            if let cue = cueEnding(at: end), cue.contains(.before) { return true }
            end -= 1
            skipped += 1
        }
        // After: a cue starting within two tokens after the date; an age within eight, in the same sentence.
        var index = date.tokens.upperBound + 1
        var distance = 0
        while index < tokens.count, distance < 8, !document.endsSentence(index) {
            if let cue = cueEnding(at: index) {
                if cue.contains(.after), distance <= 2 { return true }
                if cue.contains(.age) { return true }
            }
            index += 1
            distance += 1
        }
        return false
    }

    /// "geb." — a dot glued to a short word is an abbreviation, not the end of a sentence.
    private func isAbbreviationDot(_ index: Int) -> Bool {
        index > 0 && document.isCharacter(index, ".") && document.isGlued(index - 1, index) && document.tokens[index - 1].kind == .word
            && document.tokens[index - 1].byteCount <= 5
    }

    private func cueEnding(at index: Int) -> PersonalDataLexicon.BirthCue? {
        guard keys.facet(index).contains(.birthCue) else { return nil }
        var found: PersonalDataLexicon.BirthCue = []
        cues.forEachTerm(endingAt: index, in: document, keys: keys) { cue, _ in found.formUnion(cue) }
        return found.isEmpty ? nil : found
    }
}
