/// A pattern in IAM's glob language: `*` matches any run of characters (also none, also `/` and `:`),
/// `?` matches exactly one character, everything else matches itself.
///
/// Patterns are kept as tokens rather than text because policy variables can put a *literal* `*` or `?`
/// into a pattern (`${*}`, `${?}`, or a substituted request value), and those must not act as wildcards.
/// "Character" means a Unicode scalar: that is what IAM counts for `?`, and it keeps look-alike letters
/// built from combining marks from hiding inside one grapheme.
public struct WildcardPattern: Hashable, Sendable {
    public enum Token: Hashable, Sendable {
        case literal(Unicode.Scalar)
        /// `*`: any run of characters, including the empty run.
        case anyRun
        /// `?`: exactly one character.
        case anyOne
    }

    public var tokens: [Token]

    public init(tokens: [Token]) { self.tokens = tokens }

    /// Reads `text` with `*` and `?` as wildcards.
    public init(glob text: String) {
        tokens = Self.tokens(of: text, wildcards: true)
    }

    /// Reads `text` with every character literal (how StringEquals reads its values).
    public init(literal text: String) {
        tokens = Self.tokens(of: text, wildcards: false)
    }

    public var hasWildcards: Bool {
        tokens.contains { $0 == .anyRun || $0 == .anyOne }
    }

    /// The pattern lower-cased, for the IgnoreCase operators.
    public func lowercased() -> WildcardPattern {
        WildcardPattern(tokens: tokens.flatMap { token -> [Token] in
            guard case .literal(let scalar) = token else { return [token] }
            return String(scalar).lowercased().unicodeScalars.map(Token.literal)
        })
    }

    /// Whether the whole of `text` matches the pattern.
    ///
    /// The classic linear two-pointer wildcard match: on a mismatch it backtracks only to the most recent
    /// `*`, so the cost is O(pattern × text) in the worst case and never exponential — a hostile pattern
    /// like `*a*a*a*a*…b` cannot hang the analysis.
    public func matches(_ text: String) -> Bool {
        // Most request values are ASCII, where one UTF-8 byte is one scalar: match the bytes in place
        // rather than copying the scalars into an array (this runs for every value of every clause of
        // every request the analysis builds, on every keystroke).
        let ascii: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            UTF8Bytes.isASCII(bytes) ? match(bytes) { scalar, byte in scalar.value == UInt32(byte) } : nil
        } ?? nil
        if let ascii { return ascii }
        return match(Array(text.unicodeScalars)) { $0 == $1 }
    }

    /// One token per scalar of `text`; with `wildcards`, `*` and `?` are wildcards. Every sub value is compiled
    /// on every keystroke: an ASCII text (nearly every value a policy holds) is read from its buffer, one token a
    /// byte, into an array of exactly its size; other text scalar by scalar, sized by its UTF-8 count (an upper
    /// bound of the scalars, known without decoding).
    private static func tokens(of text: String, wildcards: Bool) -> [Token] {
        func token(_ scalar: Unicode.Scalar) -> Token {
            guard wildcards else { return .literal(scalar) }
            return scalar == "*" ? .anyRun : scalar == "?" ? .anyOne : .literal(scalar)
        }
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Token]? in
            guard UTF8Bytes.isASCII(bytes) else { return nil }
            return [Token](unsafeUninitializedCapacity: bytes.count) { tokens, count in
                for (index, byte) in bytes.enumerated() { (tokens.baseAddress! + index).initialize(to: token(Unicode.Scalar(byte))) }
                count = bytes.count
            }
        }
        if let ascii, let ascii { return ascii }
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { tokens.append(token(scalar)) }
        return tokens
    }

    /// The matcher over any random-access run of characters; `same` compares a literal with a character.
    @inline(__always)
    private func match<Subject: RandomAccessCollection>(_ subject: Subject,
                                                        same: (Unicode.Scalar, Subject.Element) -> Bool) -> Bool
    where Subject.Index == Int {
        tokens.withUnsafeBufferPointer { Self.match($0, subject, same: same) }
    }

    @inline(__always)
    private static func match<Subject: RandomAccessCollection>(_ tokens: UnsafeBufferPointer<Token>, _ subject: Subject,
                                                               same: (Unicode.Scalar, Subject.Element) -> Bool) -> Bool
    where Subject.Index == Int {
        var p = 0, s = subject.startIndex
        var starP = -1, starS = subject.startIndex
        let end = subject.endIndex
        while s < end {
            if p < tokens.count {
                switch tokens[p] {
                case .anyRun:
                    starP = p
                    starS = s
                    p += 1
                    continue
                case .anyOne:
                    p += 1
                    s += 1
                    continue
                case .literal(let scalar) where same(scalar, subject[s]):
                    p += 1
                    s += 1
                    continue
                case .literal:
                    break
                }
            }
            // Mismatch (or pattern exhausted): let the last `*` swallow one more character.
            guard starP >= 0 else { return false }
            p = starP + 1
            starS += 1
            s = starS
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }

    /// The pattern written back in IAM's syntax; literal wildcards come out as `${*}` / `${?}`.
    public var text: String {
        var out = ""
        for token in tokens {
            switch token {
            case .anyRun: out += "*"
            case .anyOne: out += "?"
            case .literal("*"): out += "${*}"
            case .literal("?"): out += "${?}"
            case .literal(let scalar): out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
