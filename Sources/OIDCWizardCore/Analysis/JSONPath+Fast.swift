extension JSONPath {
    /// `member(_:)` for the common cases, without Unicode property look-ups or Foundation: the analysis
    /// builds a path for every condition clause on every keystroke. Produces exactly what `member` does
    /// (plain ASCII word → `.name`; anything else → `["name"]`) and defers to it when escaping is needed.
    func memberFast(_ name: String) -> JSONPath {
        let bytes = name.utf8
        guard let first = bytes.first else { return member(name) }
        func word(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
        }
        if !(0x30...0x39).contains(first), bytes.allSatisfy(word) { return JSONPath("\(text).\(name)") }
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x5C && $0 != 0x22 }) { return JSONPath("\(text)[\"\(name)\"]") }
        return member(name)
    }
}
