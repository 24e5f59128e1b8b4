import Foundation
import Testing

/// `oidc-wizard edit` in a real terminal: open a loose policy, see it as it is, tighten it, save, and check the
/// file, the backup and what `simulate` decides before and after.
@Suite("oidc-wizard edit in tmux, end to end", .serialized)
struct EditTmuxTests {
    static let loose = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
            "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*:*"}
          }
        }
      ]
    }

    """

    func decision(_ file: String, subject: String, in directory: URL) throws -> Int32 {
        try CLI.run(["simulate", file, "--claim", "sub=\(subject)", "--claim", "aud=sts.amazonaws.com"], in: directory).status
    }

    @Test("Open a loose policy, tighten it, save: the file, the backup and the decisions")
    func tightenAndSave() throws {
        guard let path = WizardTmuxTests.tmuxOrSkip() else { return }
        let tmux = WizardTmuxTests.Tmux(tmux: path)
        defer { tmux.kill() }
        let directory = try CLI.temporaryDirectory()
        let file = directory.appendingPathComponent("trust-policy.json")
        try Self.loose.write(to: file, atomically: true, encoding: .utf8)
        let other = "repo:acme/other:ref:refs/heads/main"
        let meant = "repo:acme/app:ref:refs/heads/main"
        #expect(try decision("trust-policy.json", subject: other, in: directory) == 0, "the loose policy lets another repository in")

        try Self.startEdit(tmux, "trust-policy.json", in: directory)

        // The policy as it is, with its finding.
        try tmux.waitFor("the review of the policy as it is") { $0.contains("Editing") && $0.contains("The policy as it is") && $0.contains("HIGH") }
        // Back to step 1, the repositories list: replace `*` with `app`.
        try Self.replaceWildcardRepository(tmux)
        // Save.
        try tmux.send("C-s")
        try tmux.waitFor("the write step") { $0.contains("Saves to") && $0.contains("trust-policy.json.bak") }
        try tmux.send("Enter")
        try tmux.waitFor("the saved summary") { $0.contains("Saved") }
        try tmux.send("Enter")
        let after = try tmux.waitFor("the shell after the wizard") { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("Saved \(file.path)") || after.contains("Saved trust-policy.json"))

        #expect(try String(contentsOf: directory.appendingPathComponent("trust-policy.json.bak"), encoding: .utf8) == Self.loose,
                "the backup holds the file as it was")
        let saved = try String(contentsOf: file, encoding: .utf8)
        #expect(saved.contains("repo:acme/app:*"))
        #expect(!saved.contains("repo:acme/*:*"))
        #expect(try decision("trust-policy.json", subject: other, in: directory) != 0, "another repository is now denied")
        #expect(try decision("trust-policy.json", subject: meant, in: directory) == 0, "the meant repository still gets in")
        #expect(try decision("trust-policy.json.bak", subject: other, in: directory) == 0, "the backup still decides as before")
    }

    @Test("Several roles: the picker lists them with their worst finding; the chosen one opens in the wizard; a save goes to <role>.trust-policy.json")
    func pickerThenSave() throws {
        guard let path = WizardTmuxTests.tmuxOrSkip() else { return }
        let tmux = WizardTmuxTests.Tmux(tmux: path)
        defer { tmux.kill() }
        let directory = try CLI.temporaryDirectory()
        let strict = Self.loose.replacingOccurrences(of: "repo:acme/*:*", with: "repo:acme/app:ref:refs/heads/main")
        let listing = "{\"Roles\":[{\"RoleName\":\"ci\",\"AssumeRolePolicyDocument\":\(strict)},{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(Self.loose)}]}"
        try listing.write(to: directory.appendingPathComponent("roles.json"), atomically: true, encoding: .utf8)
        try Self.startEdit(tmux, "roles.json", in: directory)
        try tmux.waitFor("the role picker") { $0.contains("holds 2 roles") && $0.contains("deploy") && $0.contains("HIGH") }
        try tmux.send("Down")
        try tmux.send("Enter")
        try tmux.waitFor("the wizard on role deploy") { $0.contains("Editing role deploy in roles.json") }
        try Self.replaceWildcardRepository(tmux)
        try tmux.send("C-s")
        try tmux.waitFor("the write step") { $0.contains("deploy.trust-policy.json") }
        try tmux.send("Enter")
        try tmux.waitFor("the saved summary") { $0.contains("update-assume-role-policy") }
        try tmux.send("Enter")
        let after = try tmux.waitFor("the shell after the wizard") { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("aws iam update-assume-role-policy --role-name deploy"))
        #expect(try String(contentsOf: directory.appendingPathComponent("roles.json"), encoding: .utf8) == listing, "the dump is untouched")
        #expect(try decision("deploy.trust-policy.json", subject: "repo:acme/other:ref:refs/heads/main", in: directory) != 0)
        #expect(try decision("deploy.trust-policy.json", subject: "repo:acme/app:ref:refs/heads/main", in: directory) == 0)
    }

    @Test("A CloudFormation template: tighten, choose to patch the template, save: only the role's document changes, the Ref stays, TEMPLATE.bak")
    func patchTemplate() throws {
        guard let path = WizardTmuxTests.tmuxOrSkip() else { return }
        let tmux = WizardTmuxTests.Tmux(tmux: path)
        defer { tmux.kill() }
        let directory = try CLI.temporaryDirectory()
        let document = Self.loose.replacingOccurrences(of: "\"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"",
                                                       with: "{\"Ref\": \"GitHubOIDCProvider\"}")
        let template = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Description": "GitHub Actions deploy role",
          "Resources": {
            "GitHubOIDCProvider": {
              "Type": "AWS::IAM::OIDCProvider",
              "Properties": {"Url": "https://token.actions.githubusercontent.com", "ClientIdList": ["sts.amazonaws.com"]}
            },
            "DeployRole": {
              "Type": "AWS::IAM::Role",
              "Properties": {
                "RoleName": "deploy",
                "AssumeRolePolicyDocument": \(document.trimmingCharacters(in: .whitespacesAndNewlines)),
                "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
              }
            }
          }
        }

        """
        try template.write(to: directory.appendingPathComponent("stack.json"), atomically: true, encoding: .utf8)
        let other = "repo:acme/other:ref:refs/heads/main"
        #expect(try decision("stack.json", subject: other, in: directory) == 0, "the loose template lets another repository in")

        try Self.startEdit(tmux, "stack.json", in: directory)
        try tmux.waitFor("the review of the role as it is") { $0.contains("Editing role deploy") && $0.contains("HIGH") }
        try Self.replaceWildcardRepository(tmux)
        try tmux.send("C-s")
        try tmux.waitFor("the write step, side file by default") { $0.contains("< side file >") }
        try tmux.send("Right")
        try tmux.waitFor("the patch chosen") { $0.contains("< patch the template >") && $0.contains("stack.json.bak") }
        try tmux.send("Enter")
        try tmux.waitFor("the saved summary") { $0.contains("aws cloudformation deploy") }
        try tmux.send("Enter")
        let after = try tmux.waitFor("the shell after the wizard") { $0.contains("EXIT=") }
        #expect(after.contains("EXIT=0"))

        #expect(try String(contentsOf: directory.appendingPathComponent("stack.json.bak"), encoding: .utf8) == template)
        let patched = try String(contentsOf: directory.appendingPathComponent("stack.json"), encoding: .utf8)
        #expect(patched.contains(#""Federated": {"Ref": "GitHubOIDCProvider"}"#), "the provider is still the template's own: \(patched)")
        #expect(patched.contains("repo:acme/app:*") && !patched.contains("repo:acme/*:*"))
        let head = try #require(template.range(of: "\"AssumeRolePolicyDocument\": "))
        let tail = try #require(template.range(of: ",\n        \"ManagedPolicyArns\""))
        #expect(patched.hasPrefix(template[..<head.upperBound]), "everything before the document is byte for byte as it was")
        #expect(patched.hasSuffix(template[tail.lowerBound...]), "everything after the document is byte for byte as it was")
        #expect(try decision("stack.json", subject: other, in: directory) != 0, "another repository is now denied")
        #expect(try decision("stack.json", subject: "repo:acme/app:ref:refs/heads/main", in: directory) == 0, "the meant one still gets in")
    }

    /// From the review step back to step 1, where the repository entry `*` is replaced with `app`: the one
    /// edit both tests make, as a person would type it.
    /// Runs `oidc-wizard edit FILE` in `directory` in a 120×40 UTF-8 terminal; the shell prints EXIT=<status> after it.
    static func startEdit(_ tmux: WizardTmuxTests.Tmux, _ file: String, in directory: URL) throws {
        let script = "cd '\(directory.path)' && '\(CLI.binary.path)' edit \(file); echo EXIT=$?; sleep 60"
        try tmux.run(["new-session", "-d", "-x", "120", "-y", "40", "-s", tmux.session]
                     + WizardTmuxTests.Tmux.paneEnvironment + ["sh", "-c", script])
    }

    static func replaceWildcardRepository(_ tmux: WizardTmuxTests.Tmux) throws {
        try tmux.send("Escape")
        try tmux.waitFor("the AWS step") { $0.contains("Account id") }
        try tmux.send("Escape")
        try tmux.waitFor("the access step") { $0.contains("Branches") }
        try tmux.send("Escape")
        try tmux.waitFor("the GitHub step") { $0.contains("Owner") }
        try tmux.send("Tab")
        try tmux.send("Up")
        try tmux.send("DC")
        try tmux.type("app")
        try tmux.send("Enter")
        try tmux.waitFor("the tightened preview") { $0.contains("repo:acme/app:*") }
    }
}
