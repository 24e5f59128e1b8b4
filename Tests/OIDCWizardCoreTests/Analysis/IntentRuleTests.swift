import Testing
@testable import OIDCWizardCore

@Suite("With a setup: what was meant")
struct IntentRuleTests {
    @Test("a branch the setup asks for but the policy does not allow is reported as denied (broken)")
    func intendedDenied() throws {
        let intent = Lint.intent(rules: [.branch("main"), .environment("prod")])
        let finding = try #require(try Lint.findings(Lint.policy(condition: Lint.tight()), intent: intent).first("intended-denied"))
        #expect(finding.kind == .broken)
        #expect(finding.message.contains("repo:acme/app:environment:prod"))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight()), intent: Lint.intent()).first("intended-denied") == nil)
    }

    @Test("with a setup, a repository the setup does not name is judged against it: org-wide is high")
    func intentScope() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/*"}"#)
        #expect(try Lint.findings(json, intent: Lint.intent()).first("org-wide")?.severity == .high)
    }

    @Test("with a setup, an owner the policy names exactly but the setup does not is still another owner")
    func ownerNotMeant() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": ["repo:acme/app:ref:refs/heads/main", "repo:other/app:ref:refs/heads/main"]}"#)
        #expect(try Lint.findings(json).worst ?? .info < .high)
        let findings = try Lint.findings(json, intent: Lint.intent())
        #expect(findings.first("open-to-any-owner")?.severity == .critical)
    }
}
