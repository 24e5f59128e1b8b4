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

    /// How many characters `compactText` has that are not blanks (space, tab, line break), counted without
    /// building it: IAM's size quota counts a policy that way, and the analysis asks on every keystroke.
    public var compactNonBlankCount: Int {
        switch self {
        case .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .number(let text): return text.unicodeScalars.reduce(0) { $0 + (Self.isBlank($1) ? 0 : 1) }
        case .string(let text): return Self.quotedNonBlankCount(text)
        case .array(let items): return 2 + max(0, items.count - 1) + items.reduce(0) { $0 + $1.compactNonBlankCount }
        case .object(let members):
            // `{`, `}`, a `:` per member and a `,` between members; the blanks after them do not count.
            return 2 + members.count + max(0, members.count - 1)
                + members.reduce(0) { $0 + Self.quotedNonBlankCount($1.key) + $1.value.compactNonBlankCount }
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
    }

    /// The non-blank characters of `JSONWriter.quoted(text)`: the quotes, two per escaped character, six per
    /// UTF-16 unit written as `\uXXXX`, one per other printable ASCII character, none for a space.
    private static func quotedNonBlankCount(_ text: String) -> Int {
        // Printable ASCII without a quote or backslash (nearly every key and value): one a byte, none for a space,
        // counted on the text's buffer. The analysis counts the whole policy on every keystroke.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var count = 2
            for byte in bytes {
                guard JSONWriter.isPlain(byte) else { return nil }
                if byte != 0x20 { count += 1 }
            }
            return count
        }
        if let plain, let plain { return plain }
        var count = 2
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}": count += 2
            case " ": break
            case "!"..."~": count += 1
            default: count += 6 * (scalar.value > 0xFFFF ? 2 : 1)
            }
        }
        return count
    }
}
