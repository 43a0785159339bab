/// A construction: a pattern over word classes that says one thing, e.g. "a person, a copula, an
/// insult" (`PERSOON_NP ~3 IS ~3 @SCHELD`). Written as data in `Lexicons/nl/constructions/*.tsv`; the
/// pattern language is described in that file's header and in Lexicons/README.md.
/// A class: sets hold a few hundred, read for every sentence, and a reference is cheaper to pass around
/// than the strings and pattern tree.
final class Construction: Sendable {
    let family: String
    let pattern: PatternNode
    /// A sentence holding no unit of these classes cannot match: the `@` element.
    let anchor: WordClassSet
    /// file:line, for explanations and errors.
    let source: String
    /// The most units a match can span: starts further than this before an anchor are not tried.
    let maximumLength: Int
    /// What every first unit of a match passes; nil when a match may start on any unit.
    let startTest: UnitTest?
    /// Classes a sentence must hold, one of each set, before the pattern is tried.
    let requiredClasses: [WordClassSet]

    init(family: String, pattern: PatternNode, anchor: WordClassSet, source: String) {
        self.family = family
        self.pattern = pattern
        self.anchor = anchor
        self.source = source
        maximumLength = pattern.maximumLength
        startTest = pattern.startTest
        requiredClasses = pattern.requiredClasses
    }
}

extension PatternNode {
    /// The most units this part can match.
    var maximumLength: Int {
        switch self {
        case .unit, .anchor: return 1
        case .sequence(let nodes): return nodes.reduce(0) { $0 + $1.maximumLength }
        case .choice(let nodes): return nodes.map(\.maximumLength).max() ?? 0
        case .repeated(let inner, _, let max): return inner.maximumLength * max
        case .gap(let count): return count
        case .sentenceStart, .sentenceEnd: return 0
        case .context(let inner, _): return inner.maximumLength
        }
    }
}

indirect enum PatternNode: Sendable {
    /// One unit: any of these classes or words.
    case unit(UnitTest)
    /// The `@` element: a unit, remembered as the construction's anchor.
    case anchor(UnitTest)
    case sequence([PatternNode])
    case choice([PatternNode])
    case repeated(PatternNode, min: Int, max: Int)
    /// Up to this many words of any kind, not crossing clause punctuation or a BARRIER word.
    case gap(Int)
    /// `^` and `$`: the sentence starts or ends here.
    case sentenceStart, sentenceEnd
    /// `< … >` at the start or the end: context the construction needs that is not part of what it says
    /// ("< ALS ~10 > IS JIJ ~2 @DOOD": the condition is not the threat); left out of the match's span.
    case context(PatternNode, leading: Bool)
}

struct UnitTest: Sendable {
    /// Any of these classes …
    var classes = WordClassSet()
    /// … or all of these together (`JIJ&IS`: "you're", one word that is both) …
    var allOf: [WordClassSet] = []
    /// … or one of these words.
    var words: [[UInt8]] = []
    /// `!X`: a word without these classes.
    var negated = false
}

/// What a construction matched in a sentence: unit indices (first…last, context left out), the anchor,
/// and the units that gaps swallowed (a negation there undoes the construction).
struct ConstructionMatch {
    var first: Int
    var last: Int
    var anchor: Int
    var gapUnits: [Int]
}

/// Parses the pattern language.
///
///     CLASS            a unit with that class (capitals; defined by Lexicons/nl/grammar/*.tsv)
///     word             a unit whose key is that word (lower case)
///     A|B|word         any of them
///     A&B              one word with both classes ("youre" is JIJ&IS)
///     !A|B             a word with none of them
///     ( … | … )        alternatives of sequences
///     X? X* X+         optional, up to 4, 1 to 4
///     ~N  ~            up to N words (default 3), not across , ; : or a BARRIER word
///     @X               the anchor: a unit that must be there (a rarer class), marked in explanations
///     ^  $             the start, the end of the sentence
///     < … >            at the start or end: context that must be there but is not part of the span
///     NAME             a `define`d pattern
struct ConstructionParser {
    let book: WordClassBook
    let folder: KeyFolder
    var definitions: [String: PatternNode] = [:]

    struct ParseError: Error { var message: String }

