/// A JSON value that keeps what a policy author wrote: object members in document order, *including
/// duplicate keys*, and numbers as their source text.
///
/// Foundation's `JSONSerialization` silently keeps one of two duplicate keys — and so does IAM. A trust
/// policy with two `"StringLike"` objects therefore loses a constraint without anyone noticing. Keeping
/// every member lets the analysis show that loss instead of repeating it.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written (`1e400` and 30-digit account ids survive untouched).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectMembers: [JSONMember]? {
        if case .object(let m) = self { return m }
        return nil
    }

    /// The value of the *last* member named `key` (the one IAM and most parsers keep), compared exactly.
    public subscript(key: String) -> JSONValue? {
        objectMembers?.last(where: { $0.key == key })?.value
    }

    /// A short name of the value's type for error messages ("a string", "an object", ...).
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
