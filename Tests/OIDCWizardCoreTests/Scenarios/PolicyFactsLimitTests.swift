import Testing
@testable import OIDCWizardCore

/// The table shows at most `ScenarioBuilder.maxIntendedRows` meant runs, so only those are built; what the
/// attacker's rows are chosen against (every meant subject and repository name) must not change.
@Suite("Building only the meant runs the table shows")
struct PolicyFactsLimitTests {
    private static func compare(_ policy: TrustPolicy, _ intent: PolicyIntent?, _ label: String) {
        let all = PolicyFacts(policy: policy, intent: intent)
        let shown = PolicyFacts(policy: policy, intent: intent, runLimit: ScenarioBuilder.maxIntendedRows)
        #expect(shown.intendedRuns == Array(all.intendedRuns.prefix(ScenarioBuilder.maxIntendedRows)), "\(label)")
        #expect(shown.intendedPatterns == all.intendedPatterns, "\(label)")
        #expect(shown.ownRepositories == all.ownRepositories, "\(label)")
        if let primary = all.intendedRuns.first {
            #expect(shown.attacks(around: primary).map { "\($0.0.subject) \($0.1)" } == all.attacks(around: primary).map { "\($0.0.subject) \($0.1)" }, "\(label)")
        }
    }

    @Test("every corpus policy, with and without a setup: the same first runs, meant patterns, names and attacks")
    func corpus() throws {
        let intents: [PolicyIntent?] = [nil] + PolicyCorpus.generatedSetups().prefix(4).map(PolicyIntent.init(setup:))
        for entry in try PolicyCorpus.all() {
            for intent in intents { Self.compare(entry.policy, intent, entry.name) }
        }
    }

    @Test("a setup with more meant runs than the table shows, each repository named only past the limit")
    func manyRuns() throws {
        let draft = SetupDraft(repositories: ["acme/app", "acme/web", "acme/api"], branches: ["main", "release/*"], tags: ["v*"],
                               environments: ["production"], pullRequests: true,
                               region: "eu-central-1", accountID: "123456789012", roleName: "deploy")
        let setup = try #require(draft.resolve().setup)
        let policy = TrustPolicyGenerator.policy(for: setup)
        let all = PolicyFacts(policy: policy, intent: PolicyIntent(setup: setup))
        #expect(all.intendedRuns.count == 15)
        #expect(all.ownRepositories == ["app", "web", "api"])
        Self.compare(policy, PolicyIntent(setup: setup), "three repositories")
        Self.compare(policy, nil, "three repositories, no setup")
    }

    @Test("the issuer of a provider ARN is what follows :oidc-provider/, and nothing without it",
          arguments: [("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "token.actions.githubusercontent.com"),
                      ("arn:aws-cn:iam::1:oidc-provider/github.example.com/_services/token", "github.example.com/_services/token"),
                      ("arn:aws:iam::1:oidc-provider/", ""), ("arn:aws:iam::1:role/deploy", nil), ("", nil)])
    func issuerOfProvider(_ arn: String, _ issuer: String?) {
        #expect(PolicyFacts.issuer(inProviderARN: arn) == issuer)
    }

    @Test("long value lists spread over several clauses keep each value once, in document order")
    func longListsAcrossClauses() throws {
        let lists = [(0..<40), (20..<60), (0..<1), (60..<61), (59..<70)].map { range in range.map { "repo:acme/app:ref:refs/heads/b\($0)" } }
        let statements = lists.map { values in
            #"{"Effect":"Allow","Principal":{"Federated":"\#(Lint.provider)"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"\#(Lint.prefix):sub":[\#(values.map { "\"\($0)\"" }.joined(separator: ","))]}}}"#
        }
        let policy = try PolicyReader.read(text: #"{"Version":"2012-10-17","Statement":["# + statements.joined(separator: ",") + "]}").reading.policy
        let expected = (0..<70).map { "repo:acme/app:ref:refs/heads/b\($0)" }
        #expect(PolicyFacts.positiveValues(in: policy, prefix: Lint.prefix)["sub"] == expected)
    }
}
