import Testing
@testable import OIDCWizardCore

@Suite("Byte search in the analysis' hot paths")
struct TextSearchTests {
    /// The plain definition: some byte offset where every byte of the needle follows.
    static func reference(_ haystack: some Collection<UInt8>, _ needle: some Collection<UInt8>) -> Bool {
        let h = Array(haystack), n = Array(needle)
        if n.isEmpty { return true }
        guard h.count >= n.count else { return false }
        return (0...(h.count - n.count)).contains { start in Array(h[start..<(start + n.count)]) == n }
    }

    static let haystacks = ["", "repo:acme/app:ref:refs/heads/main", "repo:acme/app:job_workflow_ref:acme/ci/.github/w.yml@refs/heads/main",
                            "aaab", "ababac", "café:ref:x", "ＡＢＣ:context:prod", "x:runner_environment:github-hosted"]
    static let needles = ["", "a", ":ref:", ":context:", "runner_environment:", "aab", "abac", "é:r", "Ｃ:", "main", "mainx", "zz"]

    @Test("String and Substring find exactly the needles a byte-by-byte scan finds")
    func agreesWithReference() {
        for haystack in Self.haystacks {
            for needle in Self.needles {
                let expected = Self.reference(haystack.utf8, needle.utf8)
                #expect(haystack.contains(needle) == expected, "\(haystack) \(needle)")
                let inner = haystack.dropFirst().dropLast()
                #expect(inner.contains(needle) == Self.reference(inner.utf8, needle.utf8), "\(inner) \(needle)")
                #expect(haystack.utf8.containsBytes(needle.utf8) == expected)
            }
        }
    }

    @Test("byte equality: same bytes only, so canonically equivalent spellings differ as IAM sees them")
    func sameBytes() {
        #expect("repo:acme/app:ref:refs/heads/main".hasSameBytes(as: "repo:acme/app:ref:refs/heads/main"))
        #expect(!"repo:acme/app:ref:refs/heads/main".hasSameBytes(as: "repo:acme/app:ref:refs/heads/mai"))
        #expect(!"repo:acme/app:ref:refs/heads/main".hasSameBytes(as: "repo:acme/app:ref:refs/heads/maim"))
        #expect("".hasSameBytes(as: ""))
        #expect(!"".hasSameBytes(as: "a"))
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)  // String's == is canonical equivalence
        #expect(!composed.hasSameBytes(as: decomposed))
        let inner = "xrepo:acme/app:pull_requestx".dropFirst().dropLast()
        #expect(String(inner).hasSameBytes(as: "repo:acme/app:pull_request"))
    }

    @Test("byte equality finds a difference at any position, inside or after the eight-byte steps")
    func sameBytesEveryPosition() {
        for length in 0...40 {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            #expect(text.hasSameBytes(as: String(text.utf8.map { Character(UnicodeScalar($0)) })))
            for position in 0..<length {
                var bytes = Array(text.utf8)
                bytes[position] = UInt8(ascii: "-")
                #expect(!text.hasSameBytes(as: String(decoding: bytes, as: UTF8.self)), "length \(length), position \(position)")
            }
        }
    }

    @Test("a key needs lower-casing exactly when it has an upper-case ASCII letter or a non-ASCII byte")
    func lowerCasingNeeded() {
        #expect(!"token.actions.githubusercontent.com:sub".hasUpperCaseOrNonASCII)
        #expect("aws:SourceIp".hasUpperCaseOrNonASCII)
        #expect("token.actions.githubusercontent.com:\u{17F}ub".hasUpperCaseOrNonASCII)
        #expect(!"".hasUpperCaseOrNonASCII)
    }

    @Test("a token of a subject equals a keyword exactly when it has the same bytes")
    func tokenEqualsKeyword() {
        var subject = "repo:acme/app:repository_id:123"
        subject.withUTF8 { buffer in
            var tokens = ColonTokens(buffer[...])
            #expect(tokens.next()?.equals("repo") == true)
            #expect(tokens.next()?.equals("acme/ap") == false)
            #expect(tokens.next()?.equals("repository_id") == true)
            let last = tokens.next()
            #expect(last?.equals("123") == true && last?.equals("1234") == false && last?.equals("") == false)
        }
    }
}