    /// A construction's pattern and its anchor classes; a definition (`requiresAnchor: false`) has none.
    func parse(_ text: String, requiresAnchor: Bool = true) throws(ParseError) -> (PatternNode, WordClassSet) {
        var tokens: [String] = []
        for raw in text.split(separator: " ") {
            var piece = Substring(raw)
            while piece.count > 1, piece.first == "(" { tokens.append("("); piece = piece.dropFirst() }
            var closing: [String] = []
            while piece.count > 1, let last = piece.last, last == ")" || ((last == "?" || last == "*" || last == "+") && piece.dropLast().last == ")") {
                if last == ")" { closing.insert(")", at: 0); piece = piece.dropLast() } else { closing.insert(String(piece.suffix(2)), at: 0); piece = piece.dropLast(2) }
            }
            if !piece.isEmpty { tokens.append(String(piece)) }
            tokens += closing
        }
        var position = 0
        var anchor = WordClassSet()
        let node = try parseChoice(tokens, &position, &anchor, depth: 0)
        guard position == tokens.count else { throw ParseError(message: "unexpected '\(tokens[position])'") }
        if requiresAnchor, anchor.isEmpty { throw ParseError(message: "no @anchor: mark the rarest required element, e.g. @SCHELD") }
        if !requiresAnchor, !anchor.isEmpty { throw ParseError(message: "a definition has no @anchor: the construction using it marks one") }
        return (node, anchor)
    }

