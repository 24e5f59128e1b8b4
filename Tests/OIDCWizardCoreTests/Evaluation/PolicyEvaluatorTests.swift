import Testing
@testable import OIDCWizardCore

@Suite("The IAM evaluator: statements, principals, actions, decisions")
struct PolicyEvaluatorTests {
    typealias F = Fixture
    static let main = "repo:acme/app:ref:refs/heads/main"

    // MARK: Statements and effects

    @Test("with no applying Allow the answer is an implicit deny")
    func implicitDeny() {
        let decision = PolicyEvaluator.evaluate(F.allowing(F.clause("StringEquals", F.sub, Self.main)),
                                                F.subject("repo:evil/app:ref:refs/heads/main"))
        #expect(decision.outcome == .implicitDeny)
        #expect(decision.statementIndex == nil)
        #expect(decision.reason.contains("No statement allows it"))
        #expect(decision.reason.contains("\"repo:evil/app:ref:refs/heads/main\" does not equal \"\(Self.main)\""))
    }

    @Test("an applying Deny beats an applying Allow, wherever it stands")
    func denyWins() {
        let allow = F.statement(.allow, sid: "Deploy", [F.clause("StringLike", F.sub, "repo:acme/*")])
        let deny = F.statement(.deny, sid: "NoPRs", [F.clause("StringLike", F.sub, "*:pull_request")])
        for policy in [F.policy(allow, deny), F.policy(deny, allow)] {
            let pr = PolicyEvaluator.evaluate(policy, F.subject("repo:acme/app:pull_request"))
            #expect(pr.outcome == .explicitDeny)
            #expect(policy.statements[pr.statementIndex ?? -1].sid == "NoPRs")
            #expect(pr.reason.contains("explicit Deny always wins"))
            let push = PolicyEvaluator.evaluate(policy, F.subject(Self.main))
            #expect(push.outcome == .allowed)
            #expect(policy.statements[push.statementIndex ?? -1].sid == "Deploy")
        }
    }

    @Test("statements OR together: the first applying Allow decides")
    func statementsOr() {
        let policy = F.policy(
            F.statement(.allow, sid: "Tight", [F.clause("StringEquals", F.sub, Self.main)]),
            F.statement(.allow, sid: "Loose", [F.clause("StringLike", F.sub, "repo:*")]))
        let outsider = PolicyEvaluator.evaluate(policy, F.subject("repo:evil/app:ref:refs/heads/main"))
        #expect(outsider.outcome == .allowed)
        #expect(outsider.statementIndex == 1)
        #expect(outsider.statements[0].applies == false)
        #expect(outsider.statements[1].applies == true)
    }

    @Test("operators AND together: StringEquals sub=a plus StringLike sub=b* needs both")
    func operatorsAnd() {
        let policy = F.allowing(F.clause("StringEquals", F.sub, Self.main),
                                F.clause("StringLike", F.sub, "repo:acme/app:pull_request*"))
        let decision = PolicyEvaluator.evaluate(policy, F.subject(Self.main))
        #expect(decision.outcome == .implicitDeny)
        #expect(decision.statements[0].clauses.map(\.holds) == [true, false])
        #expect(decision.statements[0].failedClauses.first?.clauseIndex == 1)
    }

    @Test("keys inside one operator AND together: sub and aud both have to match")
    func keysAnd() {
        let policy = F.allowing(F.clause("StringEquals", F.aud, "sts.amazonaws.com"),
                                F.clause("StringEquals", F.sub, Self.main))
        #expect(F.allows(policy, F.request([F.sub: [Self.main], F.aud: ["sts.amazonaws.com"]])))
        #expect(!F.allows(policy, F.request([F.sub: [Self.main], F.aud: ["https://github.com/acme"]])))
        #expect(!F.allows(policy, F.request([F.sub: [Self.main]])))
    }

    @Test("an Allow without conditions lets every caller it names in")
    func noConditions() {
        let decision = PolicyEvaluator.evaluate(F.policy(F.statement(.allow)), F.subject("repo:anyone/anything:x"))
        #expect(decision.outcome == .allowed)
        #expect(decision.reason.contains("has no conditions"))
    }

