/// Why a text is not the JSON we accept, and where: `line 3, column 5: expected ',' or '}' after an
/// object member.` Lines and columns count from 1; columns count characters, not bytes.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// Byte offset into the input (after a byte-order mark, if any).
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
