import Foundation

/// Turns one line of `--input jsonl` into a record: `id`, `text` (required), and optional `author_role`,
/// `attachments`, `org`, `channel`. Unknown fields are ignored; anything else wrong is a `RecordError`
/// that names the field, so one bad line never stops the others.
public enum JSONLRecordDecoder {
    /// The record, or the error together with the best id known for it (the line's `id`, else `fallbackID`).
    public static func decode(_ line: [UInt8], fallbackID: String) -> Result<Record, IdentifiedRecordError> {
        var id = fallbackID
        return decode(line, fallbackID: fallbackID, id: &id).mapError { IdentifiedRecordError(id: id, error: $0) }
    }

    private static func decode(_ line: [UInt8], fallbackID: String, id: inout String) -> Result<Record, RecordError> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            return .failure(RecordError(code: "input.invalid-json", message: "not valid JSON: \(describe(error))"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(RecordError(code: "input.invalid-json", message: "expected a JSON object with a \"text\" field"))
        }
        switch fields["id"] {
        case let text as String: id = text
        case let number as NSNumber: id = number.stringValue
        default: id = fallbackID
        }
        func failure(_ code: String, _ message: String) -> Result<Record, RecordError> {
            .failure(RecordError(code: code, message: message))
        }
        guard let text = fields["text"] else { return failure("input.missing-text", "the record has no \"text\" field") }
        guard let textString = text as? String else { return failure("input.invalid-field", "\"text\" must be a string") }
        var metadata = RecordMetadata()
        if let role = fields["author_role"], !(role is NSNull) {
            guard let roleName = role as? String, let parsed = AuthorRole(named: roleName) else {
                return failure("input.invalid-field", "\"author_role\" must be one of \(AuthorRole.allCases.map(\.rawValue).joined(separator: ", ")) (or docent, ouder, leerling)")
            }
            metadata.authorRole = parsed
        }
        if let attachments = fields["attachments"], !(attachments is NSNull) {
            guard let list = attachments as? [Any] else { return failure("input.invalid-field", "\"attachments\" must be an array") }
            for (index, item) in list.enumerated() {
                guard let attachment = item as? [String: Any], let typeName = attachment["type"] as? String,
                      let type = Attachment.Kind(rawValue: typeName) else {
                    return failure("input.invalid-field", "attachments[\(index)] needs a \"type\" of image, video, audio or file")
                }
                metadata.attachments.append(Attachment(type: type, alt: attachment["alt"] as? String, name: attachment["name"] as? String))
            }
        }
        metadata.organisation = fields["org"] as? String
        metadata.channel = fields["channel"] as? String
        metadata.author = fields["author"] as? String
        metadata.createdAt = date(fields["created_at"])
        return .success(Record(id: id, bytes: Array(textString.utf8), metadata: metadata))
    }

    /// ISO 8601 text ("2024-03-06T09:12:00Z", also without time) or Unix seconds.
    public static func date(_ value: Any?) -> Date? {
        switch value {
        case let number as NSNumber: return Date(timeIntervalSince1970: number.doubleValue)
        case let text as String:
            if let date = try? Date(text, strategy: .iso8601) { return date }
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
            if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
            return nil
        default: return nil
        }
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}

/// A record error with the id of the record it belongs to.
public struct IdentifiedRecordError: Error, Sendable {
    public var id: String
    public var error: RecordError
}
