extension JSONValue {
    /// The value on one line (`{"StringLike": {"…:sub": "repo:acme/*"}}`), for messages that quote a
    /// piece of a policy. Strings are escaped like `JSONWriter` does, so hidden characters stay visible.
    public var compactText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text): return JSONWriter.quoted(text)
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { "\(JSONWriter.quoted($0.key)): \($0.value.compactText)" }.joined(separator: ", ") + "}"
        }
    }
}
