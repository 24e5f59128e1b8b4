import Testing
@testable import OIDCWizardCore

/// The few words beside a row of the live "who can get in" table. The corpus and semantics tests in
/// `QuickDecisionTests` hold the quick wording equal to the full evaluator's; these say what the words are.
@Suite("A row's reason in a few words")
struct BriefReasonTests {
    static let subjects = (1...10).map { "repo:acme/app:ref:refs/heads/b\($0)" }

    func brief(_ policy: TrustPolicy, _ request: AssumeRequest) -> String {
        PolicyEvaluator.evaluate(policy, request).briefReason
    }

    @Test("a subject outside the list names the statement, the claim and how many values it missed")
    func subjectOutsideList() {
        let policy = Fixture.allowing(ConditionClause(op: "StringLike", key: Fixture.sub, values: Self.subjects))
        #expect(brief(policy, Fixture.subject("repo:evil/app:ref:refs/heads/b1")) == "statement 1: sub matches none of its 10 values")
    }

    @Test("a wrong audience quotes the one value the statement wants")
    func wrongAudience() {
        let policy = Fixture.allowing(Fixture.clause("StringEquals", Fixture.aud, "sts.amazonaws.com"))
        let request = Fixture.request([Fixture.aud: ["https://github.com/evil"]])
        #expect(brief(policy, request) == "statement 1: aud does not match \"sts.amazonaws.com\"")
    }

    @Test("a claim the token does not carry is named as missing")
    func missingClaim() {
        let policy = Fixture.allowing(Fixture.clause("StringEquals", Fixture.aud, "sts.amazonaws.com"),
                                      Fixture.clause("StringEquals", "token.actions.githubusercontent.com:job_workflow_ref", "acme/ci/.github/workflows/d.yml@refs/heads/main"))
        let request = Fixture.request([Fixture.aud: ["sts.amazonaws.com"]])
        #expect(brief(policy, request) == "statement 1: the token has no job_workflow_ref")
    }

    @Test("an allowed run quotes the sub value that let it in")
    func allowedQuotesTheMatch() {
        let policy = Fixture.allowing(Fixture.clause("StringLike", Fixture.sub, "repo:acme/*"))
        #expect(brief(policy, Fixture.subject("repo:acme/app:pull_request")) == "statement 1 allows it: sub matches \"repo:acme/*\"")
        let open = Fixture.allowing()
        #expect(brief(open, Fixture.subject("repo:evil/app:pull_request")) == "statement 1 allows it")
    }

    @Test("an explicit Deny is named as the deciding statement, with its Sid")
    func explicitDeny() {
        let policy = Fixture.policy(Fixture.statement(.allow, [Fixture.clause("StringLike", Fixture.sub, "repo:acme/*")]),
                                    Fixture.statement(.deny, sid: "NoPullRequests", [Fixture.clause("StringLike", Fixture.sub, "*:pull_request")]))
        #expect(brief(policy, Fixture.subject("repo:acme/app:pull_request")) == "statement 2 (Sid \"NoPullRequests\") denies it (an explicit Deny always wins)")
    }

    @Test("with several Allow statements, each one's first failing part is named")
    func severalAllows() {
        let policy = Fixture.policy(Fixture.statement(.allow, [Fixture.clause("StringEquals", Fixture.sub, "repo:acme/app:ref:refs/heads/main")]),
                                    Fixture.statement(.allow, principal: .entries([PrincipalEntry(type: "Federated", values: ["arn:aws:iam::111122223333:oidc-provider/other"])])),
                                    Fixture.statement(.allow, actions: ["sts:AssumeRole"]),
                                    Fixture.statement(.allow, [Fixture.clause("StringNotLike", Fixture.sub, "repo:evil/*")]))
        #expect(brief(policy, Fixture.subject("repo:evil/app:ref:refs/heads/main")) == "no statement allows it ("
            + "statement 1: sub does not match \"repo:acme/app:ref:refs/heads/main\"; "
            + "statement 2: its Principal does not name this identity provider; "
            + "statement 3: its Action does not cover the request's action; "
            + "statement 4: sub has a value that StringNotLike excludes)")
    }

    @Test("a policy without an Allow statement says so")
    func noAllow() {
        let policy = Fixture.policy(Fixture.statement(.deny, [Fixture.clause("StringLike", Fixture.sub, "repo:evil/*")]))
        #expect(brief(policy, Fixture.subject("repo:acme/app:pull_request")) == "no statement allows it: the policy has no Allow statement")
    }

    @Test("a provider's claim is shortened to its name; a global key stays whole", arguments: [
        ("token.actions.githubusercontent.com:sub", "sub"),
        ("token.actions.githubusercontent.com/acme:aud", "aud"),
        ("aws:SourceIp", "aws:SourceIp"),
        ("sub", "sub"),
        // A colon followed by a combining mark is another character, not the colon before the claim.
        ("a.b:\u{301}sub", "a.b:\u{301}sub"),
        ("a.b:c:\u{301}d", "c:\u{301}d"),
    ])
    func shortKeys(key: String, short: String) {
        #expect(BriefReason.shortKey(key) == short)
    }

    @Test("a key is a provider's sub exactly when its short name is sub in any case", arguments: [
        "token.actions.githubusercontent.com:sub", "token.actions.githubusercontent.com:SUB", "TOKEN.ACTIONS.GITHUBUSERCONTENT.COM:Sub",
        "token.actions.githubusercontent.com/acme:sub", "token.actions.githubusercontent.com:aud", "token.actions.githubusercontent.com:subs",
        "token.actions.githubusercontent.com:su", "aws:sub", "sub", ":sub", ".:sub", "a.b:sub:x", "a.b:ſub", "a.b:s\u{301}ub", "",
    ])
    func subjectKeys(key: String) {
        #expect(BriefReason.isSubject(key) == (BriefReason.shortKey(key).lowercased() == "sub" && key.contains(":")))
    }
}
