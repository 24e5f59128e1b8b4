import Testing
@testable import OIDCWizardCore

@Suite("Subject rules: who the sub condition lets in")
struct SubjectRuleTests {
    @Test("no sub condition at all: any repository on GitHub gets in, critical")
    func subjectMissing() throws {
        let findings = try Lint.findings(Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}"#))
        let finding = try #require(findings.first("subject-missing"))
        #expect(finding.severity == .critical)
        #expect(finding.statement == 0)
        #expect(finding.path == "$.Statement[0].Condition")
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("subject-missing") == nil)
    }

    @Test("repo:* as the second value of a list is found and pointed at exactly")
    func matchesAnyoneInList() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": ["repo:acme/app:ref:refs/heads/main", "repo:*"]}"#)
        let finding = try #require(try Lint.findings(json).first("subject-matches-anyone"))
        #expect(finding.severity == .critical)
        #expect(finding.path == #"$.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"][1]"#)
        #expect(finding.autofix == .replaceValues(statement: 0, clause: 1, with: ["repo:acme/app:ref:refs/heads/main"]))
        let tight = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/release/*"}"#)
        #expect(try Lint.findings(tight).first("subject-matches-anyone") == nil)
    }

    @Test("a Deny that blocks other owners is honoured: repo:* is then not critical")
    func denyHonoured() throws {
        let json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"\(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\(Lint.prefix):sub": "repo:*"}}},
          {"Effect": "Deny", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringNotLike": {"\(Lint.prefix):sub": "repo:acme/app:ref:refs/heads/main"}}}]}
        """
        let findings = try Lint.findings(json)
        #expect(findings.allSatisfy { $0.severity < .critical })
        #expect(findings.first("subject-matches-anyone")?.severity == .low)
    }

    @Test("wildcard in the owner matches acme-evil: critical")
    func ownerWildcard() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme*/app:*"}"#)
        let finding = try #require(try Lint.findings(json).first("owner-wildcard"))
        #expect(finding.severity == .critical)
        #expect(finding.message.contains("acme-evil"))
        let qmark = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acm?/app:ref:refs/heads/main"}"#)
        #expect(try Lint.findings(qmark).first("owner-wildcard")?.severity == .critical)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("owner-wildcard") == nil)
    }

    @Test("only StringNotLike on sub: everyone else gets in, critical")
    func negatedOnly() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringNotLike": {"\#(Lint.prefix):sub": "repo:evil/*"}"#)
        let finding = try #require(try Lint.findings(json).first("negated-only"))
        #expect(finding.severity == .critical)
        #expect(finding.path == #"$.Statement[0].Condition.StringNotLike["token.actions.githubusercontent.com:sub"]"#)
        // A negated exclusion next to a positive fence is fine.
        let fenced = Lint.policy(condition: Lint.tight() + #", "StringNotLike": {"\#(Lint.prefix):sub": "repo:evil/*"}"#)
        #expect(try Lint.findings(fenced).first("negated-only") == nil)
    }

    @Test("a tight statement next to a loose one: reported as the loose one, on the loose statement")
    func secondLooseStatement() throws {
        let json = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {\(Lint.tight())}},
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"\(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\(Lint.prefix):sub": "repo:acme/*"}}}]}
        """
        let finding = try #require(try Lint.findings(json).first("org-wide"))
        #expect(finding.severity == .high)
        #expect(finding.statement == 1)
        #expect(finding.path == #"$.Statement[1].Condition.StringLike["token.actions.githubusercontent.com:sub"]"#)
    }

    @Test("custom template subject without the repository: any owner can produce it")
    func templateWithoutBinding() throws {
        let json = Lint.policy(condition: Lint.tight("environment:prod:ref:refs/heads/main"))
        #expect(try Lint.findings(json).first("template-without-binding")?.severity == .critical)
        let bound = Lint.policy(condition: Lint.tight("repo:acme/app:environment:prod:ref:refs/heads/main"))
        #expect(try Lint.findings(bound).first("template-without-binding") == nil)
    }

    @Test("any context in one repository: medium, high for a deploy role")
    func anyContext() throws {
        let json = Lint.policy(condition: #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}, "StringLike": {"\#(Lint.prefix):sub": "repo:acme/app:*"}"#)
        #expect(try Lint.findings(json).first("any-context")?.severity == .medium)
        #expect(try Lint.findings(json, intent: Lint.intent()).first("any-context")?.severity == .high)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("any-context") == nil)
    }
}

@Suite("Finding locations")
struct FindingLocationTests {
    @Test("a Statement written as one object is pointed at as $.Statement, as the reader does")
    func statementObject() throws {
        let json = """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"},
          "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"\(Lint.prefix):sub": "repo:*"}}}}
        """
        let finding = try #require(try Lint.findings(json).first("subject-matches-anyone"))
        #expect(finding.statement == 0)
        #expect(finding.path == #"$.Statement.Condition.StringLike["token.actions.githubusercontent.com:sub"]"#)
    }

    @Test("key names are case-insensitive: a Sub key still fences (and still opens) the role")
    func keyCase() throws {
        let tight = Lint.policy(condition: #""StringEquals": {"Token.Actions.GitHubUserContent.com:Aud": "sts.amazonaws.com", "Token.Actions.GitHubUserContent.com:Sub": "repo:acme/app:ref:refs/heads/main"}"#)
        let findings = try Lint.findings(tight)
        #expect(findings.allSatisfy { $0.severity < .high }, "\(findings.map(\.rule))")
    }
}
