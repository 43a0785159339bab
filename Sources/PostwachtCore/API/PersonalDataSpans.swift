/// The personal data postwacht recognises in a text, as ranges, for showing that text with the data
/// masked (the audit's HTML report). It runs the personal-data scan the rules share — e-mail
/// addresses, phone numbers, street addresses, BSN, IBAN, birth dates — and names wherever they
/// stand, with or without a photo.
///
/// One per thread: it keeps a tokenizer and word keys of its own.
public final class PersonalDataSpans {
    private let checker: Checker
    private let keys: WordKeys
    private let resources: LinterResources

    /// A scanner with the linter's lexicons and a tokenizer of its own.
    public init(linter: Linter) throws(TextModelError) {
        checker = try linter.makeChecker()
        resources = linter.resources
        keys = WordKeys(folder: KeyFolder(lookalikes: resources.letterLookalikes), tables: resources.keyTables, facets: resources.facets)
    }

    /// UTF-16 offsets (as JavaScript counts) of each recognised value in `text`, in text order,
    /// overlapping ones merged. Empty for a text too large to check.
    public func utf16Ranges(in text: String) -> [Range<Int>] {
        guard !text.isEmpty, let document = try? checker.document(for: Record(id: "", text: text)) else { return [] }
        keys.rebuild(for: document)
        let scan = PersonalDataScan(document: document, keys: keys, resources: resources, namesWithoutPhoto: true)
        var positions = TextPositions(document.bytes)
        let ranges = scan.candidates.map(\.range).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            let location = positions.location(of: range)
            let units = location.utf16.start..<location.utf16.end
            if let last = merged.last, units.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, units.upperBound)
            } else {
                merged.append(units)
            }
        }
        return merged
    }
}
