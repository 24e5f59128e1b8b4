import Testing
@testable import OIDCWizardCore

/// What the red-team review found in the analysis, one specification per finding: each policy here
/// was misjudged before (too low, too high, or for the wrong reason).
@Suite("Red-team regressions")
struct RedTeamRegressionTests {
    static let k = Lint.prefix
    static let aud = #""\#(Lint.prefix):aud": "sts.amazonaws.com""#

    static func statement(_ effect: String, _ condition: String) -> String {
        #"{"Effect": "\#(effect)", "Principal": {"Federated": "\#(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\#(condition)}}"#
    }

    static func document(_ statements: String...) -> String {
        #"{"Version": "2012-10-17", "Statement": [\#(statements.joined(separator: ", "))]}"#
    }

    static func summary(_ findings: [Finding]) -> String {
        findings.map { "\($0.severity) \($0.rule): \($0.message)" }.joined(separator: "\n")
    }

    // MARK: 1 — the attacker chooses the ref and environment the policy asks for

    @Test("sub * with an environment test is open to any owner: the attacker names an environment prod")
    func environmentClaimDoesNotFence() throws {
        let json = Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "*"}, "StringEquals": {"\#(Self.k):environment": "prod", \#(Self.aud)}"#)
        let findings = try Lint.findings(json)
        #expect(findings.worst == .critical, "\(Self.summary(findings))")
        let top = try #require(findings.first)
        #expect(top.message.contains("environment:prod"), "\(top.message)")
        // …and the evaluator agrees with the request the finding names.
        let policy = try PolicyReader.read(text: json).reading.policy
        let statement = StatementFacts(index: 0, statement: policy.statements[0], path: .root)
        let request = RequestTemplate(statement: statement, intent: nil).request(subject: "repo:zz-evil/x:environment:prod")
        #expect(PolicyEvaluator.evaluate(policy, request).isAllowed)
    }

