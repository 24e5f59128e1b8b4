import Testing
@testable import OIDCWizardCore

@Suite("AWS CLI next steps")
struct NextStepsTests {
    @Test("creates the provider with the audience, the role with the policy file, and updates an existing role")
    func commands() throws {
        let setup = try #require(blogDraft().resolve().setup)
        let commands = NextSteps.steps(for: setup, policyPath: "trust-policy.json").map(\.command)
        #expect(commands.contains("aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com"))
        #expect(commands.contains("aws iam create-role --role-name aws-gh-oidc --assume-role-policy-document file://trust-policy.json"))
        #expect(commands.contains("aws iam update-assume-role-policy --role-name aws-gh-oidc --policy-document file://trust-policy.json"))
        #expect(commands.contains { $0.hasPrefix("aws iam attach-role-policy") })
        #expect(!commands.contains { $0.contains("thumbprint") })
    }

    @Test("China: region flag, China audience; long sessions raise the role's maximum")
    func chinaAndDuration() throws {
        let setup = try #require(blogDraft { $0.region = "cn-north-1"; $0.sessionDuration = "7200" }.resolve().setup)
        let commands = NextSteps.steps(for: setup, policyPath: "out/trust-policy.json").map(\.command)
        #expect(commands.contains("aws iam create-open-id-connect-provider --region cn-north-1 --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com.cn"))
        #expect(commands.contains { $0.hasPrefix("aws iam create-role --region cn-north-1") && $0.hasSuffix("--max-session-duration 7200") })
        #expect(commands.contains("aws iam update-role --region cn-north-1 --role-name aws-gh-oidc --max-session-duration 7200"),
                "a role that exists already keeps a one-hour maximum unless it is raised")
        let hour = try #require(blogDraft().resolve().setup)
        #expect(!NextSteps.steps(for: hour, policyPath: "p.json").contains { $0.command.contains("update-role ") })
    }

    @Test("every interpolated value is shell-quoted", arguments: [
        ("plain-word", "plain-word"), ("a b", "'a b'"), ("it's", "'it'\\''s'"), ("$(rm -rf /)", "'$(rm -rf /)'"),
        ("", "''"), ("a;b", "'a;b'"), ("x\ny", "'x\ny'"), ("*", "'*'"),
    ])
    func quoting(value: String, quoted: String) {
        #expect(ShellQuote.quote(value) == quoted)
    }

    @Test("a policy path with spaces stays one argument")
    func pathWithSpaces() throws {
        let setup = try #require(blogDraft().resolve().setup)
        let text = NextSteps.text(for: setup, policyPath: "my dir/trust-policy.json")
        #expect(text.contains("--assume-role-policy-document 'file://my dir/trust-policy.json'"))
    }
}
