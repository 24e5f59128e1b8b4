/// A file that cannot be read as a trust policy (or a set of them), in one line that names the file:
/// `policy.json: line 3, column 5: expected ',' or '}' after an object member.`
///
/// Only what stops reading altogether is an error. Anything IAM would read anyway, or reject while the
/// rest can still be analysed (a duplicate key, a wrong type, an unknown operator), is a `ReaderNote`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (empty when the text did not come from a file).
    public var file: String
    /// What went wrong and, where possible, what to do about it.
    public var message: String

    public init(file: String = "", _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { file.isEmpty ? message : "\(file): \(message)" }

    /// The same error, attributed to `file` (keeps an attribution already made).
    public func inFile(_ name: String) -> InputError {
        file.isEmpty ? InputError(file: name, message) : self
    }
}
