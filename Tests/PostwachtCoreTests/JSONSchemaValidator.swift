import Foundation
@testable import PostwachtCore

/// Checks a JSON document against a JSON Schema (draft-04), as far as the SARIF 2.1.0 schema uses it:
/// `$ref` into `definitions`, `type`, `properties`, `additionalProperties`, `required`, `items`,
/// `minItems`, `uniqueItems`, `minimum`, `maximum`, `enum`, `pattern`, `anyOf`, `oneOf`. `format` is
/// not checked, as validators do not by default. Lets the tests validate SARIF without Python.
struct JSONSchemaValidator {
    let root: JSONValue

    /// Every way `instance` breaks the schema, each with the JSON path where it does.
    func errors(in instance: JSONValue) -> [String] {
        var errors: [String] = []
        validate(instance, root, path: "$", into: &errors)
        return errors
    }

    private func validate(_ instance: JSONValue, _ schema: JSONValue, path: String, into errors: inout [String]) {
        if case .string(let reference)? = schema["$ref"] {
            let name = String(decoding: reference, as: UTF8.self)
            guard name.hasPrefix("#/definitions/"), let target = root["definitions"]?[String(name.dropFirst("#/definitions/".count))] else {
                errors.append("\(path): unresolvable $ref \(name)")
                return
            }
            return validate(instance, target, path: path, into: &errors)
        }
        if let type = schema["type"], !Self.matches(instance, type: type) {
            errors.append("\(path): expected \(Self.describe(type)), found \(Self.kind(of: instance))")
            return
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(instance) {
            errors.append("\(path): not one of the allowed values")
        }
        if case .string(let bytes) = instance, let pattern = schema["pattern"]?.string {
            let text = String(decoding: bytes, as: UTF8.self)
            let expression = try? NSRegularExpression(pattern: pattern)
            if expression?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                errors.append("\(path): does not match \(pattern)")
            }
        }
        if case .number(let spelling) = instance, let value = Double(spelling) {
            if case .number(let minimum)? = schema["minimum"], let bound = Double(minimum), value < bound {
                errors.append("\(path): \(spelling) is below the minimum \(minimum)")
            }
            if case .number(let maximum)? = schema["maximum"], let bound = Double(maximum), value > bound {
                errors.append("\(path): \(spelling) is above the maximum \(maximum)")
            }
        }
        if case .array(let elements) = instance {
            if case .number(let minimum)? = schema["minItems"], let bound = Int(minimum), elements.count < bound {
                errors.append("\(path): \(elements.count) items, at least \(minimum) required")
            }
            if schema["uniqueItems"] == .bool(true) {
                for (index, element) in elements.enumerated() where elements[..<index].contains(element) {
                    errors.append("\(path)[\(index)]: a repeated item where items must be unique")
                }
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { validate(element, items, path: "\(path)[\(index)]", into: &errors) }
            }
        }
        if case .object(let members) = instance {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where instance[String(decoding: name, as: UTF8.self)] == nil {
                    errors.append("\(path): missing required property \(String(decoding: name, as: UTF8.self))")
                }
            }
            for (key, value) in members {
                if let property = schema["properties"]?[key] {
                    validate(value, property, path: "\(path).\(key)", into: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        errors.append("\(path): property \(key) is not allowed")
                    } else if case .object = additional {
                        validate(value, additional, path: "\(path).\(key)", into: &errors)
                    }
                }
            }
        }
        if case .array(let choices)? = schema["anyOf"] {
            if !choices.contains(where: { choice in var found: [String] = []; validate(instance, choice, path: path, into: &found); return found.isEmpty }) {
                errors.append("\(path): matches none of anyOf")
            }
        }
        if case .array(let choices)? = schema["oneOf"] {
            let matching = choices.filter { choice in var found: [String] = []; validate(instance, choice, path: path, into: &found); return found.isEmpty }
            if matching.count != 1 { errors.append("\(path): matches \(matching.count) of oneOf, not exactly one") }
        }
    }

    private static func matches(_ instance: JSONValue, type: JSONValue) -> Bool {
        switch type {
        case .array(let types): return types.contains { matches(instance, type: $0) }
        case .string(let name):
            switch (String(decoding: name, as: UTF8.self), instance) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): return true
            case ("integer", .number(let spelling)): return !spelling.contains(where: { ".eE".contains($0) })
            default: return false
            }
        default: return true
        }
    }

    private static func kind(of instance: JSONValue) -> String {
        switch instance {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private static func describe(_ type: JSONValue) -> String {
        switch type {
        case .string: return type.string ?? "?"
        case .array(let types): return types.compactMap(\.string).joined(separator: " or ")
        default: return "?"
        }
    }
}
