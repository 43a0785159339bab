import Foundation
import PostwachtCore

/// The pupils' photo consent register (`--consent`), a CSV as the pupil administration exports it.
public enum ConsentFile {
    public static func read(_ path: String) throws(SessionError) -> ConsentRegister {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConsentRegister.ParseError(description: "\(path): not valid UTF-8 (export the register as UTF-8 CSV)")
            }
            return try ConsentRegister(csv: text, source: path)
        } catch let error as ConsentRegister.ParseError {
            throw SessionError(.consent, .english(error.description))
        } catch {
            throw SessionError(.consent, LocalizedText(nl: "\(path): het toestemmingsregister is niet te lezen (\(error.localizedDescription))",
                                                         en: "\(path): cannot read the consent register (\(error.localizedDescription))"))
        }
    }
}
