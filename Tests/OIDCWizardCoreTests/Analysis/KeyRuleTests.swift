import Testing
@testable import OIDCWizardCore

@Suite("Condition keys IAM never sees")
struct KeyRuleTests {
    static let slugProvider = #"{"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com/acme-corp"}"#

    @Test("github.com keys under an Enterprise Cloud slug provider are absent: broken")
    func wrongPrefix() throws {
        let findings = try Lint.findings(Lint.policy(condition: Lint.tight(), principal: Self.slugProvider))
        let finding = try #require(findings.first("key-wrong-prefix"))
        #expect(finding.kind == .broken)
        #expect(findings.first("aws-will-reject") != nil)
        let right = #""StringEquals": {"token.actions.githubusercontent.com/acme-corp:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com/acme-corp:sub": "repo:acme/app:ref:refs/heads/main"}"#
        #expect(try Lint.findings(Lint.policy(condition: right, principal: Self.slugProvider)).first("key-wrong-prefix") == nil)
    }

    @Test("a misspelled claim is named with a suggestion; negated, it is a security hole")
    func misspelledClaim() throws {
        let typo = Lint.tight() + #", "StringNotLike": {"\#(Lint.prefix):sbu": "repo:evil/*"}"#
        let finding = try #require(try Lint.findings(Lint.policy(condition: typo)).first("key-wrong-prefix"))
        #expect(finding.kind == .security)
        #expect(finding.message.contains("did you mean sub"))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("key-wrong-prefix") == nil)
    }

    @Test("repository_owner under StringEquals never matches: broken")
    func unsupportedClaim() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main", "\#(Lint.prefix):repository_owner": "acme"}"#)
        let finding = try #require(try Lint.findings(json).first("unsupported-claim-key"))
        #expect(finding.kind == .broken && finding.severity == .high)
        let supported = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main", "\#(Lint.prefix):repository": "acme/app"}"#)
        #expect(try Lint.findings(supported).first("unsupported-claim-key") == nil)
    }

    @Test("StringNotEquals repository_owner as the only owner fence: critical; next to a tight sub: medium")
    func negatedUnsupported() throws {
        let only = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:*"}, "StringNotEquals": {"\#(Lint.prefix):repository_owner": "evil"}"#)
        #expect(try Lint.findings(only).first("negated-unsupported-key")?.severity == .critical)
        let fenced = Lint.policy(condition: Lint.tight() + #", "StringNotEquals": {"\#(Lint.prefix):event_name": "pull_request_target"}"#)
        let finding = try #require(try Lint.findings(fenced).first("negated-unsupported-key"))
        #expect(finding.severity == .medium)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("negated-unsupported-key") == nil)
    }

    @Test("A Null test says only whether a claim is there: its \"false\" is no subject and no audience")
    func nullIsNoValue() throws {
        let subPresent = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "Null": {"\#(Lint.prefix):sub": "false"}"#))
        #expect(!subPresent.contains { $0.message.contains("\"false\"") }, "\(subPresent.map(\.message))")
        #expect(subPresent.first("aws-will-reject") != nil)
        let audPresent = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}, "Null": {"\#(Lint.prefix):aud": "false"}"#))
        #expect(audPresent.first("audience-missing") != nil, "a token for any audience has an aud")
    }
}