    @Test("a statement whose Effect is neither Allow nor Deny counts for nothing")
    func invalidEffect() {
        let decision = PolicyEvaluator.evaluate(F.policy(F.statement(.invalid("allow"))), F.subject(Self.main))
        #expect(decision.outcome == .implicitDeny)
        #expect(decision.statements[0].summary.contains("neither Allow nor Deny"))
    }

    @Test("a Deny-only policy lets nobody in")
    func denyOnly() {
        let decision = PolicyEvaluator.evaluate(F.policy(F.statement(.deny, [F.clause("StringLike", F.sub, "repo:evil/*")])),
                                                F.subject(Self.main))
        #expect(decision.outcome == .implicitDeny)
        #expect(decision.reason.contains("no Allow statement"))
    }

    // MARK: Principals

    @Test("Principal: the Federated provider ARN must equal the caller exactly")
    func federatedPrincipal() {
        let other = "arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com"
        let policy = F.policy(F.statement(.allow))
        #expect(F.allows(policy, F.subject(Self.main)))
        let decision = PolicyEvaluator.evaluate(policy, F.request([F.sub: [Self.main]], principal: other))
        #expect(!decision.isAllowed)
        #expect(decision.statements[0].principalMatches == false)
    }

    @Test("\"*\", {\"Federated\":\"*\"} and {\"AWS\":\"*\"} name every caller; {\"Service\":…} names none",
          arguments: [
            (PrincipalBlock.wildcard, true),
            (.entries([PrincipalEntry(type: "Federated", values: ["*"])]), true),
            (.entries([PrincipalEntry(type: "AWS", values: ["*"])]), true),
            (.entries([PrincipalEntry(type: "AWS", values: ["arn:aws:iam::123456789012:root"])]), false),
            (.entries([PrincipalEntry(type: "Service", values: ["sts.amazonaws.com"])]), false),
            (.entries([PrincipalEntry(type: "Federated", values: ["cognito-identity.amazonaws.com", Fixture.provider])]), true),
          ])
    func principalForms(block: PrincipalBlock, allowed: Bool) {
        #expect(F.allows(F.policy(F.statement(.allow, principal: block)), F.subject(Self.main)) == allowed)
    }

    @Test("NotPrincipal in an Allow applies to every caller it does not list")
    func notPrincipal() {
        let listsOther = F.statement(.allow, principal: nil,
                                     notPrincipal: .entries([PrincipalEntry(type: "AWS", values: ["arn:aws:iam::1:root"])]))
        #expect(F.allows(F.policy(listsOther), F.subject(Self.main)))
        let listsCaller = F.statement(.allow, principal: nil,
                                      notPrincipal: .entries([PrincipalEntry(type: "Federated", values: [F.provider])]))
        #expect(!F.allows(F.policy(listsCaller), F.subject(Self.main)))
    }

    @Test("a statement with neither Principal nor NotPrincipal names nobody")
    func noPrincipal() {
        let decision = PolicyEvaluator.evaluate(F.policy(F.statement(.allow, principal: nil)), F.subject(Self.main))
        #expect(!decision.isAllowed)
        #expect(decision.statements[0].principalExplanation.contains("neither Principal nor NotPrincipal"))
    }

    // MARK: Actions

    @Test("Action matches with wildcards and without regard to case", arguments: [
        (["sts:AssumeRoleWithWebIdentity"], true),
        (["STS:assumerolewithwebidentity"], true),
        (["sts:*"], true),
        (["*"], true),
        (["sts:AssumeRole?ithWebIdentity"], true),
        (["sts:AssumeRole"], false),
        (["sts:AssumeRole", "sts:TagSession"], false),
        (["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity"], true),
    ])
    func action(actions: [String], allowed: Bool) {
        #expect(F.allows(F.policy(F.statement(.allow, actions: actions)), F.subject(Self.main)) == allowed)
    }

