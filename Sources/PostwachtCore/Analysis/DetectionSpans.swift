/// Helpers the conduct rules share for spans of tokens: a detection over tokens, the longest of
/// overlapping detections, the more specific of two adjacent terms.
enum DetectionSpans {
    static func detection(_ document: Document, _ first: Int, _ last: Int) -> Detection {
        let range = Int(document.tokens[first].start)..<Int(document.tokens[last].end)
        return Detection(range: range, normalized: document.text(of: range).lowercased())
    }

    /// "gediagnosticeerd met autisme": of two terms in a row, the second names the matter; keep that one.
    static func mostSpecific(_ detections: [Detection], in document: Document) -> [Detection] {
        guard detections.count > 1 else { return detections }
        return detections.enumerated().filter { offset, detection in
            offset + 1 >= detections.count
                || !document.isWhitespaceGap(from: detection.range.upperBound, to: detections[offset + 1].range.lowerBound)
        }.map(\.element)
    }

    /// Keeps the longest of overlapping detections ("ik maak je af" over "maak je af").
    /// The bytes kept detections cover are marked, and each candidate looks only at its own bytes: the
    /// work grows with the detections' length, not with their number squared.
    static func longestOnly(_ detections: [Detection]) -> [Detection] {
        guard detections.count > 1 else { return detections }
        let sorted = detections.sorted { $0.range.count > $1.range.count }
        let base = detections.lazy.map(\.range.lowerBound).min()!
        var covered = [Bool](repeating: false, count: detections.lazy.map(\.range.upperBound).max()! - base)
        var kept: [Detection] = []
        for detection in sorted {
            let bytes = (detection.range.lowerBound - base)..<(detection.range.upperBound - base)
            guard !covered[bytes].contains(true) else { continue }
            kept.append(detection)
            for byte in bytes { covered[byte] = true }
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
