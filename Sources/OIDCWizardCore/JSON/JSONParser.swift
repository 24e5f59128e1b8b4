/// A strict JSON parser (RFC 8259) that keeps what the author wrote: members in order, duplicate keys
/// included, numbers as their source text — see `JSONValue` for why that matters for trust policies.
///
/// It is built to meet hostile files calmly:
/// - no recursion: nesting is tracked on an explicit stack and refused beyond `maxDepth`, so a file of
///   100 000 `[` gives an error instead of overflowing the thread's stack;
/// - inputs larger than `maxBytes` are refused before parsing;
/// - the whole input is checked to be UTF-8 first (a UTF-8 byte-order mark is skipped; UTF-16 and NUL
///   bytes get their own message), and `\u` escapes must form whole characters (a lone surrogate is an error);
/// - every error carries line and column.
public struct JSONParser {
    public static let defaultMaxDepth = 512
    public static let defaultMaxBytes = 10 * 1024 * 1024

    public var maxDepth: Int
    public var maxBytes: Int

    public init(maxDepth: Int = JSONParser.defaultMaxDepth, maxBytes: Int = JSONParser.defaultMaxBytes) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }

    public static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    public func parse(_ input: [UInt8]) throws(JSONParseError) -> JSONValue {
        guard input.count <= maxBytes else {
            throw JSONParseError(message: "the input is \(input.count) bytes; the limit is \(maxBytes) bytes.", line: 1, column: 1, offset: 0)
        }
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let body = Array(bytes)
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF])
            || (body.count >= 4 && body[0] != 0 && body[1] == 0 && body[2] != 0 && body[3] == 0)
            || (body.count >= 4 && body[0] == 0 && body[1] != 0 && body[2] == 0 && body[3] != 0) {
            throw JSONParseError(message: "the text is UTF-16, not UTF-8; save it as UTF-8 and try again.", line: 1, column: 1, offset: 0)
        }
        var reader = Reader(bytes: body, maxDepth: maxDepth)
        try reader.validateEncoding()
        return try reader.parseDocument()
    }
}

