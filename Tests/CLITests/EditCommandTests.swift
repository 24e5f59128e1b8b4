import Foundation
import Testing

/// `oidc-wizard edit` outside a terminal: what it says before the screen would open.
@Suite("oidc-wizard edit (command line)")
struct EditCommandTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static func policy(_ subject: String) -> String {
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(provider)"},"Action":"sts:AssumeRoleWithWebIdentity",
         "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
                      "StringLike":{"token.actions.githubusercontent.com:sub":"\(subject)"}}}]}
        """
    }

    func run(_ arguments: [String], file: String, name: String = "policy.json") throws -> CLIResult {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try file.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return try CLI.run(["edit", name] + arguments, in: dir, environment: ["TERM": "xterm-256color"])
    }

    @Test("No terminal: one line pointing at lint and fix, exit 2, nothing written")
    func noTerminal() throws {
        let result = try run([], file: Self.policy("repo:acme/*:*"))
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("oidc-wizard lint policy.json"))
        #expect(result.stderr.contains("oidc-wizard fix policy.json"))
    }

    @Test("Several roles and no --role: the roles with their worst finding, and how to choose one (exit 2)")
    func severalRoles() throws {
        let listing = """
        {"Roles":[{"RoleName":"deploy","AssumeRolePolicyDocument":\(Self.policy("repo:acme/*:*"))},
                  {"RoleName":"ci","AssumeRolePolicyDocument":\(Self.policy("repo:acme/app:ref:refs/heads/main"))}]}
        """
        let result = try run([], file: listing, name: "roles.json")
        #expect(result.status == 2)
        #expect(result.stderr.contains("holds 2 roles"))
        #expect(result.stderr.contains("deploy (worst finding: HIGH)"))
        #expect(result.stderr.contains("ci ("))
        #expect(result.stderr.contains("--role NAME"))
        let unknown = try run(["--role", "nope"], file: listing, name: "roles.json")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no role \"nope\"; the file holds \"deploy\", \"ci\""))
        let chosen = try run(["--role", "ci"], file: listing, name: "roles.json")
        #expect(chosen.status == 2, "the role is found; only the missing terminal stops it")
        #expect(chosen.stderr.contains("needs a terminal"))
    }

    @Test("A file that cannot be read is bad input (exit 2) with the usual message")
    func missingFile() throws {
        let result = try CLI.run(["edit", "/nonexistent/policy.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/policy.json"))
    }

    @Test("--patch-template on a file that is no JSON template: said before any screen opens (exit 2)")
    func patchTemplateNeedsJSONTemplate() throws {
        let result = try run(["--patch-template"], file: Self.policy("repo:acme/app:*"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--patch-template is for CloudFormation templates in JSON"), "\(result.stderr)")
        #expect(result.stderr.contains("is a trust policy"))
    }

    @Test("--account-id is checked before any screen opens: a wrong one exits 2 naming the option, the value and the rule")
    func accountIDChecked() throws {
        let result = try run(["--account-id", "12345"], file: Self.policy("repo:acme/app:*"))
        #expect(result.status == 2)
        #expect(result.stderr == "oidc-wizard edit: --account-id '12345': An AWS account id is exactly 12 digits; this has 5.\n", "\(result.stderr)")
        let newline = try run(["--account-id", "1234\n5678"], file: Self.policy("repo:acme/app:*"))
        #expect(newline.status == 2)
        #expect(newline.stderr.split(separator: "\n").count == 1, "one line: \(newline.stderr)")
    }
}
