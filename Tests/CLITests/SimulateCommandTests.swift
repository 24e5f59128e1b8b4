import Foundation
import Testing

@Suite("oidc-wizard simulate")
struct SimulateCommandTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let policy = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Deploy","Effect":"Allow","Principal":{"Federated":"\(provider)"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                        "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/*"}}},
          {"Sid":"NoHotfix","Effect":"Deny","Principal":{"Federated":"\(provider)"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"*:ref:refs/heads/hotfix-*"}}}]}
        """

    /// Runs simulate on `content` written to a file named `name` in a fresh directory.
    func simulate(_ arguments: [String], content: String = SimulateCommandTests.policy, name: String = "policy.json") throws -> CLIResult {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try CLI.run(["simulate", name] + arguments, in: dir)
    }

    struct JSONAnswer: Decodable, Equatable {
        var decision: String
        var statement: Int?
        var reason: String
    }

    func answer(_ result: CLIResult) throws -> JSONAnswer {
        try JSONDecoder().decode(JSONAnswer.self, from: Data(result.stdout.utf8))
    }

    @Test("a matching workflow is allowed: exit 0, and the deciding statement is named")
    func allowed() throws {
        let result = try simulate(["--claim", "sub=repo:acme/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Decision: ALLOWED"))
        #expect(result.stdout.contains("Statement 1 (Sid \"Deploy\") allows it"))
    }

    @Test("--format json prints exactly decision, statement and reason")
    func json() throws {
        let result = try simulate(["--claim", "sub=repo:acme/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"decision":"allow","statement":0,"reason":"#))
        let parsed = try answer(result)
        #expect(parsed.statement == 0)
        #expect(parsed.reason.contains("matches \"repo:acme/app:ref:refs/heads/*\" under StringLike"))
    }

    @Test("an explicit Deny wins: exit 1 with the Deny statement")
    func explicitDeny() throws {
        let result = try simulate(["--claim", "sub=repo:acme/app:ref:refs/heads/hotfix-1", "--claim", "aud=sts.amazonaws.com", "--format", "json"])
        #expect(result.status == 1)
        #expect(try answer(result) == JSONAnswer(decision: "deny", statement: 1, reason: try answer(result).reason))
        #expect(try answer(result).reason.contains("explicit Deny always wins"))
    }

    @Test("another owner is denied with statement null; only the claims given are in the request")
    func implicitDeny() throws {
        let other = try simulate(["--claim", "sub=repo:evil/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com", "--format", "json"])
        #expect(other.status == 1)
        #expect(try answer(other).statement == nil)
        #expect(try answer(other).decision == "deny")
        // Without aud the StringEquals on aud cannot hold.
        let noAudience = try simulate(["--claim", "sub=repo:acme/app:ref:refs/heads/main"])
        #expect(noAudience.status == 1)
        #expect(noAudience.stdout.contains("token.actions.githubusercontent.com:aud is not in the request"))
    }

    @Test("a key with a colon is used as written; the same key twice gives two values")
    func keys() throws {
        let policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(Self.provider)"},
             "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAllValues:StringLike":{"custom:team":["a","b"]},
             "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}]}
            """
        let both = try simulate(["--claim", "sub=repo:acme/x:pull_request", "--claim", "custom:team=a", "--claim", "custom:team=b"], content: policy)
        #expect(both.status == 0)
        let outsider = try simulate(["--claim", "sub=repo:acme/x:pull_request", "--claim", "custom:team=a", "--claim", "custom:team=c"], content: policy)
        #expect(outsider.status == 1)
    }

    @Test("the principal defaults to the policy's GitHub provider and can be overridden")
    func principal() throws {
        let other = "arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com"
        let result = try simulate(["--claim", "sub=repo:acme/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com", "--principal", other])
        #expect(result.status == 1)
        #expect(result.stdout.contains("does not name the caller"))
    }

    @Test("errors exit 2 and name the file", arguments: [
        (["--claim", "sub"], "is not KEY=VALUE"),
        (["--claim", "=x"], "is not KEY=VALUE"),
    ])
    func claimErrors(arguments: [String], expected: String) throws {
        let result = try simulate(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected))
    }

    @Test("an unreadable file exits 2 with a message naming it")
    func unreadable() throws {
        let broken = try simulate(["--claim", "sub=x"], content: "{\"Statement\": [}")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("policy.json: line 1, column 16"))
        let missing = try CLI.run(["simulate", "/nonexistent/p.json", "--claim", "sub=x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/p.json: no such file"))
    }

    @Test("a policy without a GitHub provider needs --principal")
    func noGitHubProvider() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#
        let result = try simulate(["--claim", "accounts.google.com:sub=1"], content: policy)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--principal"))
        let given = try simulate(["--claim", "accounts.google.com:sub=1", "--principal", "accounts.google.com"], content: policy)
        #expect(given.status == 0)
    }

    @Test("a file with several roles asks for --role, and --role picks one")
    func roles() throws {
        let listing = """
            {"Roles":[{"RoleName":"ci","AssumeRolePolicyDocument":\(Self.policy)},
                      {"RoleName":"deploy","AssumeRolePolicyDocument":\(Self.policy.replacingOccurrences(of: "refs/heads/*", with: "refs/heads/release"))}]}
            """
        let ask = try simulate(["--claim", "sub=repo:acme/app:ref:refs/heads/main"], content: listing, name: "roles.json")
        #expect(ask.status == 2)
        #expect(ask.stderr.contains("roles.json: the file holds 2 roles (\"ci\", \"deploy\"); choose one with --role NAME"))
        let claims = ["--claim", "sub=repo:acme/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"]
        #expect(try simulate(claims + ["--role", "ci"], content: listing, name: "roles.json").status == 0)
        #expect(try simulate(claims + ["--role", "deploy"], content: listing, name: "roles.json").status == 1)
        let unknown = try simulate(claims + ["--role", "nope"], content: listing, name: "roles.json")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no role \"nope\""))
    }

    @Test("a lost duplicate key is noted on stderr, and the decision follows what IAM keeps")
    func duplicateNote() throws {
        let policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(Self.provider)"},
             "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
               "StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"},
               "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}
            """
        let result = try simulate(["--claim", "sub=repo:evil/app:ref:refs/heads/main", "--claim", "aud=sts.amazonaws.com"], content: policy)
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: $.Statement[0].Condition.StringEquals: \"StringEquals\" appears twice"))
    }
}
