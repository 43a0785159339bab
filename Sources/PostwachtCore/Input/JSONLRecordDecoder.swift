import Foundation

/// Turns one line of `--input jsonl` into a record: `id`, `text` (required), and optional `author_role`,
/// `attachments`, `org`, `channel`, `author`, `created_at`. Unknown fields are ignored; anything else
/// wrong is a `RecordError` that names the field, so one bad line never stops the others.
public enum JSONLRecordDecoder {
    /// The record, or the error together with the best id known for it (the line's `id`, else `fallbackID`).
    public static func decode(_ line: [UInt8], fallbackID: String) -> Result<Record, IdentifiedRecordError> {
        decode(line[...], fallbackID: fallbackID)
    }

    public static func decode(_ line: ArraySlice<UInt8>, fallbackID: String) -> Result<Record, IdentifiedRecordError> {
        var id = fallbackID
        return decode(line, fallbackID: fallbackID, id: &id).mapError { IdentifiedRecordError(id: id, error: $0) }
    }

    private static func decode(_ line: ArraySlice<UInt8>, fallbackID: String, id: inout String) -> Result<Record, RecordError> {
        let object: JSONValue
        do { object = try JSONValue.parse(line) } catch {
            return .failure(RecordError(code: "input.invalid-json", message: "not valid JSON: \(error)"))
        }
        guard case .object(let members) = object else {
            return .failure(RecordError(code: "input.invalid-json", message: "expected a JSON object with a \"text\" field"))
        }
        // One pass over the members; a repeated key keeps its last value, as in JSONSerialization.
        var text: JSONValue?, role: JSONValue?, attachments: JSONValue?, createdAt: JSONValue?
        var metadata = RecordMetadata()
        id = fallbackID
        for (key, value) in members {
            switch key {
            case "id":
                switch value {
                case .string(let bytes): id = String(decoding: bytes, as: UTF8.self)
                case .number(let spelling): id = spelling
                default: id = fallbackID
                }
            case "text": text = value
            case "author_role": role = value
            case "attachments": attachments = value
            case "created_at": createdAt = value
            case "org": metadata.organisation = value.string
            case "channel": metadata.channel = value.string
            case "author": metadata.author = value.string
            default: continue
            }
        }
        func failure(_ code: String, _ message: String) -> Result<Record, RecordError> {
            .failure(RecordError(code: code, message: message))
        }
        guard let text else { return failure("input.missing-text", "the record has no \"text\" field") }
        guard case .string(let textBytes) = text else { return failure("input.invalid-field", "\"text\" must be a string") }
        if let role, role != .null {
            guard let roleName = role.string, let parsed = AuthorRole(named: roleName) else {
                return failure("input.invalid-field", "\"author_role\" must be one of \(AuthorRole.allCases.map(\.rawValue).joined(separator: ", ")) (or docent, ouder, leerling)")
            }
            metadata.authorRole = parsed
        }
        if let attachments, attachments != .null {
            guard case .array(let list) = attachments else { return failure("input.invalid-field", "\"attachments\" must be an array") }
            for (index, item) in list.enumerated() {
                guard let typeName = item["type"]?.string, let type = Attachment.Kind(rawValue: typeName) else {
                    return failure("input.invalid-field", "attachments[\(index)] needs a \"type\" of image, video, audio or file")
                }
                metadata.attachments.append(Attachment(type: type, alt: item["alt"]?.string, name: item["name"]?.string))
            }
        }
        metadata.createdAt = date(createdAt)
        return .success(Record(id: id, bytes: textBytes, metadata: metadata))
    }

    /// A JSON date: ISO 8601 text, or Unix seconds as a number or numeric text.
    public static func date(_ value: JSONValue?) -> Date? {
        switch value {
        case .number(let spelling)?: return Double(spelling).map { Date(timeIntervalSince1970: $0) }
        case .string?: return date(value?.string)
        default: return nil
        }
    }

    /// ISO 8601 text ("2024-03-06T09:12:00Z", also without time) or Unix seconds.
    public static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        return nil
    }
}

/// A record error with the id of the record it belongs to.
public struct IdentifiedRecordError: Error, Sendable {
    public var id: String
    public var error: RecordError
}
