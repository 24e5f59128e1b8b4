import Testing
@testable import OIDCWizardCore

/// Attacker requests carry only the claims the policy reads: a claim no condition reads cannot change what
/// IAM decides, nor the reason the evaluator gives.
@Suite("Requests carry only the claims the policy reads")
struct ReadClaimsTests {
    static let subjects = ["repo:zz-attacker/app:ref:refs/heads/main", "repo:acme/app:environment:prod", "repo:acme/app:pull_request",
                           "repo:acme/app:ref:refs/tags/v1", "repo:acme@1/app@2:ref:refs/heads/main", "environment:prod:ref:refs/heads/main",
                           "repo:octo-org/app:ref:refs/heads/main", "repository_owner:acme:environment:prod"]

    @Test("every corpus policy and generated setup: the trimmed request gets the full request's decision and reason")
    func sameDecisionAndReason() throws {
        var policies = try PolicyCorpus.all().map { ($0.name, $0.policy, PolicyIntent?.none) }
        policies += PolicyCorpus.generatedSetups().map { ("\($0.intendedSubjects)", TrustPolicyGenerator.policy(for: $0), PolicyIntent(setup: $0)) }
        var compared = 0
        for (name, policy, intent) in policies {
            let compiled = CompiledPolicy(policy)
            let analysis = PolicyAnalysis(compiled: compiled, context: AnalysisContext(intent: intent))
            for statement in analysis.statements {
                let full = RequestTemplate(statement: statement, intent: intent)
                let trimmed = RequestTemplate(statement: statement, intent: intent, readKeys: compiled.readKeys)
                for subject in Self.subjects + (intent?.subjects ?? []) {
                    let a = compiled.evaluate(full.request(subject: subject))
                    let b = compiled.evaluate(trimmed.request(subject: subject))
                    #expect(a.outcome == b.outcome && a.statementIndex == b.statementIndex && a.reason == b.reason, "\(name) \(subject)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }

    @Test("a policy variable may read any claim: then every claim is carried")
    func variablesKeepEverything() throws {
        let policy = try PolicyReader.read(text: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
              "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
              "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:${token.actions.githubusercontent.com:repository}:*"}}}]}
            """).reading.policy
        #expect(CompiledPolicy(policy).readKeys == nil)
    }

    @Test("a generated policy reads aud, sub and its extra claims, and requests carry just those")
    func generatedReadsItsKeys() throws {
        let draft = SetupDraft(repositories: ["acme/app"], branches: ["main"],
                               extraClaims: ["job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/heads/main"],
                               region: "eu-central-1", accountID: "123456789012", roleName: "deploy")
        let setup = try #require(draft.resolve().setup)
        let compiled = CompiledPolicy(TrustPolicyGenerator.policy(for: setup))
        let host = "token.actions.githubusercontent.com"
        #expect(compiled.readKeys == ["\(host):aud", "\(host):sub", "\(host):job_workflow_ref"])
        let analysis = PolicyAnalysis(compiled: compiled, context: AnalysisContext(intent: PolicyIntent(setup: setup)))
        let request = analysis.request(subject: "repo:zz-attacker/app:ref:refs/heads/main", through: analysis.statements[0])
        #expect(Set(request.context.keys) == compiled.readKeys)
    }
}
