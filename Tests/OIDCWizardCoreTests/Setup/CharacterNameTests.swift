import Testing
@testable import OIDCWizardCore

/// A message about one offending character names blanks and invisible characters in words, so nothing is
/// quoted that shows nothing, and a terminal cannot wrap the line between the quotes.
@Suite("Setup messages name whitespace and invisible characters in words")
struct CharacterNameTests {
    @Test("the enterprise slug with a space: 'a space is not allowed', no quotes around a blank")
    func slugWithSpace() throws {
        let issue = try #require(SetupDraft(flavorKind: .enterpriseCloud, flavorName: "acme corp", repositories: ["acme/app"],
                                            region: "us-east-1", accountID: "123456789012", roleName: "r").resolve().errors.first)
        #expect(issue.field == .flavor)
        #expect(issue.rule == "An enterprise slug has only letters, digits and hyphens; a space is not allowed.")
        #expect(!issue.rule.contains("' '"))
    }

    @Test("each rule that names one character", arguments: [
        (NameRules.owner("ac me"), "a space is not allowed"),
        (NameRules.repositoryName("my app", owner: "acme"), "a space is not allowed"),
        (NameRules.gheSubdomain("ac me"), "a space is not allowed"),
        (NameRules.serverHost("git hub.example.com"), "a space is not allowed"),
        (NameRules.accountID("1234 56789x12"), "a space is not a digit"),
        (NameRules.roleName("de ploy"), "a space is not allowed"),
        (NameRules.environmentName("prod\u{0009}east"), "Contains a tab (U+0009); remove it."),
        (NameRules.owner("ac\u{00A0}me"), "Contains a no-break space (U+00A0), which is not ASCII"),
        (NameRules.enterpriseSlug("ac\u{200B}me"), "invisible character (U+200B)"),
        (NameRules.refPattern("a b", kind: "branch"), "cannot contain a space"),
    ])
    func named(violations: [RuleViolation], expected: String) throws {
        let rule = try #require(violations.first?.rule)
        #expect(rule.contains(expected), "\(rule)")
        #expect(!rule.contains("' '") && !rule.contains("'\t'") && !rule.contains("'\u{00A0}'"), "\(rule)")
    }

    @Test("visible characters keep their quoted form", arguments: [
        (NameRules.owner("ac/me"), "'/' is not allowed"),
        (NameRules.accountID("12345678901x"), "'x' is not a digit"),
        (NameRules.roleName("de!ploy"), "'!' is not allowed"),
        (NameRules.owner("\u{0430}cme"), "the Cyrillic letter 'а' (U+0430)"),
    ])
    func visible(violations: [RuleViolation], expected: String) throws {
        let rule = try #require(violations.first?.rule)
        #expect(rule.contains(expected), "\(rule)")
    }

    @Test("the names", arguments: [
        (Character(" "), "a space"), ("\t", "a tab"), ("\n", "a line break"), ("\r\n", "a line break"),
        ("\u{00A0}", "a no-break space (U+00A0)"), ("\u{3000}", "an ideographic space (U+3000)"),
        ("\u{2003}", "a space character (U+2003)"), ("\u{200B}", "a zero-width space (U+200B)"),
        ("\u{0001}", "a control character (U+0001)"), ("/", "'/'"), ("é", "'é'"),
    ])
    func names(character: Character, expected: String) {
        #expect(CharacterName.describe(character) == expected)
    }
}
