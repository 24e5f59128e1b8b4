import Testing
@testable import OIDCWizardCore

@Suite("Audience and partition")
struct AudienceRuleTests {
    static let chinaProvider = #"{"Federated": "arn:aws-cn:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}"#

    @Test("no aud condition: medium, with the StringEquals clause as autofix")
    func missing() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(json).first("audience-missing"))
        #expect(finding.severity == .medium)
        #expect(finding.autofix == .addClause(statement: 0, ConditionClause(op: "StringEquals", key: "\(Lint.prefix):aud", values: ["sts.amazonaws.com"])))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("audience-missing") == nil)
    }

    @Test("GitHub's default audience instead of sts.amazonaws.com: broken")
    func wrong() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "https://github.com/acme", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(json).first("audience-wrong"))
        #expect(finding.kind == .broken)
        #expect(finding.autofix == .replaceValues(statement: 0, clause: 0, with: ["sts.amazonaws.com"]))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("audience-wrong") == nil)
    }

    @Test("aws-cn provider with sts.amazonaws.com (and the reverse) is a partition mismatch; .com.cn in China is right")
    func partition() throws {
        let mixed = Lint.policy(condition: Lint.tight(), principal: Self.chinaProvider)
        let finding = try #require(try Lint.findings(mixed).first("partition-mismatch"))
        #expect(finding.kind == .broken)
        #expect(try Lint.findings(mixed).first("audience-wrong") == nil)
        let reverse = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com.cn", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        #expect(try Lint.findings(reverse).first("partition-mismatch") != nil)
        let china = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com.cn", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#, principal: Self.chinaProvider)
        #expect(try Lint.findings(china).first("partition-mismatch") == nil)
    }
}
