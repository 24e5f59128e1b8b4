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
}
