import Testing
@testable import OIDCWizardCore

@Suite("IAM wildcard patterns")
struct WildcardPatternTests {
    @Test("* matches any run of characters, including none, '/' and ':'", arguments: [
        ("repo:acme/*", "repo:acme/app:ref:refs/heads/main", true),
        ("repo:acme/*", "repo:acme/", true),
        ("repo:*", "repo:evil/app:pull_request", true),
        ("*", "", true),
        ("a*b*c", "abc", true),
        ("a*b*c", "a-b-c-d", false),
        ("repo:acme/app:ref:refs/heads/main*", "repo:acme/app:ref:refs/heads/main-evil", true),
        ("repo:acme*", "repo:acme-evil/app:ref:refs/heads/main", true),
    ])
    func star(pattern: String, text: String, expected: Bool) {
        #expect(WildcardPattern(glob: pattern).matches(text) == expected)
    }

    @Test("? matches exactly one character, never zero and never two", arguments: [
        ("repo:acm?/app", "repo:acme/app", true),
        ("repo:acm?/app", "repo:acm/app", false),
        ("repo:acm?/app", "repo:acmee/app", false),
        ("??", "a/", true),
        ("a?", "aé", true),
    ])
    func question(pattern: String, text: String, expected: Bool) {
        #expect(WildcardPattern(glob: pattern).matches(text) == expected)
    }

    @Test("the tokens are the text's scalars (* and ? as wildcards in a glob), and matching agrees, wherever a non-ASCII character sits")
    func tokensAndASCIIChecks() {
        func scalars(_ text: String, wildcards: Bool) -> [WildcardPattern.Token] {
            text.unicodeScalars.map { wildcards && $0 == "*" ? .anyRun : wildcards && $0 == "?" ? .anyOne : .literal($0) }
        }
        for length in 0...20 {
            let ascii = String((0..<length).map { "ab*?:/"[String.Index(utf16Offset: $0 % 6, in: "ab*?:/")] })
            var texts = [ascii]
            for position in 0..<length {
                var characters = Array(ascii)
                characters[position] = "é"
                texts.append(String(characters))
            }
            for text in texts {
                #expect(WildcardPattern(glob: text).tokens == scalars(text, wildcards: true), "\(text)")
                #expect(WildcardPattern(literal: text).tokens == scalars(text, wildcards: false), "\(text)")
                // A literal pattern matches exactly its own text, whichever path reads the text.
                #expect(WildcardPattern(literal: text).matches(text), "\(text)")
                #expect(WildcardPattern(literal: text).matches(text + "x") == false, "\(text)")
            }
        }
    }

    @Test("literal patterns take * and ? as plain characters")
    func literal() {
        #expect(WildcardPattern(literal: "repo:acme/*").matches("repo:acme/*"))
        #expect(!WildcardPattern(literal: "repo:acme/*").matches("repo:acme/app"))
    }

    @Test("matching is case-sensitive")
    func caseSensitive() {
        #expect(!WildcardPattern(glob: "repo:Acme/*").matches("repo:acme/app"))
        #expect(WildcardPattern(glob: "repo:Acme/*").lowercased().matches("repo:acme/app"))
    }

    @Test("a hostile pattern cannot make matching exponential")
    func noBacktrackingBlowUp() {
        let pattern = WildcardPattern(glob: String(repeating: "*a", count: 2_000) + "b")
        let text = String(repeating: "a", count: 5_000)
        // A backtracking matcher would not finish this in the lifetime of the universe; the linear
        // two-pointer matcher answers at once. (Speed itself is measured in oidc-wizard-bench.)
        #expect(!pattern.matches(text))
    }

    @Test("a pattern written back shows literal wildcards as ${*} and ${?}")
    func textRoundTrip() {
        let pattern = WildcardPattern(tokens: [.literal("a"), .literal("*"), .anyRun, .literal("?"), .anyOne])
        #expect(pattern.text == "a${*}*${?}?")
    }
}
