import Testing
@testable import OIDCWizardCore

/// The two promises the analysis makes whatever the rules say individually.
@Suite("Global guarantees")
struct GuaranteeTests {
    /// Condition bodies that let some repository of any owner in, each in a different way.
    static let open: [String] = [
        #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}"#,
        #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:*"}"#,
        #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:*/*"}"#,
        #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": ["repo:acme/app:ref:refs/heads/main", "*"]}"#,
        #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:*/app:ref:refs/heads/main"}"#,
        #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme*"}"#,
        #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acm?/app:*"}"#,
        #""ForAnyValue:StringLike": {"\#(Lint.prefix):sub": "repo:*"}"#,
        #""StringNotLike": {"\#(Lint.prefix):sub": "repo:evil/*"}"#,
        #""StringNotEquals": {"\#(Lint.prefix):repository_owner": "evil"}, "StringLike": {"\#(Lint.prefix):sub": "repo:*"}"#,
        #""StringEquals": {"\#(Lint.prefix):sub": "environment:prod"}"#,
        #""Null": {"\#(Lint.prefix):sub": "false"}"#,
        #""StringLike": {"\#(Lint.prefix):SUB": "repo:*"}"#,
        #""StringEqualsIgnoreCase": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):repository": "*"}"#,
    ]

    @Test("a policy any GitHub repository can assume is never reported below critical", arguments: GuaranteeTests.open)
    func openIsCritical(_ condition: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: condition))
        #expect(findings.worst == .critical, "\(findings.map { "\($0.rule) \($0.severity)" })")
    }

    @Test("also when the loose statement is the second one, after a tight statement")
    func looseSecondStatement() throws {
        let json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\(Lint.tight())}},
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"\(Lint.prefix):sub": "repo:*"}}}]}
        """
        let findings = try Lint.findings(json)
        #expect(findings.first?.severity == .critical)
        #expect(findings.first?.statement == 1)
    }

    @Test("the backstop speaks when no textual rule recognises the hole")
    func backstop() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "Null": {"\#(Lint.prefix):sub": "false"}"#))
        #expect(findings.first("open-to-any-owner")?.severity == .critical)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("open-to-any-owner") == nil)
    }

    /// Correct, tight policies: one repository, branch main (or an environment, a tag, ids), aud, StringEquals.
    static let tight: [String] = [
        "repo:acme/app:ref:refs/heads/main",
        "repo:acme/app:environment:prod",
        "repo:acme/app:ref:refs/tags/v1.2.3",
        "repo:acme@1234567/app@89012345:ref:refs/heads/main",
    ]

    @Test("a correct, tight policy produces no finding at high or above", arguments: GuaranteeTests.tight)
    func tightIsQuiet(_ sub: String) throws {
        let findings = try Lint.findings(Lint.policy(condition: Lint.tight(sub)))
        #expect(findings.allSatisfy { $0.severity < .high }, "\(findings.map { "\($0.rule) \($0.severity)" })")
    }

    @Test("…and with its setup as intent, also nothing at high or above")
    func tightWithIntent() throws {
        let findings = try Lint.findings(Lint.policy(condition: Lint.tight()), intent: Lint.intent())
        #expect(findings.allSatisfy { $0.severity < .high }, "\(findings.map { "\($0.rule) \($0.severity)" })")
    }

    @Test("the generator's own output for a setup is tight by the analysis")
    func generatedIsQuiet() throws {
        let setup = Setup(repositories: [RepositoryAccess(repository: RepositoryRef(owner: "acme", name: "app"), rules: [.branch("main"), .environment("prod")])],
                          region: Region(name: "eu-west-1", partition: .aws), accountID: "123456789012", roleName: "deploy")
        let policy = TrustPolicyGenerator.policy(for: setup)
        let findings = PolicyAnalyzer.analyze(policy, context: AnalysisContext(intent: PolicyIntent(setup: setup)))
        #expect(findings.allSatisfy { $0.severity < .high }, "\(findings.map { "\($0.rule) \($0.severity)" })")
    }
}
