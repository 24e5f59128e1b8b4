import Testing
@testable import OIDCWizardCore

@Suite("Which runs of a repository the subject trusts, and in which form")
struct ContextRuleTests {
    static func like(_ sub: String) -> String {
        Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "\#(sub)"}"#)
    }

    @Test("refs/heads/main* matches main-evil: medium; an exact branch is not a glob")
    func branchGlob() throws {
        let finding = try #require(try Lint.findings(Self.like("repo:acme/app:ref:refs/heads/main*")).first("branch-glob"))
        #expect(finding.severity == .medium)
        #expect(finding.message.contains("main-evil"))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("branch-glob") == nil)
    }

    @Test("the example branch and tag names the exact run the evaluator let in, with the owner's ids when the value has them")
    func branchExample() throws {
        let branch = try #require(try Lint.findings(Self.like("repo:acme@123/app@456:ref:refs/heads/release/*")).first("branch-glob"))
        #expect(branch.message.hasSuffix(", e.g. ref:refs/heads/release/-evil."), "\(branch.message)")
        #expect(branch.why.contains("(release/-evil)"), "\(branch.why)")
        let tag = try #require(try Lint.findings(Self.like("repo:acme/app:ref:refs/tags/v*")).first("branch-glob"))
        #expect(tag.message.hasSuffix(", e.g. ref:refs/tags/v-evil."), "\(tag.message)")
        let environment = try #require(try Lint.findings(Self.like("repo:acme/app:environment:prod-*")).first("environment-glob"))
        #expect(environment.message.hasSuffix(", e.g. environment:prod--evil."), "\(environment.message)")
    }

    @Test("a why's example writes every * of the pattern as the filler, as splitting and joining would",
          arguments: ["", "*", "**", "release/*", "*/x/*", "feature/ü*-x", "no-star", "🚀*🚀", "release/*\u{301}", "v*\u{FE0F}\u{20E3}"])
    func starsReplaced(_ pattern: String) {
        #expect(ContextRules.replacingStars(in: pattern, with: "-evil")
                == pattern.split(separator: "*", omittingEmptySubsequences: false).joined(separator: "-evil"))
    }

    @Test("pull_request subjects are medium; branch subjects are not pull requests")
    func pullRequest() throws {
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme/app:pull_request"))).first("pull-request-trusted")?.severity == .medium)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("pull-request-trusted") == nil)
    }

    @Test("trusting main teaches the default-branch events (info); a release tag does not")
    func defaultBranch() throws {
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("default-branch-events")?.severity == .info)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme/app:ref:refs/tags/v1"))).first("default-branch-events") == nil)
    }

    @Test("an environment subject teaches environment protection (info)")
    func environment() throws {
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme/app:environment:prod"))).first("environment-protection")?.severity == .info)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("environment-protection") == nil)
    }

    @Test("a name-only subject is medium; the immutable form is not; Enterprise Server has no ids to use")
    func nameOnly() throws {
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("name-only-subject")?.severity == .medium)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme@123/app@456:ref:refs/heads/main"))).first("name-only-subject") == nil)
        let ghes = #"{"Federated": "arn:aws:iam::123456789012:oidc-provider/github.example.com/_services/token"}"#
        let condition = #""StringEquals": {"github.example.com/_services/token:aud": "sts.amazonaws.com", "github.example.com/_services/token:sub": "repo:acme/app:ref:refs/heads/main"}"#
        #expect(try Lint.findings(Lint.policy(condition: condition, principal: ghes)).first("name-only-subject") == nil)
    }

    @Test("one id without the other, or the form the setup's repository does not send: broken")
    func subjectForm() throws {
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme@123/app:ref:refs/heads/main"))).first("subject-form-mismatch")?.kind == .broken)
        let immutable = RepositoryAccess(repository: RepositoryRef(owner: "acme", name: "app", ownerID: "123", repositoryID: "456"), rules: [.branch("main")])
        let intent = PolicyIntent(flavor: .githubDotCom, partition: .aws, audience: "sts.amazonaws.com", accountID: "123456789012",
                                  repositories: [immutable], subjects: ["repo:acme@123/app@456:ref:refs/heads/main"])
        let findings = try Lint.findings(Lint.policy(condition: Lint.tight()), intent: intent)
        #expect(findings.first("subject-form-mismatch")?.message.contains("repo:acme@123/app@456") == true)
        #expect(findings.first("intended-denied") != nil)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme@123/app@456:ref:refs/heads/main")), intent: intent).first("subject-form-mismatch") == nil)
    }

    @Test("job_workflow_ref pinned to @* is medium; pinned to a branch it is not")
    func reusableWorkflow() throws {
        let loose = Lint.policy(condition: Lint.tight() + #", "StringLike": {"\#(Lint.prefix):job_workflow_ref": "acme/ci/.github/workflows/deploy.yml@*"}"#)
        #expect(try Lint.findings(loose).first("reusable-workflow-unpinned")?.severity == .medium)
        let pinned = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main", "\#(Lint.prefix):job_workflow_ref": "acme/ci/.github/workflows/deploy.yml@refs/heads/main"}"#)
        #expect(try Lint.findings(pinned).first("reusable-workflow-unpinned") == nil)
    }

    @Test("a custom-template subject without runner_environment teaches self-hosted runners (info)")
    func selfHosted() throws {
        let template = Lint.policy(condition: Lint.tight("repo:acme/app:context:ref:refs/heads/main:job_workflow_ref:acme/ci/.github/workflows/deploy.yml@refs/heads/main"))
        #expect(try Lint.findings(template).first("self-hosted-runners")?.severity == .info)
        let bound = Lint.policy(condition: Lint.tight("repo:acme/app:context:ref:refs/heads/main:runner_environment:github-hosted"))
        #expect(try Lint.findings(bound).first("self-hosted-runners") == nil)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("self-hosted-runners") == nil)
    }

    @Test("a template claim is found exactly where \":claim:\" occurs in the value", arguments: [
        "repo:acme/app:ref:refs/heads/main",
        "repo:acme/app:context:ref:refs/heads/main",
        "repo:acme/app:job_workflow_ref:acme/ci/.github/workflows/d.yml@refs/heads/main",
        "repo:acme/app:ref:refs/heads/context",
        "repo:acme/app:ref:refs/heads/context:x",
        "repo:acme/app:ref:refs/heads/xcontext:y",
        "context:repo:acme/app",
        "repo:acme/app:workflow",
        "repo:acme/app:workflow:",
        "repo:acme/app::event_name::",
        "repo:acme/app:ref_type:branch",
        "repo:acme/app:repository_owner:acme:ref_type",
        "repo:acme/app:Context:x",
        "repo:é/app:context:é",
        "", ":", "::", ":context:", "context",
    ])
    func templateClaim(value: String) {
        let markers = [":job_workflow_ref:", ":context:", ":workflow:", ":repository_owner:", ":event_name:", ":ref_type:"]
        #expect(ContextRules.hasTemplateClaim(value) == markers.contains { value.utf8.containsBytes($0.utf8) })
    }
}
