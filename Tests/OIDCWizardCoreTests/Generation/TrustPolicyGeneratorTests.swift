import Testing
@testable import OIDCWizardCore

@Suite("Trust policy generator")
struct TrustPolicyGeneratorTests {
    static func policy(_ change: (inout SetupDraft) -> Void = { _ in }) throws -> TrustPolicy {
        let setup = try #require(blogDraft(change).resolve().setup)
        return TrustPolicyGenerator.policy(for: setup)
    }

    @Test("the blog post's example: aud and the one branch subject under StringEquals")
    func blogExample() throws {
        let policy = try Self.policy()
        #expect(policy.statements.count == 1)
        let statement = policy.statements[0]
        #expect(statement.effect == .allow)
        #expect(statement.actions == ["sts:AssumeRoleWithWebIdentity"])
        #expect(statement.principal == .entries([PrincipalEntry(
            type: "Federated", values: ["arn:aws:iam::589918074230:oidc-provider/token.actions.githubusercontent.com"])]))
        #expect(statement.conditions == [
            ConditionClause(op: "StringEquals", key: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"]),
            ConditionClause(op: "StringEquals", key: "token.actions.githubusercontent.com:sub",
                            values: ["repo:WtfJoke/aws-gh-oidc:ref:refs/heads/main"]),
        ])
        try Golden.check(policy.jsonText, named: "blog-example.json")
    }

    @Test("all sub values sit under ONE operator: StringLike as soon as one has a wildcard")
    func oneOperatorForSub() throws {
        let policy = try Self.policy { $0.repositories = ["acme/app", "acme/api"]; $0.branches = ["main"]; $0.tags = ["v*"] }
        let subClauses = policy.statements[0].conditions.filter { $0.key.hasSuffix(":sub") }
        #expect(subClauses.count == 1)
        #expect(subClauses[0].op == "StringLike")
        #expect(subClauses[0].values.count == 4)
        #expect(policy.statements[0].conditions.first { $0.key.hasSuffix(":aud") }?.op == "StringEquals")
        try Golden.check(policy.jsonText, named: "two-repos-branch-and-tags.json")
    }

    @Test("extra claims go under StringEquals or StringLike per claim")
    func extraClaims() throws {
        let policy = try Self.policy {
            $0.environments = ["prod"]; $0.branches = []
            $0.extraClaims = ["repository_id=123", "job_workflow_ref=acme/ci/.github/workflows/deploy.yml@refs/tags/v*"]
        }
        let ops = policy.statements[0].conditions.map { "\($0.op) \($0.key)" }
        #expect(ops == [
            "StringEquals token.actions.githubusercontent.com:aud", "StringEquals token.actions.githubusercontent.com:sub",
            "StringEquals token.actions.githubusercontent.com:repository_id",
            "StringLike token.actions.githubusercontent.com:job_workflow_ref",
        ])
        try Golden.check(policy.jsonText, named: "environment-with-extra-claims.json")
    }

    @Test("immutable subjects, pull requests and China")
    func immutableChina() throws {
        let policy = try Self.policy {
            $0.repositories = ["acme@1234/app@5678"]; $0.pullRequests = true; $0.region = "cn-northwest-1"
        }
        try Golden.check(policy.jsonText, named: "immutable-pull-request-china.json")
    }

    @Test("a wildcard owner is written as typed (the wizard shows its finding), never invented")
    func ownerWildcard() throws {
        let policy = try Self.policy { $0.repositories = ["acme*/app"] }
        #expect(policy.statements[0].conditions.last == ConditionClause(
            op: "StringLike", key: "token.actions.githubusercontent.com:sub", values: ["repo:acme*/app:ref:refs/heads/main"]))
    }

    @Test("no wildcard appears unless the user typed one")
    func noInventedWildcards() throws {
        let policy = try Self.policy {
            $0.repositories = ["acme/app", "acme@1/api@2"]; $0.environments = ["prod"]; $0.pullRequests = true
            $0.extraClaims = ["actor=octocat"]
        }
        for clause in policy.statements[0].conditions {
            #expect(clause.op == "StringEquals")
            #expect(!clause.values.contains { $0.contains("*") || $0.contains("?") })
        }
    }

    @Test("every flavour × partition: provider ARN, key prefix and audience", arguments: [
        (SetupDraft.FlavorKind.githubDotCom, "", "token.actions.githubusercontent.com"),
        (.enterpriseCloud, "acme", "token.actions.githubusercontent.com/acme"),
        (.gheDotCom, "acme", "token.actions.acme.ghe.com"),
        (.enterpriseServer, "github.example.com", "github.example.com/_services/token"),
    ], [
        ("us-east-1", "aws", "sts.amazonaws.com"), ("cn-north-1", "aws-cn", "sts.amazonaws.com.cn"),
        ("us-gov-west-1", "aws-us-gov", "sts.amazonaws.com"), ("eusc-de-east-1", "aws-eusc", "sts.amazonaws.com"),
    ])
    func flavourPartition(flavour: (SetupDraft.FlavorKind, String, String), region: (String, String, String)) throws {
        let policy = try Self.policy { $0.flavorKind = flavour.0; $0.flavorName = flavour.1; $0.region = region.0 }
        let statement = policy.statements[0]
        #expect(statement.principal?.values(ofType: "Federated") == ["arn:\(region.1):iam::589918074230:oidc-provider/\(flavour.2)"])
        #expect(statement.conditions.map(\.key) == ["\(flavour.2):aud", "\(flavour.2):sub"])
        #expect(statement.conditions[0].values == [region.2])
    }

    @Test("the JSON has the stable key order Version, Statement, Effect, Principal, Action, Condition")
    func keyOrder() throws {
        let text = try Self.policy().jsonText
        let positions = ["\"Version\"", "\"Statement\"", "\"Effect\"", "\"Principal\"", "\"Action\"", "\"Condition\""]
            .map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test("the policy and its intent made together are the policy and the intent made apart, for every generated setup")
    func policyAndIntentTogether() {
        let setups = PolicyCorpus.generatedSetups()
        #expect(setups.count >= 10)
        for setup in setups {
            let (policy, intent) = TrustPolicyGenerator.policyAndIntent(for: setup)
            #expect(policy == TrustPolicyGenerator.policy(for: setup))
            #expect(intent == PolicyIntent(setup: setup))
        }
    }
}