    @Test("repo:* with a ref test is open to any owner: the attacker pushes a branch of that name")
    func refClaimDoesNotFence() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:*"}, "StringEquals": {"\#(Self.k):ref": "refs/heads/release", \#(Self.aud)}"#))
        #expect(findings.worst == .critical, "\(Self.summary(findings))")
        #expect(findings.first?.message.contains("ref:refs/heads/release") == true, "\(Self.summary(findings))")
    }

    @Test("the attacker's request is consistent: the ref claim follows the branch in the subject")
    func attackerRequestIsConsistent() throws {
        let policy = try PolicyReader.read(text: Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:*"}, "StringEquals": {"\#(Self.k):ref": "refs/heads/release"}"#)).reading.policy
        let statement = StatementFacts(index: 0, statement: policy.statements[0], path: .root)
        let request = RequestTemplate(statement: statement, intent: nil).request(subject: "repo:evil/app:ref:refs/heads/other")
        #expect(request.context["\(Self.k):ref"] == ["refs/heads/other"])
        #expect(!PolicyEvaluator.evaluate(policy, request).isAllowed)
    }

    // MARK: 2, 8 — subjects GitHub never sends are broken, not open

    @Test("a sub value GitHub never sends is broken (nobody gets in), never critical", arguments: [
        #""StringEquals": {"\#(Lint.prefix):sub": "refs/heads/main", \#(RedTeamRegressionTests.aud)}"#,
        #""StringEquals": {"\#(Lint.prefix):sub": "acme/app:ref:refs/heads/main", \#(RedTeamRegressionTests.aud)}"#,
        #""StringLike": {"\#(Lint.prefix):sub": "acme/app:*"}, "StringEquals": {\#(RedTeamRegressionTests.aud)}"#,
        #""StringLike": {"\#(Lint.prefix):sub": ""}, "StringEquals": {\#(RedTeamRegressionTests.aud)}"#,
        #""StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app", \#(RedTeamRegressionTests.aud)}"#,
        #""StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app:main", \#(RedTeamRegressionTests.aud)}"#,
        #""StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app:refs/heads/main", \#(RedTeamRegressionTests.aud)}"#,
        #""StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/${*}"}, "StringEquals": {\#(RedTeamRegressionTests.aud)}"#,
    ])
    func neverSentIsBroken(_ condition: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: condition))
        let finding = try #require(findings.first("subject-never-matches"), "\(Self.summary(findings))")
        #expect(finding.severity == .high && finding.kind == .broken)
        #expect(findings.worst == .high, "\(Self.summary(findings))")
        #expect(findings.first("template-without-binding") == nil && findings.first("open-to-any-owner") == nil)
    }

    @Test("the grammar: what GitHub sends, and what it never sends")
    func grammar() {
        for sent in ["repo:acme/app:ref:refs/heads/main", "repo:acme@1/app@2:pull_request", "repo:acme/app:environment:prod",
                     "environment:prod:ref:refs/heads/main", "repository_owner:acme:environment:prod",
                     "repo:acme/app:context:ref:refs/heads/main:job_workflow_ref:acme/ci/.github/workflows/d.yml@refs/heads/main"] {
            #expect(SubjectGrammar.canBeSent(sent), "\(sent)")
        }
        for never in ["", "refs/heads/main", "acme/app:ref:refs/heads/main", "repo:acme/app:main", "repo:-evil/app:ref:refs/heads/main",
                      "repo:acme--evil/app:ref:refs/heads/main", "repo:acme/a/b:ref:refs/heads/main", "repo:acme/app:ref:refs/heads/-evil",
                      "repo:acme@1/app:ref:refs/heads/main", "false", "repo:acme/app:pull_request:ref:refs/heads/main"] {
            #expect(!SubjectGrammar.canBeSent(never), "\(never)")
        }
    }

    @Test("Null on sub is a flag, not a subject: the backstop's critical stands, no template finding")
    func nullIsNotASubject() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""Null": {"\#(Self.k):sub": "false"}, "StringEquals": {\#(Self.aud)}"#))
        #expect(findings.worst == .critical)
        #expect(findings.first("template-without-binding") == nil, "\(Self.summary(findings))")
    }

    // MARK: 9 — every witness is a subject GitHub can send

    @Test("witnesses are valid part by part", arguments: ["repo:*", "*", "repo:acme*/app:*", "repo:acme-*/app:*", "repo:*/app:ref:refs/heads/main",
                                                          "repo:acme/app*", "repo:acme/app:ref:refs/heads/*", "repo:acm?/app:*", "*acme/app:ref:refs/heads/main",
                                                          "repo:*:environment:prod", "repo:acme/*", "environment:prod*"])
    func witnessesAreSendable(_ pattern: String) {
        let witnesses = Witnesses.subjects(matching: pattern, parts: Exposure.defaultParts)
        #expect(!witnesses.isEmpty, "\(pattern)")
        for witness in witnesses {
            #expect(SubjectGrammar.canBeSent(witness) && WildcardPattern(glob: pattern).matches(witness), "\(pattern) → \(witness)")
        }
    }

    // MARK: 10 — globs and policy variables are not names

    @Test("a glob that runs past the owner is open, not an invalid name", arguments: ["repo:*:ref:refs/heads/main", "repo:*:environment:prod"])
    func globOwnerIsNotInvalid(_ sub: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "\#(sub)"}, "StringEquals": {\#(Self.aud)}"#))
        #expect(findings.first("invalid-name") == nil, "\(Self.summary(findings))")
        #expect(findings.worst == .critical)
    }

    @Test("a subject built from the caller's own claims matches everyone, and says why; nothing contradicts it", arguments: [
        "repo:${token.actions.githubusercontent.com:repository}:*", "repo:${token.actions.githubusercontent.com:actor}/*",
        "${token.actions.githubusercontent.com:sub}",
    ])
    func variablesEchoTheCaller(_ sub: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "\#(sub)"}, "StringEquals": {\#(Self.aud)}"#))
        let finding = try #require(findings.first("subject-matches-anyone"), "\(Self.summary(findings))")
        #expect(finding.severity == .critical && finding.message.contains("caller's own"))
        #expect(findings.first("invalid-name") == nil && findings.first("template-without-binding") == nil)
        #expect(!findings.contains { $0.rule == "owner-wildcard" }, "\(Self.summary(findings))")
    }

    // MARK: 3 — Deny statements are analysed

    static let tightAllow = statement("Allow", Lint.tight())

    @Test("a Deny with a negated test on a claim IAM never sees applies to everyone: nobody meant gets in (broken)")
    func denyOnAbsentClaimShutsEveryoneOut() throws {
        let findings = try Lint.findings(Self.document(Self.tightAllow, Self.statement("Deny", #""StringNotEquals": {"\#(Self.k):repository_owner": "acme"}"#)))
        let finding = try #require(findings.first("no-allow"), "\(Self.summary(findings))")
        #expect(finding.severity == .high && finding.kind == .broken && finding.statement == 1)
    }

    @Test("a Deny whose pattern covers the allowed repository shuts it out (broken); one that spares it does not")
    func denyCoveringTheAllowedRepository() throws {
        let killing = try Lint.findings(Self.document(Self.tightAllow, Self.statement("Deny", #""StringLike": {"\#(Self.k):sub": "repo:acme/*"}"#)))
        #expect(killing.first("no-allow")?.statement == 1, "\(Self.summary(killing))")
        let sparing = try Lint.findings(Self.document(Self.tightAllow, Self.statement("Deny", #""StringLike": {"\#(Self.k):sub": "repo:acme/app:pull_request"}"#)))
        #expect(sparing.first("no-allow") == nil && sparing.first("deny-never-applies") == nil, "\(Self.summary(sparing))")
        #expect(sparing.allSatisfy { $0.severity < .high })
    }

    @Test("a Deny on a key no request carries never applies, and says so", arguments: [
        #""StringEquals": {"\#(Lint.prefix):event_name": "pull_request"}"#,
        #""StringLike": {"\#(Lint.prefix):subject": "repo:acme/app:pull_request"}"#,
    ])
    func deadDeny(_ condition: String) throws {
        let findings = try Lint.findings(Self.document(
            Self.statement("Allow", #""StringLike": {"\#(Self.k):sub": "repo:acme/app:*"}, "StringEquals": {\#(Self.aud)}"#),
            Self.statement("Deny", condition)))
        let finding = try #require(findings.first("deny-never-applies"), "\(Self.summary(findings))")
        #expect(finding.statement == 1 && finding.severity == .medium)
        #expect(findings.first("no-allow") == nil)
    }

    @Test("the scenario table agrees: the meant run is in environment prod, and another owner's run there gets in")
    func scenarioTableAgreesOnEnvironment() throws {
        let json = Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "*"}, "StringEquals": {"\#(Self.k):environment": "prod", \#(Self.aud)}"#)
        let rows = ScenarioBuilder.scenarios(for: try PolicyReader.read(text: json).reading.policy, intent: nil)
        let meant = try #require(rows.first { $0.actor == .intended })
        #expect(meant.subject.hasSuffix(":environment:prod") && meant.decision.isAllowed, "\(meant.subject)")
        #expect(rows.contains { $0.actor == .attacker && $0.decision.isAllowed && $0.attack == "another owner, same repository name" },
                "\(rows.map { "\($0.subject) \($0.decision.isAllowed)" })")
    }

    // MARK: 4 — exposure below "any owner" is measured too

    @Test("a Deny that narrows an open Allow to one organisation leaves the whole organisation in: high")
    func denyNarrowingToAnOrganisation() throws {
        let json = Self.document(
            Self.statement("Allow", #""StringLike": {"\#(Self.k):sub": "repo:*"}, "StringEquals": {\#(Self.aud)}"#),
            Self.statement("Deny", #""StringNotLike": {"\#(Self.k):sub": "repo:octo/*"}"#))
        let findings = try Lint.findings(json)
        #expect(findings.worst == .high, "\(Self.summary(findings))")
        #expect(findings.contains { $0.severity == .high && $0.message.contains("repo:octo/") }, "\(Self.summary(findings))")
    }

    // MARK: 5 — a template that binds only the owner reaches every repository of it

    @Test("repository_owner (or its id) without repo in a template subject is org-wide: high", arguments: [
        "repository_owner:acme:environment:prod", "repository_owner_id:123:environment:prod",
    ])
    func ownerOnlyTemplateIsOrgWide(_ sub: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: Lint.tight(sub)))
        let finding = try #require(findings.first("org-wide"), "\(Self.summary(findings))")
        #expect(finding.severity == .high)
        #expect(findings.worst == .high, "\(Self.summary(findings))")
    }

    // MARK: 6 — ids pin the account, whatever the name pattern says

    @Test("owner and repository pinned by id: no finding at high or above, whatever the names")
    func idsPinTheAccount() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:*@123/*@456:ref:refs/heads/main"}, "StringEquals": {\#(Self.aud)}"#))
        #expect(findings.allSatisfy { $0.severity < .high }, "\(Self.summary(findings))")
        #expect(findings.first("owner-wildcard") == nil)
    }

    @Test("names pinned, ids left open: the recycled-name risk (medium), not an open owner")
    func openIDsAreTheNameOnlyRisk() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:acme@*/app@*:ref:refs/heads/main"}, "StringEquals": {\#(Self.aud)}"#))
        #expect(findings.worst == .medium, "\(Self.summary(findings))")
        #expect(findings.first("name-only-subject")?.severity == .medium)
    }

    // MARK: 11 — huge policies are analysed in bounded work

    static func huge(statements: Int = 200, values: Int = 20) -> String {
        let list = (0..<statements).map { n in
            let subs = (0..<values).map { #""repo:acme/app\#(n)-\#($0):ref:refs/heads/*""# }.joined(separator: ", ")
            return statement("Allow", #""StringLike": {"\#(k):sub": [\#(subs)]}, "StringEquals": {\#(aud)}"#)
        }
        return #"{"Version": "2012-10-17", "Statement": [\#(list.joined(separator: ", "))]}"#
    }

    @Test("a 200-statement policy costs a bounded number of evaluations, says it stopped early, and is over IAM's size quota")
    func hugePolicyIsBounded() throws {
        let policy = try PolicyReader.read(text: Self.huge()).reading.policy
        let analysis = PolicyAnalysis(policy: policy, context: AnalysisContext())
        _ = analysis.exposure
        // Each evaluation judges all 4,200 values: the budget allows only a few dozen of them.
        #expect(analysis.budget.limit <= 32)
        #expect(analysis.budget.evaluations <= analysis.budget.limit)
        let findings = PolicyAnalyzer.analyze(policy)
        #expect(findings.first("analysis-incomplete") != nil)
        let size = try #require(findings.first { $0.rule == "aws-will-reject" && $0.statement == nil })
        #expect(size.message.contains("8192"))
        // Rules that could not ask the evaluator keep the class the text gives them (medium, not low).
        #expect(findings.of("branch-glob").allSatisfy { $0.severity == .medium })
        // The wizard hands the analysis the JSON it built for the preview: the same findings, size included.
        #expect(PolicyAnalyzer.analyze(policy, context: AnalysisContext(policyJSON: policy.jsonValue)) == findings)
    }

    @Test("a small policy gets a generous budget and no early stop; a tight one is within IAM's size quota")
    func smallPolicyIsComplete() throws {
        let policy = try PolicyReader.read(text: Lint.policy(condition: Lint.tight())).reading.policy
        let analysis = PolicyAnalysis(policy: policy, context: AnalysisContext())
        #expect(analysis.budget.limit >= 500)
        let findings = PolicyAnalyzer.analyze(policy)
        #expect(findings.first("analysis-incomplete") == nil)
        #expect(findings.first("aws-will-reject") == nil)
        #expect(GuardrailRule.characterCount(policy) < GuardrailRule.defaultSizeQuota)
    }

    @Test("locating every finding of a huge file answers what a fresh scan per finding answers")
    func locatorAgreesWithSingleLookups() throws {
        let text = Self.huge(statements: 30, values: 5).replacingOccurrences(of: ", ", with: ",\n")
        let locate = SourceLocator.locator(for: text)
        let paths = (0..<30).flatMap { n in
            (0..<5).map { #"$.Statement[\#(n)].Condition.StringLike["\#(Self.k):sub"][\#($0)]"# }
                + [#"$.Statement[\#(n)].Condition.StringEquals"#, "$.Statement[\(n)]", "$.Statement[\(n)].Nothing"]
        }
        for path in paths.reversed() + paths {
            #expect(locate(path) == SourceLocator.line(of: path, in: text), "\(path)")
        }
    }

    // MARK: 7 — context and audience patterns that were under-reported

    @Test("environment:* trusts every environment (a job creates one by naming it): medium, with the environments to list")
    func everyEnvironment() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:acme/app:environment:*"}, "StringEquals": {\#(Self.aud)}"#))
        let finding = try #require(findings.first("environment-glob"), "\(Self.summary(findings))")
        #expect(finding.severity == .medium && finding.message.contains("every environment"), "\(finding.message)")
        #expect(finding.fix.contains("repo:acme/app:environment:prod"))
        #expect(findings.first("environment-protection") == nil, "\(Self.summary(findings))")
        // With a setup, the fix lists the setup's own environments.
        let meant = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:acme/app:environment:*"}, "StringEquals": {\#(Self.aud)}"#),
                                      intent: Lint.intent(rules: [.environment("staging"), .environment("live")]))
        let fix = try #require(meant.first("environment-glob")?.fix)
        #expect(fix.contains("repo:acme/app:environment:staging") && fix.contains("repo:acme/app:environment:live"), "\(fix)")
    }

    @Test("an environment kept out by another condition is low; an exact environment stays the info lesson")
    func environmentGlobMeasured() throws {
        let fenced = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:acme/app:environment:*"}, "StringEquals": {"\#(Self.k):environment": "prod", \#(Self.aud)}"#))
        #expect(fenced.first("environment-glob")?.severity == .low, "\(Self.summary(fenced))")
        let exact = try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme/app:environment:prod")))
        #expect(exact.first("environment-glob") == nil && exact.first("environment-protection")?.severity == .info)
    }

    @Test("ref:refs/* lets in every branch and every tag: any-context, medium", arguments: ["repo:acme/app:ref:refs/*", "repo:acme/app:ref:*"])
    func everyRef(_ sub: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "\#(sub)"}, "StringEquals": {\#(Self.aud)}"#))
        let finding = try #require(findings.first("any-context"), "\(Self.summary(findings))")
        #expect(finding.severity == .medium && finding.message.contains("every branch and every tag"), "\(finding.message)")
        #expect(findings.worst == .medium, "\(Self.summary(findings))")
    }

    @Test("a wildcard audience accepts tokens minted for other services: no audience constraint (medium), fixed to the partition's audience")
    func wildcardAudience() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Self.k):sub": "repo:acme/app:ref:refs/heads/main"}, "StringLike": {"\#(Self.k):aud": "*"}"#)
        let findings = try Lint.findings(json)
        let finding = try #require(findings.first("audience-missing"), "\(Self.summary(findings))")
        #expect(finding.severity == .medium && finding.fix.contains("\"sts.amazonaws.com\""))
        let fixed = try #require(finding.autofix).apply(to: try PolicyReader.read(text: json).reading.policy)
        let after = PolicyAnalyzer.analyze(fixed)
        #expect(after.first("audience-missing") == nil && after.first("audience-wrong") == nil, "\(Self.summary(after))")
        // A pattern that only admits the right audience, or a tight clause beside the pattern, constrains it.
        for condition in [#""StringEquals": {"\#(Self.k):sub": "repo:acme/app:ref:refs/heads/main"}, "StringLike": {"\#(Self.k):aud": "sts.amazonaws.co?"}"#,
                          #""StringEquals": {"\#(Self.k):sub": "repo:acme/app:ref:refs/heads/main", \#(Self.aud)}, "StringLike": {"\#(Self.k):aud": "*"}"#] {
            let quiet = try Lint.findings(Lint.policy(condition: condition))
            #expect(quiet.first("audience-missing") == nil, "\(Self.summary(quiet))")
        }
    }

    @Test("StringEqualsIgnoreCase on a branch or tag lets in MAIN, a different branch any pusher can create: low, fixed by StringEquals")
    func ignoreCaseOnRef() throws {
        let json = Lint.policy(condition: #""StringEqualsIgnoreCase": {"\#(Self.k):sub": "repo:acme/app:ref:refs/heads/main"}, "StringEquals": {\#(Self.aud)}"#)
        let findings = try Lint.findings(json)
        let finding = try #require(findings.first("case-insensitive-ref"), "\(Self.summary(findings))")
        #expect(finding.severity == .low && finding.kind == .security && finding.message.contains("MAIN"))
        let fixed = try #require(finding.autofix).apply(to: try PolicyReader.read(text: json).reading.policy)
        #expect(PolicyAnalyzer.analyze(fixed).first("case-insensitive-ref") == nil)
        // Environment names are case-insensitive on GitHub: ignoring case there lets in nothing new.
        let environment = try Lint.findings(Lint.policy(condition: #""StringEqualsIgnoreCase": {"\#(Self.k):sub": "repo:acme/app:environment:prod"}, "StringEquals": {\#(Self.aud)}"#))
        #expect(environment.first("case-insensitive-ref") == nil)
    }

    @Test("a tag prefix glob is rated like a branch prefix glob: medium when a pushed tag gets in, low when another condition keeps it out")
    func tagGlobLikeBranchGlob() throws {
        let open = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:acme/app:ref:refs/tags/v*"}, "StringEquals": {\#(Self.aud)}"#))
        let finding = try #require(open.first("branch-glob"), "\(Self.summary(open))")
        #expect(finding.severity == .medium && finding.message.contains("refs/tags/v"), "\(finding.message)")
        let fenced = try Lint.findings(Lint.policy(condition: #""StringLike": {"\#(Self.k):sub": "repo:acme/app:ref:refs/tags/v*"}, "StringEquals": {"\#(Self.k):ref": "refs/tags/v1", \#(Self.aud)}"#))
        #expect(fenced.first("branch-glob")?.severity == .low, "\(Self.summary(fenced))")
    }

    @Test("A literal '*' in job_workflow_ref under StringEquals is a door no token opens, not one open to every owner")
    func literalWildcardIsNoDoor() throws {
        func findings(_ ref: String) throws -> [Finding] {
            try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):job_workflow_ref": "acme/ci/.github/workflows/deploy.yml@\#(ref)"}"#))
        }
        let literal = try findings("refs/heads/*")
        #expect(literal.first("open-to-any-owner") == nil, "no real token has '*' there: nobody gets in")
        #expect(literal.first("wildcard-under-stringequals") != nil)
        // The same reusable workflow named exactly, with no subject: any owner can call it and get in.
        #expect(try findings("refs/heads/main").first("open-to-any-owner")?.severity == .critical)
    }

    @Test("repo:acme@123456/* lets in every repository of that owner in the id form: HIGH org-wide, not a broken form")
    func ownerIDWildcard() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme@123456/*:ref:refs/heads/main"}"#))
        #expect(findings.first("subject-form-mismatch") == nil, "the * stands for the repository and its id")
        let wide = try #require(findings.first("org-wide"))
        #expect(wide.severity == .high)
        #expect(wide.message.contains("repo:acme@123456/zz-other@"), "the example is a subject that repository would send")
        // One id and an exact repository name is still a form no repository sends.
        let oneID = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme@123456/app:ref:refs/heads/main"}"#))
        #expect(oneID.first("subject-form-mismatch") != nil)
    }

    @Test("A Deny that keeps out every repository but one names that one as meant: it is never the org-wide example")
    func denyNamesTheMeantRepository() throws {
        let json = """
        {"Version": "2012-10-17", "Statement": [
          \(Lint.statement(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/*"}"#)),
          {"Effect": "Deny", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringNotEqualsIfExists": {"\(Lint.prefix):repository": "acme/app"}}}]}
        """
        let findings = try Lint.findings(json)
        #expect(!findings.contains { $0.message.contains("repo:acme/app:ref:refs/heads/main in (another repository") },
                "\(findings.map(\.message))")
    }
}
