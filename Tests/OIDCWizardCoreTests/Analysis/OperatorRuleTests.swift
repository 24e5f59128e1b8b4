import Testing
@testable import OIDCWizardCore

@Suite("Operators that do not mean what they seem")
struct OperatorRuleTests {
    static func read(_ json: String) throws -> TrustPolicy { try PolicyReader.read(text: json).reading.policy }

    @Test("a wildcard under StringEquals is literal: broken, and the StringLike autofix removes it")
    func wildcardUnderStringEquals() throws {
        let json = Lint.policy(condition: Lint.tight("repo:acme/app:ref:refs/heads/*"))
        let finding = try #require(try Lint.findings(json).first("wildcard-under-stringequals"))
        #expect(finding.kind == .broken)
        let fixed = try #require(finding.autofix).apply(to: try Self.read(json))
        let after = PolicyAnalyzer.analyze(fixed)
        #expect(after.first("wildcard-under-stringequals") == nil)
        #expect(after.first("branch-glob") != nil)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("wildcard-under-stringequals") == nil)
    }

    @Test("no autofix when StringLike would open the role to other owners")
    func noOpeningAutofix() throws {
        let json = Lint.policy(condition: Lint.tight("repo:acme*/app:ref:refs/heads/main"))
        let finding = try #require(try Lint.findings(json).first("wildcard-under-stringequals"))
        #expect(finding.autofix == nil)
        #expect(finding.fix.contains("other owners"))
    }

    @Test("another statement that is open already does not stop the autofix: only this statement is weighed")
    func autofixWeighsItsOwnStatement() throws {
        let json = """
            {"Version": "2012-10-17", "Statement": [
              \(Lint.statement(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:*"}"#)),
              \(Lint.statement(condition: Lint.tight("repo:acme/app:ref:refs/heads/*")))]}
            """
        let findings = try Lint.findings(json)
        #expect(findings.contains { $0.severity == .critical }, "statement 1 is open to every owner")
        let finding = try #require(findings.first("wildcard-under-stringequals"))
        #expect(finding.autofix != nil)
        #expect(!finding.fix.contains("other owners"), "\(finding.fix)")
    }

    @Test("sub under StringEquals and StringLike with no common subject: broken; with one: hygiene")
    func twoOperators() throws {
        let never = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/release/*"}"#)
        #expect(try Lint.findings(never).first("subject-under-two-operators")?.kind == .broken)
        let overlap = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:*"}"#)
        let finding = try #require(try Lint.findings(overlap).first("subject-under-two-operators"))
        #expect(finding.kind == .hygiene && finding.severity == .low)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("subject-under-two-operators") == nil)
    }

    @Test("StringLike without a wildcard is low hygiene, fixed to StringEquals")
    func stringLikeWithoutWildcard() throws {
        let json = Lint.policy(condition: #""StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let findings = try Lint.findings(json).of("stringlike-without-wildcard")
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.severity == .low && $0.autofix != nil })
        let glob = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/release/*"}"#)
        #expect(try Lint.findings(glob).first("stringlike-without-wildcard") == nil)
    }

    @Test("IfExists on aud or sub is medium and fixed by dropping IfExists")
    func ifExists() throws {
        let json = Lint.policy(condition: #""StringEqualsIfExists": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(json).first("ifexists-claim"))
        #expect(finding.severity == .medium)
        let fixed = try #require(finding.autofix).apply(to: try Self.read(json))
        #expect(PolicyAnalyzer.analyze(fixed).first("ifexists-claim") == nil)
        // IfExists on environment (absent for jobs without one) is legitimate.
        let environment = Lint.policy(condition: Lint.tight() + #", "StringEqualsIfExists": {"\#(Lint.prefix):environment": "prod"}"#)
        #expect(try Lint.findings(environment).first("ifexists-claim") == nil)
    }

    @Test("ForAllValues on sub is high (true when absent); plain StringEquals is not flagged")
    func forAllValues() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "ForAllValues:StringEquals": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(json).first("forallvalues-claim"))
        #expect(finding.severity == .high)
        #expect(finding.autofix == .changeOperator(statement: 0, clause: 1, to: "StringEquals"))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("forallvalues-claim") == nil)
    }
}
