/// Fills `{name}` placeholders in rule messages. A placeholder written as ` ({name})` disappears with its
/// brackets when the value is empty, so "'kut' is schuttingtaal ({detail})" reads well without a detail.
enum MessageTemplate {
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + 32)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else {
                result += rest[...close]
                rest = rest[rest.index(after: close)...]
                continue
            }
            var before = rest[..<open]
            var after = rest[rest.index(after: close)...]
            if value.isEmpty, before.hasSuffix(" ("), after.hasPrefix(")") {
                before = before.dropLast(2)
                after = after.dropFirst()
            }
            result += before
            result += value
            rest = after
        }
        result += rest
        return result
    }
}
