import Foundation
@testable import OIDCWizardCore

/// Real-world-shaped trust policies, written from the shapes the docs and common tools produce.
enum EditingCorpus {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"

    /// name → (policy JSON, whether the wizard should be able to edit a statement of it).
    static let policies: [(name: String, json: String, editable: Bool)] = [
        ("AWS docs: one repository, one branch", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{
            "token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:ref:refs/heads/octo-branch"}}}]}
        """, true),
        ("GitHub docs: StringLike sub with a wildcard, aud under StringEquals", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
            "StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"},
            "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}
        """, true),
        ("configure-aws-credentials README sample (StringLike on an exact subject, with Sid)", """
        {"Version":"2012-10-17","Statement":[{"Sid":"RoleForGitHubActions","Effect":"Allow",
          "Principal":{"Federated":"\(provider)"},"Action":["sts:AssumeRoleWithWebIdentity"],
          "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
            "StringLike":{"token.actions.githubusercontent.com:sub":"repo:aws-actions/configure-aws-credentials:ref:refs/heads/main"}}}]}
        """, true),
        ("unfunco/oidc-github module output: list of repo:*:* under StringLike", """
        {"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
          "Principal":{"Federated":"\(provider)"},
          "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":["repo:acme/app:*","repo:acme/infra:*"]},
            "StringEquals":{"token.actions.githubusercontent.com:aud":["sts.amazonaws.com"]}}}]}
        """, true),
        ("terraform-aws-modules iam-github-oidc-role: ForAllValues on aud and iss", """
        {"Version":"2012-10-17","Statement":[{"Sid":"GithubOidcAuth","Effect":"Allow",
          "Action":["sts:TagSession","sts:AssumeRoleWithWebIdentity"],"Principal":{"Federated":"\(provider)"},
          "Condition":{"ForAllValues:StringEquals":{"token.actions.githubusercontent.com:iss":"https://token.actions.githubusercontent.com",
              "token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
            "StringLike":{"token.actions.githubusercontent.com:sub":["repo:acme/app:ref:refs/heads/main","repo:acme/app:environment:prod"]}}}]}
        """, false),
        ("CDK GitHubActionsRole shape: Statement as one object, ForAnyValue:StringLike list", """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"\(provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
            "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
            "ForAnyValue:StringLike":{"token.actions.githubusercontent.com:sub":["repo:acme/app:ref:refs/heads/main"]}}}}
        """, false),
        ("two repositories × branch and tags, plus a verbatim break-glass AWS principal and a Deny", """
        {"Version":"2012-10-17","Id":"deploy-trust","Statement":[
          {"Sid":"BreakGlass","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/admin"},"Action":"sts:AssumeRole"},
          {"Sid":"GitHubDeploy","Effect":"Allow","Principal":{"Federated":"\(provider)"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
             "StringLike":{"token.actions.githubusercontent.com:sub":["repo:acme/app:ref:refs/heads/main","repo:acme/app:ref:refs/tags/v*",
               "repo:acme/api:ref:refs/heads/main","repo:acme/api:ref:refs/tags/v*"]}}},
          {"Effect":"Deny","Principal":{"Federated":"\(provider)"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringEquals":{"token.actions.githubusercontent.com:actor":"dependabot[bot]"}}}]}
        """, true),
        ("immutable subject, environment and job_workflow_ref, GovCloud", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"arn:aws-us-gov:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{
            "token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub":"repo:octocat@123456/my-repo@456789:environment:prod",
            "token.actions.githubusercontent.com:job_workflow_ref":"octocat/ci/.github/workflows/deploy.yml@refs/heads/main"}}}]}
        """, true),
        ("not a grid: environment for one repository only", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(provider)"},
          "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{
            "token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub":["repo:acme/app:ref:refs/heads/main","repo:acme/api:ref:refs/heads/main","repo:acme/app:environment:prod"]}}}]}
        """, false),
    ]

    /// The hazard examples shipped with the tool.
    static func hazardFiles() throws -> [(String, String)] {
        var directory = URL(fileURLWithPath: #filePath)
        while directory.lastPathComponent != "Tests" { directory.deleteLastPathComponent() }
        let hazards = directory.deletingLastPathComponent().appendingPathComponent("Resources/examples/hazards")
        return try FileManager.default.contentsOfDirectory(atPath: hazards.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, try String(contentsOf: hazards.appendingPathComponent($0), encoding: .utf8)) }
    }

    static func session(_ json: String, name: String = "policy.json") throws -> EditSession {
        EditSession(source: try EditSource(path: name, data: Data(json.utf8)))
    }

    /// Every scenario of `before` (and of `after`), decided by both policies: the decisions must agree.
    static func decisions(_ policy: TrustPolicy, over requests: [AssumeRequest]) -> [Bool] {
        requests.map { PolicyEvaluator.evaluate(policy, $0).isAllowed }
    }
}
