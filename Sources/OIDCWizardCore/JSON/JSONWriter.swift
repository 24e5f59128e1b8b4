/// Deterministic, pretty-printed JSON: two-space indentation, members in the order given, one value per line.
///
/// Everything outside printable ASCII is written as a `\uXXXX` escape. Real GitHub and AWS names are ASCII,
/// so this never hurts a valid policy, and it makes a Cyrillic look-alike or a bidi control visible in a
/// review instead of hiding it in plain sight.
public enum JSONWriter {
    public static func prettyPrinted(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// A JSON string literal (with quotes) for `text`, escaped as described above.
    public static func quoted(_ text: String) -> String {
        // Nearly every string a policy holds is printable ASCII without a quote or backslash: copied as it is, from
        // its buffer into one new string (the preview quotes every key and value of the policy on every keystroke).
        var buffered = text
        if let plain = buffered.withUTF8(quotedPlain) { return plain }
        var out = "\""
        for unit in text.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case " "..."~": out.unicodeScalars.append(unit)
            default:
                // UTF-16 code units, so characters beyond the BMP become a surrogate pair, as JSON requires.
                for codeUnit in String(unit).utf16 {
                    out += "\\u" + hex4(codeUnit)
                }
            }
        }
        out += "\""
        return out
    }

    /// Printable ASCII that JSON writes as it is (not a quote, not a backslash).
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
    }

    /// `bytes` between quotes when every byte is plain; nil when something needs escaping.
    private static func quotedPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for byte in bytes where !isPlain(byte) { return nil }
        return String(unsafeUninitializedCapacity: bytes.count + 2) { out in
            out[0] = UInt8(ascii: "\"")
            for (offset, byte) in bytes.enumerated() { out[offset + 1] = byte }
            out[bytes.count + 1] = UInt8(ascii: "\"")
            return bytes.count + 2
        }
    }

    private static func hex4(_ value: UInt16) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)],
                       digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                write(item, indent: indent + 1, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1) + quoted(member.key) + ": "
                write(member.value, indent: indent + 1, into: &out)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }
}
