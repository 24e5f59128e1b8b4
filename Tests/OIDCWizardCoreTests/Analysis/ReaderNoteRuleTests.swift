import Testing
@testable import OIDCWizardCore

@Suite("Reader notes as findings: duplicate keys, documents AWS refuses")
struct ReaderNoteRuleTests {
    @Test("a second StringLike that drops the sub constraint is critical, judged by restoring the lost clause")
    func duplicateOperatorLosesSub() throws {
        let json = Lint.policy(condition: #""StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/release/*"}, "StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}"#)
        let finding = try #require(try Lint.findings(json).first("duplicate-key"))
        #expect(finding.severity == .critical)
        #expect(finding.path == "$.Statement[0].Condition.StringLike")
        #expect(finding.message.contains("repo:acme/app:ref:refs/heads/release/*"))
    }

    @Test("a lost sub is judged on its own statement, and says when another statement lets the request in anyway")
    func duplicateBesideAnOpenStatement() throws {
        let lost = #""StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/release/*"}, "StringLike": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}"#
        let alone = try #require(try Lint.findings(Lint.policy(condition: lost)).first("duplicate-key"))
        #expect(alone.message.hasSuffix("with it kept, that request would be denied."), "\(alone.message)")
        let json = """
            {"Version": "2012-10-17", "Statement": [
              \(Lint.statement(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:*"}"#)),
              \(Lint.statement(condition: lost))]}
            """
        let beside = try #require(try Lint.findings(json).first("duplicate-key"))
        #expect(beside.severity == .critical, "what statement 2 lets in with the key lost")
        #expect(beside.message.hasSuffix("with it kept, statement 2 would not let that request in (statement 1 still would)."), "\(beside.message)")
    }

    @Test("a repeated sub key whose kept value is looser: severity of what the kept value lets in")
    func duplicateConditionKey() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main", "\#(Lint.prefix):sub": "repo:acme/*"}"#)
        let finding = try #require(try Lint.findings(json).first("duplicate-key"))
        #expect(finding.severity == .high)
        #expect(finding.path == #"$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]"#)
    }

    @Test("a duplicate that loses only an identical copy is low hygiene; no duplicate, no finding")
    func harmlessDuplicate() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(json).first("duplicate-key"))
        #expect(finding.severity == .low && finding.kind == .hygiene)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("duplicate-key") == nil)
    }

    @Test("an unknown operator makes AWS refuse the document: invalid-policy, broken")
    func invalidPolicy() throws {
        let json = Lint.policy(condition: Lint.tight() + #", "StringMatches": {"\#(Lint.prefix):ref": "refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(json).first("invalid-policy"))
        #expect(finding.kind == .broken)
        #expect(finding.path == "$.Statement[0].Condition.StringMatches")
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("invalid-policy") == nil)
    }

    @Test("no Version is low, fixed by setting it; an operator spelled in lower case is low, fixed to the documented spelling")
    func hygieneNotes() throws {
        let noVersion = """
        {"Statement": [{"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\(Lint.tight())}}]}
        """
        #expect(try Lint.findings(noVersion).first("version-missing")?.autofix == .setVersion("2012-10-17"))
        let spelled = Lint.policy(condition: #""stringequals": {"\#(Lint.prefix):aud": "sts.amazonaws.com", "\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let finding = try #require(try Lint.findings(spelled).first("operator-spelling"))
        let fixed = try #require(finding.autofix).apply(to: try PolicyReader.read(text: spelled).reading.policy)
        #expect(fixed.statements[0].conditions.allSatisfy { $0.op == "StringEquals" })
        let tight = try Lint.findings(Lint.policy(condition: Lint.tight()))
        #expect(tight.first("version-missing") == nil && tight.first("operator-spelling") == nil)
    }
}
