/// Fills `{name}` placeholders in rule messages. A placeholder written as ` ({name})` disappears with its
/// brackets when the value is empty, so "'kut' is schuttingtaal ({detail})" reads well without a detail.
/// Works on UTF-8 bytes: braces and names are ASCII, and every finding's message passes through here.
enum MessageTemplate {
    static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(template.utf8.count + 64)
        let bytes = Array(template.utf8)
        var position = 0
        while let open = bytes[position...].firstIndex(of: UInt8(ascii: "{")),
              let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) {
            let name = bytes[(open + 1)..<close]
            guard let value = values.first(where: { $0.key.utf8.elementsEqual(name) })?.value else {
                result += bytes[position...close]
                position = close + 1
                continue
            }
            var before = bytes[position..<open]
            var afterStart = close + 1
            if value.isEmpty, before.count >= 2, before.suffix(2).elementsEqual(" (".utf8),
               afterStart < bytes.count, bytes[afterStart] == UInt8(ascii: ")") {
                before = before.dropLast(2)
                afterStart += 1
            }
            result += before
            result += value.utf8
            position = afterStart
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }
}
