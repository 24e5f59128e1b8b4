/// Where things are in JSON text, by byte offset: the members of an object with the exact byte ranges of
/// their names and values. For edits that must replace one value and leave every other byte as it was
/// (patching a policy into a CloudFormation template).
///
/// It does not judge the text: call it only on bytes `JSONParser` accepted, so it can rely on the
/// structure being well formed and only has to find boundaries (strings with escapes, nesting).
struct JSONSpans {
    struct Member: Hashable {
        /// The decoded member name.
        var key: String
        /// The name's bytes, quotes included.
        var keyRange: Range<Int>
        /// The value's bytes, from its first to its last character.
        var valueRange: Range<Int>
    }

    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Where the top-level value starts (after a UTF-8 byte-order mark and blanks).
    var rootStart: Int {
        skipBlanks(from: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    }

    func skipBlanks(from offset: Int) -> Int {
        var i = offset
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i
    }

    /// Whether the value at `offset` is an object.
    func isObject(at offset: Int) -> Bool { offset < bytes.count && bytes[offset] == UInt8(ascii: "{") }

    /// The offset just past the value starting at `offset`.
    func endOfValue(at offset: Int) -> Int {
        var i = offset
        guard i < bytes.count else { return i }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return endOfString(at: i)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // Without recursion (the parser accepted the nesting; a deep file must not overflow the stack here).
            var depth = 0
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""):
                    i = endOfString(at: i)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default:
                    break
                }
                i += 1
            }
            return i
        default:
            // A number or a literal: up to the next separator or blank.
            while i < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return i
        }
    }

    private func endOfString(at offset: Int) -> Int {
        var i = offset + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        return i
    }

    /// The members of the object starting at `offset` (which must be `{`), duplicates included, in order.
    func members(ofObjectAt offset: Int) -> [Member] {
        guard isObject(at: offset) else { return [] }
        var members: [Member] = []
        var i = skipBlanks(from: offset + 1)
        while i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            let keyEnd = endOfString(at: i)
            // The parser's own rules decode the name (escapes included): a string literal is a JSON document.
            let key = (try? JSONParser.parse(bytes: Array(bytes[i..<keyEnd])))?.stringValue ?? ""
            let colon = skipBlanks(from: keyEnd)
            let valueStart = skipBlanks(from: colon + 1)
            let valueEnd = endOfValue(at: valueStart)
            members.append(Member(key: key, keyRange: i..<keyEnd, valueRange: valueStart..<valueEnd))
            let next = skipBlanks(from: valueEnd)
            guard next < bytes.count, bytes[next] == UInt8(ascii: ",") else { break }
            i = skipBlanks(from: next + 1)
        }
        return members
    }

    /// The blanks at the start of the line holding `offset`, and whether `offset` is the line's first character.
    func lineIndentation(of offset: Int) -> (indent: [UInt8], startsLine: Bool) {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = start
        while end < offset, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return (Array(bytes[start..<end]), end == offset)
    }
}
