import Foundation

/// Turns platform text into the plain text a reader sees: Facebook's double-encoded UTF-8 repaired,
/// HTML reduced to its visible text with entities decoded.
public enum TextCleaning {
    /// Facebook and Instagram write each UTF-8 byte of non-ASCII text as its own `\u00XX` escape.
    /// When every scalar is ≤ U+00FF, read them as bytes and decode as UTF-8; keep the text if that fails.
    public static func repairMojibake(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }),
              text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return text }
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// The visible text of an HTML fragment, as a browser shows it: tags removed (block elements and
    /// <br> become line breaks), runs of spaces and line breaks in the source one space, comments
    /// (Gutenberg's <!-- wp:… -->) and script/style dropped, entities decoded.
    public static func visibleText(ofHTML html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        func appendText(_ source: Substring) {
            var collapsed = ""
            var inSpace = false
            for character in source {
                if character == " " || character == "\n" || character == "\t" || character == "\r" || character == "\r\n" {
                    inSpace = true
                    continue
                }
                if inSpace, !(collapsed.isEmpty && (output.isEmpty || output.hasSuffix("\n") || output.hasSuffix(" "))) { collapsed += " " }
                inSpace = false
                collapsed.append(character)
            }
            if inSpace, !collapsed.isEmpty || !(output.isEmpty || output.hasSuffix("\n") || output.hasSuffix(" ")) { collapsed += " " }
            output += decodeEntities(collapsed)
        }
        func breakLine() {
            while output.hasSuffix(" ") { output.removeLast() }
            if !output.isEmpty, !output.hasSuffix("\n") { output += "\n" }
        }
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            appendText(rest[..<open])
            let afterOpen = rest[open...]
            if afterOpen.hasPrefix("<!--") {
                guard let end = afterOpen.range(of: "-->") else { rest = ""; break }
                rest = afterOpen[end.upperBound...]
                continue
            }
            guard let close = afterOpen.firstIndex(of: ">") else { appendText(afterOpen); rest = ""; break }
            let tag = afterOpen[afterOpen.index(after: open)..<close].lowercased()
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
            rest = afterOpen[afterOpen.index(after: close)...]
            if !tag.hasPrefix("/"), name == "script" || name == "style" {
                if let end = rest.range(of: "</\(name)", options: .caseInsensitive) {
                    rest = rest[end.upperBound...]
                    if let gt = rest.firstIndex(of: ">") { rest = rest[rest.index(after: gt)...] }
                }
                continue
            }
            if blockTags.contains(String(name)) || name == "br" { breakLine() }
        }
        appendText(rest)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let blockTags: Set<String> = ["p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                                                  "figure", "figcaption", "table", "tr", "section", "article", "pre", "hr"]

    /// `&amp;`, `&lt;`, `&#233;`, `&#x1F600;`, `&nbsp;` and the other common named entities.
    public static func decodeEntities<S: StringProtocol>(_ text: S) -> String {
        guard text.contains("&") else { return String(text) }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let candidate = rest[rest.index(after: amp)...]
            guard let semicolon = candidate.prefix(12).firstIndex(of: ";") else {
                output += "&"
                rest = candidate
                continue
            }
            let name = candidate[..<semicolon]
            if let decoded = decode(entity: name) {
                output += decoded
                rest = candidate[candidate.index(after: semicolon)...]
            } else {
                output += "&"
                rest = candidate
            }
        }
        output += rest
        return output
    }

    private static func decode(entity name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        return namedEntities[String(name)]
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…", "mdash": "—",
        "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "euro": "€", "eacute": "é", "euml": "ë",
        "iuml": "ï", "ouml": "ö", "uuml": "ü", "auml": "ä", "egrave": "è", "agrave": "à", "ccedil": "ç", "copy": "©",
    ]
}
