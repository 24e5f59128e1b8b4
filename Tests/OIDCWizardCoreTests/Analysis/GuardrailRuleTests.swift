import Testing
@testable import OIDCWizardCore

/// AWS's CreateRole check, as measured: only the first value of a list counts; `repo:*` passes.
@Suite("AWS will reject: the CreateRole guardrail, gaps included")
struct GuardrailRuleTests {
    @Test("no sub/job_workflow_ref test, or only a set operator on it: AWS will reject")
    func rejects() throws {
        let audOnly = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}"#)
        let finding = try #require(try Lint.findings(audOnly).first("aws-will-reject"))
        #expect(finding.kind == .broken && finding.message.hasPrefix("AWS will reject this policy"))
        let star = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "*"}"#)
        #expect(try Lint.findings(star).first("aws-will-reject") != nil)
    }

    @Test("repo:* passes the guardrail (AWS accepts it) but is reported as open, separately")
    func repoStarPasses() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:*"}"#)
        let findings = try Lint.findings(json)
        #expect(findings.first("aws-will-reject") == nil)
        #expect(findings.first("subject-matches-anyone")?.severity == .critical)
    }

    @Test("only the first value is looked at: [\"*\", tight] is rejected, [tight, \"*\"] accepted (and open)")
    func firstValueOnly() throws {
        let starFirst = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": ["*", "repo:acme/app:ref:refs/heads/main"]}"#)
        #expect(try Lint.findings(starFirst).first("aws-will-reject") != nil)
        let starSecond = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": ["repo:acme/app:ref:refs/heads/main", "*"]}"#)
        let findings = try Lint.findings(starSecond)
        #expect(findings.first("aws-will-reject") == nil)
        #expect(findings.first("subject-matches-anyone")?.severity == .critical)
    }

    @Test("job_workflow_ref under StringEquals satisfies the guardrail; a tight policy passes")
    func passes() throws {
        let jwr = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):job_workflow_ref": "acme/ci/.github/workflows/deploy.yml@refs/heads/main", "\#(Lint.prefix):repository": "acme/app"}"#)
        #expect(try Lint.findings(jwr).first("aws-will-reject") == nil)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("aws-will-reject") == nil)
    }
}
