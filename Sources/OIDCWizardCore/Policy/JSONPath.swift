/// JSON paths as findings and notes show them: `$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]`.
/// Member names that are plain words use dot notation; anything else is quoted in brackets.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var text: String

    public init(_ text: String = "$") { self.text = text }
    public init(stringLiteral value: String) { text = value }

    public static let root = JSONPath("$")

    public func member(_ name: String) -> JSONPath {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
        } && !("0"..."9").contains(name.unicodeScalars.first!)
        if plain { return JSONPath("\(text).\(name)") }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return JSONPath("\(text)[\"\(escaped)\"]")
    }

    public func index(_ position: Int) -> JSONPath { JSONPath("\(text)[\(position)]") }

    public var description: String { text }
}
