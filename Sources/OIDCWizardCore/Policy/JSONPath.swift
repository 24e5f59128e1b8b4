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
        if let first = bytes.first, !(0x30...0x39).contains(first), bytes.allSatisfy(word) { return JSONPath("\(text).\(name)") }
        guard bytes.contains(where: { $0 == 0x5C || $0 == 0x22 }) else { return JSONPath("\(text)[\"\(name)\"]") }
        var escaped = ""
        for character in name.unicodeScalars {
            if character == "\\" || character == "\"" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(character)
        }
        return JSONPath("\(text)[\"\(escaped)\"]")
    }

    public func index(_ position: Int) -> JSONPath { JSONPath("\(text)[\(position)]") }

    public var description: String { text }
}
