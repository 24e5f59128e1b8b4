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

extension JSONPath {
    /// Whether the path written `a` comes before `b` in the document: as text, except that array indexes compare as
    /// numbers (`[2]` before `[10]`), so findings on a long list of values come out in the list's order.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let order = naturalOrder(a, b)
        // Equal but for leading zeros (only in a hostile key such as "x:01"): the text decides, so the order stays
        // strict and total, as sorting needs.
        return order == 0 ? a < b : order < 0
    }

    /// -1, 0 or 1: `a` against `b`, runs of digits compared as numbers.
    private static func naturalOrder(_ a: String, _ b: String) -> Int {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                var i = 0, j = 0
                while i < x.count, j < y.count {
                    if isDigit(x[i]), isDigit(y[j]) {
                        // Whole runs of digits: the shorter number (without leading zeros) is the smaller.
                        var iEnd = i, jEnd = j
                        while iEnd < x.count, isDigit(x[iEnd]) { iEnd += 1 }
                        while jEnd < y.count, isDigit(y[jEnd]) { jEnd += 1 }
                        while i < iEnd - 1, x[i] == UInt8(ascii: "0") { i += 1 }
                        while j < jEnd - 1, y[j] == UInt8(ascii: "0") { j += 1 }
                        if iEnd - i != jEnd - j { return iEnd - i < jEnd - j ? -1 : 1 }
                        while i < iEnd {
                            if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
                            i += 1
                            j += 1
                        }
                        continue
                    }
                    if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
                    i += 1
                    j += 1
                }
                let (xLeft, yLeft) = (x.count - i, y.count - j)
                return xLeft == yLeft ? 0 : (xLeft < yLeft ? -1 : 1)
            }
        }
    }
}
