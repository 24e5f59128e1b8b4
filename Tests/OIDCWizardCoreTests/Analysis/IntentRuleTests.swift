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

    @Test("Without a setup, a subject the policy names whose own run another condition refuses is intended-denied")
    func namedButDenied() throws {
        let sub = #""\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main""#
        let contradictions = [
            #""\#(Lint.prefix):repository": "acme/api""#,       // another repository
            #""\#(Lint.prefix):repository": "Acme/app""#,       // values compare case-sensitively
            #""\#(Lint.prefix):ref": "refs/heads/dev""#,         // another branch
            #""\#(Lint.prefix):environment": "prod""#,           // the environment would be in the subject
        ]
        for extra in contradictions {
            let findings = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", \#(sub), \#(extra)}"#))
            let denied = try #require(findings.first("intended-denied"), "\(extra)")
            #expect(denied.severity == .high && denied.kind == .broken && denied.statement == 0)
            #expect(denied.message.contains("repo:acme/app:ref:refs/heads/main") && denied.message.contains("push to main in acme/app"))
        }
        // Conditions that agree with the subject: nothing to say.
        let agreeing = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", \#(sub), "\#(Lint.prefix):repository": "acme/app", "\#(Lint.prefix):ref": "refs/heads/main"}"#))
        #expect(agreeing.first("intended-denied") == nil)
        // A policy that names no subject: the table's runs are invented, not the policy's; nothing reported.
        let noSubject = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):job_workflow_ref": "acme/ci/.github/workflows/deploy.yml@refs/heads/main"}"#))
        #expect(noSubject.first("intended-denied") == nil)
        // A statement another rule already calls broken (the wrong action) is not reported twice.
        let wrongAction = try Lint.findings(Lint.policy(condition: Lint.tight(), action: #""sts:AssumeRole""#))
        #expect(wrongAction.first("action-wrong") != nil && wrongAction.first("intended-denied") == nil)
    }
}
