/// What a pattern needs of a sentence before the matcher tries it, worked out once when the
/// construction is read: the units a match can start with, and the classes it cannot do without. Most
/// sentences that hold an anchor word lack one of the other required parts; most starts in a sentence
/// cannot begin the pattern. Both checks are cheap set tests where the matcher would backtrack.
extension PatternNode {
    /// One test that every unit a match can start on passes (an over-approximation), or nil when a match
    /// can start anywhere (a leading gap, a negated unit, a pattern that can match nothing first).
    var startTest: UnitTest? {
        guard let (tests, nullable) = startTests, !nullable else { return nil }
        var merged = UnitTest()
        for test in tests {
            merged.classes.formUnion(test.classes)
            merged.allOf += test.allOf
            merged.words += test.words
        }
        return merged
    }

    /// The tests a first unit may pass, and whether the node can match no unit at all; nil when any unit
    /// may come first.
    private var startTests: (tests: [UnitTest], nullable: Bool)? {
        switch self {
        case .unit(let test), .anchor(let test):
            return test.negated ? nil : ([test], false)
        case .sequence(let nodes):
            var tests: [UnitTest] = []
            for node in nodes {
                guard let (first, nullable) = node.startTests else { return nil }
                tests += first
                if !nullable { return (tests, false) }
            }
            return (tests, true)
        case .choice(let nodes):
            var tests: [UnitTest] = []
            var nullable = false
            for node in nodes {
                guard let (first, empty) = node.startTests else { return nil }
                tests += first
                nullable = nullable || empty
            }
            return (tests, nullable)
        case .repeated(let inner, let min, _):
            guard let (first, empty) = inner.startTests else { return nil }
            return (first, empty || min == 0)
        case .context(let inner, _):
            return inner.startTests
        case .sentenceStart, .sentenceEnd:
            return ([], true)
        case .gap:
            return nil
        }
    }

    /// Class sets of which a sentence must hold at least one word for a match: the plain (class-only,
    /// not negated) units every match passes through.
    var requiredClasses: [WordClassSet] {
        switch self {
        case .unit(let test), .anchor(let test):
            return !test.negated && test.words.isEmpty && test.allOf.isEmpty && !test.classes.isEmpty ? [test.classes] : []
        case .sequence(let nodes):
            return nodes.flatMap(\.requiredClasses)
        case .choice(let nodes):
            // Each alternative needs one of its own; together: the union of one requirement from each.
            var union = WordClassSet()
            for node in nodes {
                guard let first = node.requiredClasses.first else { return [] }
                union.formUnion(first)
            }
            return [union]
        case .repeated(let inner, let min, _):
            return min > 0 ? inner.requiredClasses : []
        case .context(let inner, _):
            return inner.requiredClasses
        case .sentenceStart, .sentenceEnd, .gap:
            return []
        }
    }
}
