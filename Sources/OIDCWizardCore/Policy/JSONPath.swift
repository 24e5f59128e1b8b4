/// JSON paths as findings and notes show them: `$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]`.
/// Member names that are plain words use dot notation; anything else is quoted in brackets.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var text: String

    public init(_ text: String = "$") { self.text = text }
    public init(stringLiteral value: String) { text = value }

    public static let root = JSONPath("$")

    /// Read byte by byte, without Unicode property look-ups or Foundation: the analysis and the preview build
    /// a path for every value of the policy on every keystroke.
    public func member(_ name: String) -> JSONPath {
        let bytes = name.utf8
        func word(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
        }
        func isWord(_ bytes: some Collection<UInt8>) -> Bool {
            guard let first = bytes.first, !(0x30...0x39).contains(first) else { return false }
            return bytes.allSatisfy(word)
        }
        if bytes.withContiguousStorageIfAvailable(isWord) ?? isWord(bytes) { return appending(".", name, "") }
        guard bytes.contains(where: { $0 == 0x5C || $0 == 0x22 }) else { return appending("[\"", name, "\"]") }
        var escaped = ""
        for character in name.unicodeScalars {
            if character == "\\" || character == "\"" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(character)
        }
        return appending("[\"", escaped, "\"]")
    }

    public func index(_ position: Int) -> JSONPath { appending("[", String(position), "]") }

    /// This path with `opening`, `name` and `closing` after it: the four texts' bytes copied into one new string
    /// (appending them one by one cost several times more; the analysis and the preview build a path for every
    /// value of the policy on every keystroke).
    private func appending(_ opening: String, _ name: String, _ closing: String) -> JSONPath {
        let total = text.utf8.count + opening.utf8.count + name.utf8.count + closing.utf8.count
        return JSONPath(String(unsafeUninitializedCapacity: total) { buffer in
            var written = 0
            func copy(_ part: String) {
                let count = part.utf8.withContiguousStorageIfAvailable { bytes in
                    UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(from: bytes).1
                } ?? UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(from: part.utf8).1
                written += count
            }
            copy(text)
            copy(opening)
            copy(name)
            copy(closing)
            return written
        })
    }

    public var description: String { text }
}