private struct Reader {
    let bytes: [UInt8]
    let maxDepth: Int
    var index = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Errors

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let end = min(offset ?? index, bytes.count)
        var line = 1, column = 1
        var i = 0
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1 // count characters: skip UTF-8 continuation bytes
            }
            i += 1
        }
        return JSONParseError(message: message, line: line, column: column, offset: end)
    }

    /// Everything must be UTF-8 without NUL bytes, checked once up front so the rest can trust it.
    func validateEncoding() throws(JSONParseError) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0 { throw error("the file contains a NUL byte; is it a binary file?", at: i) }
            if b < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: throw error("the text is not valid UTF-8 (byte 0x\(hex(b))); save the file as UTF-8.", at: i)
            }
            guard i + length <= bytes.count else {
                throw error("the text is not valid UTF-8 (it ends inside a character); save the file as UTF-8.", at: i)
            }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else {
                    throw error("the text is not valid UTF-8 (byte 0x\(hex(c))); save the file as UTF-8.", at: i)
                }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw error("the text is not valid UTF-8 (an invalid character encoding); save the file as UTF-8.", at: i)
            }
            i += length
        }
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    // MARK: Structure

    /// An open container. Kept as a struct mutated in place on the stack (`stack[last].items.append`),
    /// so appending never copies the container's contents.
    private struct Frame {
        var isArray: Bool
        var items: [JSONValue] = []
        var members: [JSONMember] = []
        var key = ""
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        if current == nil { throw error("the file is empty; expected a JSON value.") }
        var stack: [Frame] = []
        var value: JSONValue
        parsing: while true {
            skipWhitespace()
            guard let byte = current else { throw error("the text ends where a value was expected.") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < maxDepth else {
                    throw error("the JSON is nested more than \(maxDepth) levels deep; no real policy is.")
                }
                index += 1
                skipWhitespace()
                if byte == UInt8(ascii: "[") {
                    if current == UInt8(ascii: "]") {
                        index += 1
                        value = .array([])
                    } else {
                        stack.append(Frame(isArray: true))
                        continue parsing
                    }
                } else if current == UInt8(ascii: "}") {
                    index += 1
                    value = .object([])
                } else {
                    stack.append(Frame(isArray: false, key: try parseMemberName()))
                    continue parsing
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "T"), UInt8(ascii: "F"), UInt8(ascii: "N"):
                throw error("expected a value but found \(describeCurrent()) (JSON writes true, false and null in lower-case).")
            default:
                throw error("expected a value (an object, list, string, number, true, false or null) but found \(describeCurrent()).")
            }

            // A value is complete: hand it to its container, closing containers as they end.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                if stack[top].isArray {
                    stack[top].items.append(value)
                    if current == UInt8(ascii: ",") {
                        index += 1
                        continue parsing
                    }
                    guard current == UInt8(ascii: "]") else {
                        throw error("expected ',' or ']' after a list item but found \(describeCurrent()).")
                    }
                    index += 1
                    value = .array(stack.removeLast().items)
                } else {
                    stack[top].members.append(JSONMember(stack[top].key, value))
                    if current == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        stack[top].key = try parseMemberName()
                        continue parsing
                    }
                    guard current == UInt8(ascii: "}") else {
                        throw error("expected ',' or '}' after an object member but found \(describeCurrent()).")
                    }
                    index += 1
                    value = .object(stack.removeLast().members)
                }
            }
            break parsing
        }
        skipWhitespace()
        if current != nil { throw error("unexpected \(describeCurrent()) after the end of the JSON value.") }
        return value
    }

    /// `"name"` then `:`, leaving the reader at the member's value.
    mutating func parseMemberName() throws(JSONParseError) -> String {
        guard current == UInt8(ascii: "\"") else {
            throw error("expected a member name in double quotes but found \(describeCurrent()).")
        }
        let name = try parseString()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else {
            throw error("expected ':' after the member name \"\(name)\" but found \(describeCurrent()).")
        }
        index += 1
        return name
    }

    func describeCurrent() -> String {
        guard let byte = current else { return "the end of the text" }
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        switch byte {
        case 0x20: return "a space"
        case 0x0A, 0x0D: return "a line break"
        case 0x09: return "a tab"
        default: return "an unexpected character"
        }
    }

    mutating func expectLiteral(_ word: String) throws(JSONParseError) {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
            throw error("expected a value but found \(describeCurrent()) (did you mean \(word)? JSON words are lower-case).")
        }
        index += utf8.count
    }

    // MARK: Scalars

    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        func digits() -> Int {
            var count = 0
            while let c = current, c >= 0x30, c <= 0x39 { index += 1; count += 1 }
            return count
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
            if let c = current, c >= 0x30, c <= 0x39 {
                throw error("a number must not start with 0 (leading zeros are not JSON).")
            }
        } else if digits() == 0 {
            throw error("expected a digit in the number.")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point.") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the number's exponent.") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func parseString() throws(JSONParseError) -> String {
        let open = index
        index += 1 // the opening quote
        var out: [UInt8] = []
        while true {
            guard let byte = current else {
                throw error("this string is never closed (missing '\"').", at: open)
            }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw error("a string contains a raw control character (a line break or tab must be written as \\n or \\t).")
            default:
                out.append(byte) // the input is known-valid UTF-8
                index += 1
            }
        }
    }

    mutating func parseEscape(into out: inout [UInt8]) throws(JSONParseError) {
        guard let byte = current else { throw error("the text ends inside an escape sequence.") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = index - 2
            let unit = try hex4()
            var scalarValue = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed by `\u` + a low surrogate; together they are one character.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("\\u\(hexText(unit)) is half of a UTF-16 surrogate pair with no second half.", at: escapeStart)
                }
                index += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error("\\u\(hexText(unit)) is half of a UTF-16 surrogate pair with no second half.", at: escapeStart)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw error("\\u\(hexText(unit)) is the second half of a UTF-16 surrogate pair without a first half.", at: escapeStart)
            }
            if scalarValue == 0 {
                throw error("the string contains \\u0000 (a NUL character), which no policy value can hold.", at: escapeStart)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw error("\\u escape does not name a character.", at: escapeStart)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw error("\\\(Character(Unicode.Scalar(byte))) is not a JSON escape (use \\\\ for a backslash).", at: index - 2)
        }
    }

    mutating func hex4() throws(JSONParseError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits.") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt16
            switch c {
            case 0x30...0x39: digit = UInt16(c - 0x30)
            case 0x41...0x46: digit = UInt16(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt16(c - 0x61 + 10)
            default: throw error("a \\u escape needs four hex digits.")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    func hexText(_ unit: UInt16) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<4).reversed().map { digits[Int((unit >> (UInt16($0) * 4)) & 0xF)] })
    }
}
