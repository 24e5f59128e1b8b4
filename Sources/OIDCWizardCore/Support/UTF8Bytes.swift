/// Reading UTF-8 in place, at integer offsets. The subject parsers, the grammar and the evaluator's literal
/// comparisons run for every value on every keystroke, where the string views' generic index arithmetic and
/// byte-by-byte iterators cost several times more. The parsers cut only at ASCII delimiters (`/`, `:`, `@`),
/// so every piece is whole characters. Visible to the package's other modules (the wizard's preview compares
/// paths with `same`).
package enum UTF8Bytes {
    /// Whether `a` and `b` hold the same bytes: lengths first, then eight bytes at a time.
    package static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var offset = 0
        while offset + 8 <= a.count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        while offset < a.count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// How many of the first `limit` bytes are printable ASCII (0x20–0x7E: one terminal column each) before the first
    /// that is not, eight at a time. For a word of ASCII bytes, adding 0x60 to each sets its top bit exactly when it is
    /// at least 0x20, and adding 0x01 exactly when it is 0x7F; neither sum carries into the next byte.
    @inlinable
    package static func printableASCIIPrefix(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = min(limit, bytes.count)
        let raw = UnsafeRawPointer(base)
        let tops: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if word & tops != 0 || (word &+ 0x6060_6060_6060_6060) & ~(word &+ 0x0101_0101_0101_0101) & tops != tops { break }
            offset += 8
        }
        while offset < end, bytes[offset] >= 0x20, bytes[offset] < 0x7F { offset += 1 }
        return offset
    }

    /// Whether every byte is printable ASCII.
    package static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        printableASCIIPrefix(bytes, upTo: bytes.count) == bytes.count
    }

    static func bytes(of literal: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The text of the bytes in `range`.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }

    /// `acme@123` (the bytes in `range`) → (`acme`, `123`); without an `@`, (the text, nil).
    func splitID(_ range: Range<Int>) -> (String, String?) {
        guard let at = self[range].firstIndex(of: UInt8(ascii: "@")) else { return (text(range), nil) }
        return (text(range.lowerBound..<at), text((at + 1)..<range.upperBound))
    }

    /// Whether the bytes start with `prefix`'s.
    func starts(with prefix: StaticString) -> Bool {
        let prefix = UTF8Bytes.bytes(of: prefix)
        return count >= prefix.count && UTF8Bytes.same(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(self)[..<prefix.count]), prefix)
    }
}

extension Slice where Base == UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly `literal`'s (the grammar compares each token with its keywords).
    func equals(_ literal: StaticString) -> Bool {
        UTF8Bytes.same(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: self)), UTF8Bytes.bytes(of: literal))
    }
}

extension String {
    /// Whether the text is printable ASCII, read on its buffer. There every byte is a character, so cutting or
    /// searching at ASCII punctuation by bytes finds exactly what a search by characters finds, for a fraction of the
    /// cost; other text keeps the character semantics (a `/` followed by a combining mark is another character).
    package var isPrintableASCII: Bool {
        var text = self  // `withUTF8` gives the buffer, making one only for bridged text
        return text.withUTF8 { UTF8Bytes.isPrintableASCII($0) }
    }

    /// Whether one of the text's characters is the ASCII character `ascii` (see `isPrintableASCII`).
    package func containsCharacter(_ ascii: UInt8) -> Bool {
        isPrintableASCII ? utf8.contains(ascii) : contains(Character(Unicode.Scalar(ascii)))
    }

    /// The text before and after the last of its characters that is the ASCII character `ascii`, or nil without one
    /// (see `isPrintableASCII`).
    package func cutAtLast(_ ascii: UInt8) -> (head: String, tail: String)? {
        guard isPrintableASCII else {
            guard let cut = lastIndex(of: Character(Unicode.Scalar(ascii))) else { return nil }
            return (String(self[..<cut]), String(self[index(after: cut)...]))
        }
        let bytes = utf8
        guard let cut = bytes.lastIndex(of: ascii) else { return nil }
        return (String(Substring(bytes[..<cut])), String(Substring(bytes[bytes.index(after: cut)...])))
    }
}