    private func parseChoice(_ tokens: [String], _ position: inout Int, _ anchor: inout WordClassSet, depth: Int) throws(ParseError) -> PatternNode {
        var alternatives: [PatternNode] = [try parseSequence(tokens, &position, &anchor, depth: depth)]
        while position < tokens.count, tokens[position] == "|" {
            position += 1
            alternatives.append(try parseSequence(tokens, &position, &anchor, depth: depth))
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    private func parseSequence(_ tokens: [String], _ position: inout Int, _ anchor: inout WordClassSet, depth: Int) throws(ParseError) -> PatternNode {
        var items: [PatternNode] = []
        while position < tokens.count, tokens[position] != "|", tokens[position] != ">", tokens[position] != ")" && !tokens[position].hasPrefix(")") {
            let token = tokens[position]
            position += 1
            var item: PatternNode
            if token == "<" {
                guard depth == 0 else { throw ParseError(message: "a context group < … > stands at the start or the end, not inside ( )") }
                let inner = try parseChoice(tokens, &position, &anchor, depth: depth + 1)
                guard position < tokens.count, tokens[position] == ">" else { throw ParseError(message: "a '<' is not closed with '>'") }
                position += 1
                let leading = items.isEmpty
                guard leading || position == tokens.count else { throw ParseError(message: "a context group < … > stands at the start or the end of a pattern") }
                items.append(.context(inner, leading: leading))
                continue
            }
            if token == "(" {
                item = try parseChoice(tokens, &position, &anchor, depth: depth + 1)
                guard position < tokens.count, tokens[position].hasPrefix(")") else { throw ParseError(message: "a '(' is not closed") }
                let closing = tokens[position]
                position += 1
                item = Self.quantified(item, closing.dropFirst())
            } else if token == "^" || token == "$" {
                item = token == "^" ? .sentenceStart : .sentenceEnd
            } else if token.hasPrefix("~") {
                guard let count = token == "~" ? 3 : Int(token.dropFirst()), (1...12).contains(count) else {
                    throw ParseError(message: "'\(token)': a gap is ~ or ~N with N from 1 to 12")
                }
                item = .gap(count)
            } else {
                var element = Substring(token)
                var quantifier = Substring("")
                if let last = element.last, "?*+".contains(last), element.count > 1 { quantifier = element.suffix(1); element = element.dropLast() }
                let isAnchor = element.hasPrefix("@")
                if isAnchor {
                    guard depth == 0, quantifier.isEmpty else { throw ParseError(message: "'\(token)': the @anchor must be required, not optional or inside ( )") }
                    element = element.dropFirst()
                }
                let parts = element.split(separator: "|")
                // Defined patterns and ^ $ among the alternatives are nodes of their own.
                let special = { (part: Substring) -> PatternNode? in
                    part == "^" ? .sentenceStart : part == "$" ? .sentenceEnd : definitions[String(part)]
                }
                let macros = parts.compactMap(special)
                if !macros.isEmpty {
                    guard !isAnchor else { throw ParseError(message: "'\(token)': an @anchor is a class, not a defined pattern") }
                    let rest = parts.filter { special($0) == nil }
                    let choices = rest.isEmpty ? macros : macros + [.unit(try unitTest(Substring(rest.joined(separator: "|"))))]
                    item = Self.quantified(choices.count == 1 ? choices[0] : .choice(choices), quantifier)
                } else {
                    let test = try unitTest(element)
                    if isAnchor {
                        guard !test.negated, test.words.isEmpty, test.allOf.isEmpty else {
                            throw ParseError(message: "'\(token)': an @anchor is one or more classes")
                        }
                        anchor.formUnion(test.classes)
                        item = .anchor(test)
                    } else {
                        item = Self.quantified(.unit(test), quantifier)
                    }
                }
            }
            items.append(item)
        }
        guard !items.isEmpty else { throw ParseError(message: "an empty alternative") }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private static func quantified(_ node: PatternNode, _ quantifier: Substring) -> PatternNode {
        switch quantifier {
        case "?": return .repeated(node, min: 0, max: 1)
        case "*": return .repeated(node, min: 0, max: 4)
        case "+": return .repeated(node, min: 1, max: 4)
        default: return node
        }
    }

    private func unitTest(_ element: Substring) throws(ParseError) -> UnitTest {
        var test = UnitTest()
        var body = element
        if body.hasPrefix("!") { test.negated = true; body = body.dropFirst() }
        for part in body.split(separator: "|") {
            if part.contains("&") {
                var all = WordClassSet()
                for name in part.split(separator: "&") {
                    guard let classes = book.classSet(named: String(name)) else { throw ParseError(message: "unknown class '\(name)'") }
                    all.formUnion(classes)
                }
                test.allOf.append(all)
            } else if part.first!.isUppercase {
                guard let classes = book.classSet(named: String(part)) else {
                    throw ParseError(message: "unknown class or definition '\(part)'")
                }
                test.classes.formUnion(classes)
            } else {
                let key = folder.key(of: String(part))
                guard !key.isEmpty else { throw ParseError(message: "'\(part)' has nothing to match on") }
                test.words.append(key)
            }
        }
        guard !test.classes.isEmpty || !test.words.isEmpty || !test.allOf.isEmpty else { throw ParseError(message: "'\(element)' is empty") }
        return test
    }
}

/// Matches constructions in one sentence's units by backtracking: the leftmost match, gaps as short as
/// they can be, repetitions as long. Sentences are short and only those holding an anchor are tried.
final class ConstructionMatcher {
    private let units: SentenceUnits
    private let keys: WordKeys
    /// Gaps stop at these: clause punctuation and BARRIER words (maar, want, omdat).
    private let barrier: WordClassSet
    private var gapTrail: [Int] = []
    private var anchorUnit = -1
    /// Where the span starts after a leading context group, and ends before a trailing one.
    private var spanStart = -1
    private var spanEnd = -1

    init(units: SentenceUnits, keys: WordKeys, barrier: WordClassSet) {
        self.units = units
        self.keys = keys
        self.barrier = barrier
    }

    private indirect enum Continuation {
        case done
        /// After a leading context group: mark the span's start here, then go on.
        case marking(Continuation)
        case sequence([PatternNode], Int, Continuation)
        case repeating(PatternNode, min: Int, max: Int, count: Int, Continuation)
    }

    /// The matches of `construction` from left to right, each starting after the one before ends; at
    /// most `limit`.
    func matches(of construction: Construction, limit: Int = .max) -> [ConstructionMatch] {
        var found: [ConstructionMatch] = []
        var from = 0
        while found.count < limit, from < units.count, let match = firstMatch(of: construction, from: from) {
            found.append(match)
            from = match.last + 1
        }
        return found
    }

    /// The first match of `construction` starting at or after unit `from`.
    func firstMatch(of construction: Construction, from: Int = 0) -> ConstructionMatch? {
        guard construction.anchor.isEmpty || !units.allClasses.isDisjoint(with: construction.anchor) else { return nil }
        for required in construction.requiredClasses where units.allClasses.isDisjoint(with: required) { return nil }
        let startTest = construction.startTest
        var start = from
        var lastStart = units.count - 1
        // A match holds an anchor: it starts at most its maximum length before the first one, and no later
        // than the last one.
        if !construction.anchor.isEmpty {
            guard let firstAnchor = units.classes.firstIndex(where: { !$0.isDisjoint(with: construction.anchor) }),
                  let lastAnchor = units.classes.lastIndex(where: { !$0.isDisjoint(with: construction.anchor) }) else { return nil }
            start = max(from, firstAnchor - construction.maximumLength)
            lastStart = lastAnchor
        }
        while start <= lastStart {
            if let startTest, !passes(startTest, start) { start += 1; continue }
            gapTrail.removeAll(keepingCapacity: true)
            anchorUnit = -1
            spanStart = -1
            spanEnd = -1
            if let end = match(construction.pattern, start, .done), end > start {
                let first = spanStart >= 0 ? spanStart : start, last = (spanEnd >= 0 ? spanEnd : end) - 1
                guard first <= last else { start += 1; continue }
                return ConstructionMatch(first: first, last: last, anchor: anchorUnit,
                                         gapUnits: gapTrail.filter { (first...last).contains($0) })
            }
            start += 1
        }
        return nil
    }

    private func run(_ continuation: Continuation, _ position: Int) -> Int? {
        switch continuation {
        case .done:
            return position
        case .marking(let next):
            let saved = spanStart
            spanStart = position
            if let end = run(next, position) { return end }
            spanStart = saved
            return nil
        case .sequence(let nodes, let index, let next):
            return index == nodes.count ? run(next, position) : match(nodes[index], position, .sequence(nodes, index + 1, next))
        case .repeating(let node, let min, let max, let count, let next):
            if count < max, position < units.count,
               let end = match(node, position, .repeating(node, min: min, max: max, count: count + 1, next)) {
                return end
            }
            return count >= min ? run(next, position) : nil
        }
    }

    private func match(_ node: PatternNode, _ position: Int, _ next: Continuation) -> Int? {
        switch node {
        case .unit(let test):
            guard position < units.count, passes(test, position) else { return nil }
            return run(next, position + 1)
        case .anchor(let test):
            guard position < units.count, passes(test, position) else { return nil }
            let saved = anchorUnit
            anchorUnit = position
            if let end = run(next, position + 1) { return end }
            anchorUnit = saved
            return nil
        case .sequence(let nodes):
            return run(.sequence(nodes, 0, next), position)
        case .choice(let alternatives):
            for alternative in alternatives {
                let trail = gapTrail.count
                if let end = match(alternative, position, next) { return end }
                gapTrail.removeSubrange(trail...)
            }
            return nil
        case .repeated(let inner, let min, let max):
            return run(.repeating(inner, min: min, max: max, count: 0, next), position)
        case .context(let inner, let leading):
            if leading {
                let saved = spanStart
                // The context's end is where the span starts: known once the rest has matched after it.
                if let end = match(inner, position, .marking(next)) { return end }
                spanStart = saved
                return nil
            }
            let saved = spanEnd
            spanEnd = position
            if let end = match(inner, position, next) { return end }
            spanEnd = saved
            return nil
        case .sentenceStart:
            return position == 0 ? run(next, position) : nil
        case .sentenceEnd:
            return position == units.count ? run(next, position) : nil
        case .gap(let maximum):
            let trail = gapTrail.count
            var length = 0
            while true {
                if let end = run(next, position + length) { return end }
                guard length < maximum, position + length < units.count,
                      units.classes[position + length].isDisjoint(with: barrier) else { break }
                gapTrail.append(position + length)
                length += 1
            }
            gapTrail.removeSubrange(trail...)
            return nil
        }
    }

    private func passes(_ test: UnitTest, _ position: Int) -> Bool {
        let classes = units.classes[position]
        var hit = !classes.isDisjoint(with: test.classes) || test.allOf.contains { classes.isSuperset(of: $0) }
        if !hit, !test.words.isEmpty {
            let key = keys.key(units.tokens[position])
            hit = test.words.contains { key.elementsEqual($0) }
        }
        if test.negated { return !hit && classes.isDisjoint(with: barrier) }
        return hit
    }
}
