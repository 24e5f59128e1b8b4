import Testing
@testable import OIDCWizardCore

@Suite("Whether GitHub can ever send a subject a sub value matches")
struct SubjectGrammarTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var value: String
        /// StringLike (wildcards are patterns) rather than StringEquals.
        var patterns = true
        /// Policy version 2012-10-17 (`${…}` is a variable).
        var variables = true
        /// nil: some subject GitHub sends may match; else the start of the reason it never does.
        var never: String?
        var testDescription: String { "\(value) (\(patterns ? "StringLike" : "StringEquals"))" }
    }

    static let literalWildcard = "${*} and ${?} stand for a literal"
    static let afterRepository = "after repo:<owner>/<repo> GitHub sends"
    static let notAClaim = "a subject is claim:value pairs"

    @Test("exact values by the grammar, patterns by their fixed text before the first wildcard", arguments: [
        // Escapes and variables (2012-10-17 only).
        Case(value: "repo:acme/app:ref:refs/heads/${*}", never: literalWildcard),
        Case(value: "repo:acme/app:ref:refs/tags/v${?}", patterns: false, never: literalWildcard),
        Case(value: "repo:acme/app:ref:refs/heads/${aws:username}"),
        Case(value: "repo:acme/app:ref:refs/heads/${*}", variables: false),
        // Exact values: what GitHub builds, and what it never does.
        Case(value: "repo:acme/app:ref:refs/heads/main", patterns: false),
        Case(value: "repo:acme/app:main", patterns: false, never: afterRepository),
        Case(value: "refs/heads/main", patterns: false, never: notAClaim),
        Case(value: "", patterns: false, never: "an empty subject is never sent"),
        // A wildcard under StringEquals is wildcard-under-stringequals' to report.
        Case(value: "repo:acme/app:ref:refs/heads/*", patterns: false),
        // Patterns: every complete pair before the wildcard must be one GitHub builds; the unfinished token only
        // has to begin a claim name.
        Case(value: "repo:acme/*"),
        Case(value: "repo:*"),
        Case(value: "*"),
        Case(value: "rep*"),
        Case(value: "repo:acme/app:environment:prod*"),
        Case(value: "repo:acme/app:pull_request*"),
        Case(value: "repo:acme/app:pull_request:*"),
        Case(value: "repo:acme/app:context:ref:refs/heads/*"),
        Case(value: "repo:acme/app:bogus:*", never: afterRepository),
        Case(value: "repo:acme/app:context:bogus:*", never: afterRepository),
        Case(value: "repo:bad name/app:ref:*", never: afterRepository),
        Case(value: "xyz*", never: notAClaim),
        Case(value: ":*", never: notAClaim),
    ])
    func neverSent(_ expected: Case) {
        let reason = SubjectGrammar.neverSentReason(expected.value, patterns: expected.patterns, variables: expected.variables)
        if let never = expected.never {
            #expect(reason?.hasPrefix(never) == true, "\(reason ?? "nil")")
        } else {
            #expect(reason == nil)
        }
    }
}