    @Test("NotAction covers every action it does not list")
    func notAction() {
        #expect(F.allows(F.policy(F.statement(.allow, actions: nil, notActions: ["sts:AssumeRole"])), F.subject(Self.main)))
        #expect(!F.allows(F.policy(F.statement(.allow, actions: nil, notActions: ["sts:*"])), F.subject(Self.main)))
        #expect(!F.allows(F.policy(F.statement(.allow, actions: nil, notActions: nil)), F.subject(Self.main)))
    }

    // MARK: Policy variables

    @Test("a policy variable is filled in from the request, and what it brings is literal")
    func variables() {
        let repo = "token.actions.githubusercontent.com:repository"
        let policy = F.allowing(F.clause("StringLike", F.sub, "repo:${\(repo)}:*"))
        #expect(F.allows(policy, F.request([F.sub: [Self.main], repo: ["acme/app"]])))
        #expect(!F.allows(policy, F.request([F.sub: [Self.main], repo: ["acme/other"]])))
        // A `*` inside the substituted value is not a wildcard.
        #expect(!F.allows(policy, F.request([F.sub: [Self.main], repo: ["acme/*"]])))
    }

    @Test("a variable the request cannot fill in matches nothing; a default fills the gap")
    func unresolvedVariables() {
        let policy = F.allowing(F.clause("StringLike", F.sub, "repo:${aws:username}/*"))
        let decision = PolicyEvaluator.evaluate(policy, F.subject(Self.main))
        #expect(!decision.isAllowed)
        #expect(decision.statements[0].clauses[0].unresolvedVariables == ["repo:${aws:username}/*"])
        #expect(decision.statements[0].clauses[0].explanation.contains("cannot fill in"))
        let withDefault = F.allowing(F.clause("StringLike", F.sub, "repo:${aws:username, 'acme'}/*"))
        #expect(F.allows(withDefault, F.subject(Self.main)))
    }

    @Test("${*}, ${?} and ${$} are a literal star, question mark and dollar")
    func escapes() {
        let policy = F.allowing(F.clause("StringLike", F.sub, "a${*}b${?}c${$}d"))
        #expect(F.allows(policy, F.subject("a*b?c$d")))
        #expect(!F.allows(policy, F.subject("aXb?c$d")))
        #expect(!F.allows(policy, F.subject("a*bXc$d")))
    }

    @Test("under the 2008-10-17 language (or no Version) ${…} is plain text")
    func variablesNeedCurrentVersion() {
        let clause = F.clause("StringEquals", F.sub, "${aws:username}")
        let old = F.policy(F.statement(.allow, [clause]), version: "2008-10-17")
        #expect(F.allows(old, F.subject("${aws:username}")))
        let none = F.policy(F.statement(.allow, [clause]), version: nil)
        #expect(F.allows(none, F.subject("${aws:username}")))
        let current = F.policy(F.statement(.allow, [clause]))
        #expect(!F.allows(current, F.subject("${aws:username}")))
    }

    // MARK: Reasons

    @Test("the reason names the statement, the key, the request value, the pattern and the operator")
    func allowReason() {
        let policy = F.policy(F.statement(.allow, sid: "Deploy",
                                          [F.clause("StringLike", F.sub, "repo:acme/app:ref:refs/heads/*")]))
        let decision = PolicyEvaluator.evaluate(policy, F.subject(Self.main))
        #expect(decision.reason == """
            Statement 1 (Sid "Deploy") allows it: token.actions.githubusercontent.com:sub \
            "repo:acme/app:ref:refs/heads/main" matches "repo:acme/app:ref:refs/heads/*" under StringLike.
            """)
        let clause = decision.statements[0].clauses[0]
        #expect(clause.requestValue == Self.main)
        #expect(clause.matchedPolicyValue == "repo:acme/app:ref:refs/heads/*")
        #expect(clause.parsedOperator?.comparison == .stringLike)
    }

    @Test("a missing key is explained as missing, with the rule that applied")
    func missingKeyReason() {
        let decision = PolicyEvaluator.evaluate(F.allowing(F.clause("ForAllValues:StringLike", F.sub, "repo:acme/*")), F.empty)
        #expect(decision.isAllowed)
        #expect(decision.statements[0].clauses[0].basis == .keyMissing)
        #expect(decision.reason.contains("is not in the request, and ForAllValues: is true when the key is missing"))
    }
}
