import Testing
@testable import OIDCWizardCore

@Suite("Names inside subjects")
struct NameRuleTests {
    @Test("a Cyrillic look-alike in the owner is high; the ASCII name is fine")
    func lookalike() throws {
        let finding = try #require(try Lint.findings(Lint.policy(condition: Lint.tight("repo:\u{0430}cme/app:ref:refs/heads/main"))).first("lookalike-name"))
        #expect(finding.severity == .high && finding.kind == .security)
        #expect(finding.fix.contains("\"acme\""))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("lookalike-name") == nil)
    }

    @Test("an owner GitHub would not allow is broken")
    func invalidName() throws {
        let finding = try #require(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme_corp/app:ref:refs/heads/main"))).first("invalid-name"))
        #expect(finding.kind == .broken)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:acme-corp/app:ref:refs/heads/main"))).first("invalid-name") == nil)
    }

    @Test("acme and Acme in one policy, or unlike the setup: low")
    func caseMismatch() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": ["repo:acme/app:ref:refs/heads/main", "repo:Acme/app:environment:prod"]}"#)
        let finding = try #require(try Lint.findings(json).first("case-mismatch"))
        #expect(finding.severity == .low)
        #expect(finding.path.hasSuffix("[1]"))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight("repo:ACME/app:ref:refs/heads/main")), intent: Lint.intent()).first("case-mismatch") != nil)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("case-mismatch") == nil)
    }
}
