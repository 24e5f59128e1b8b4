import Testing
@testable import OIDCWizardCore

@Suite("Principal and action rules")
struct PrincipalRuleTests {
    @Test("Principal \"*\", Federated \"*\" and NotPrincipal in an Allow are too wide; one named provider is not")
    func principalTooWide() throws {
        for principal in [#""*""#, #"{"Federated": "*"}"#, #"{"AWS": "*"}"#] {
            let finding = try #require(try Lint.findings(Lint.policy(condition: Lint.tight(), principal: principal)).first("principal-too-wide"))
            #expect(finding.severity == .critical)
        }
        let notPrincipal = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"},
          "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\(Lint.tight())}}]}
        """
        #expect(try Lint.findings(notPrincipal).first("principal-too-wide")?.path == "$.Statement[0].NotPrincipal")
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("principal-too-wide") == nil)
    }

    @Test("A cross-account statement (AWS principals, sts:AssumeRole) next to GitHub's is not judged by GitHub's rules")
    func crossAccountStatement() throws {
        let crossAccount = #"{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}"#
        let json = #"{"Version": "2012-10-17", "Statement": [\#(Lint.statement(condition: Lint.tight())), \#(crossAccount)]}"#
        let findings = try Lint.findings(json, intent: Lint.intent())
        let onSecond = findings.filter { $0.statement == 1 }
        #expect(onSecond.isEmpty, "no audience, subject, action or principal finding: \(onSecond.map { $0.rule })")
        // So the fixer leaves it alone: no GitHub audience added, which would lock the organisation's roles out.
        let policy = try PolicyReader.read(text: json).reading.policy
        let fixed = PolicyFixer.fix(policy, notes: [], repositories: ["acme/app"]).policy
        #expect(fixed.statements[1] == policy.statements[1])
        // Without any condition it opens the role to every AWS account: still critical, without a GitHub "fix".
        let open = #"{"Version": "2012-10-17", "Statement": [\#(Lint.statement(condition: Lint.tight())), {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}"#
        let wide = try #require(try Lint.findings(open, intent: Lint.intent()).first("principal-too-wide"))
        #expect(wide.severity == .critical && wide.statement == 1 && wide.autofix == nil)
        #expect(wide.message.contains("every AWS principal"))
    }

    @Test("with a setup, the fix for a wide principal is the setup's provider, applied mechanically")
    func principalAutofix() throws {
        let json = Lint.policy(condition: Lint.tight(), principal: #""*""#)
        let finding = try #require(try Lint.findings(json, intent: Lint.intent()).first("principal-too-wide"))
        let fixed = try #require(finding.autofix).apply(to: try PolicyReader.read(text: json).reading.policy)
        #expect(PolicyAnalyzer.analyze(fixed, context: .init(intent: Lint.intent())).first("principal-too-wide") == nil)
    }

    @Test("sts:AssumeRole alone is broken; sts:* is hygiene; the web-identity action is fine")
    func actionWrong() throws {
        let wrong = try #require(try Lint.findings(Lint.policy(condition: Lint.tight(), action: #""sts:AssumeRole""#)).first("action-wrong"))
        #expect(wrong.kind == .broken && wrong.severity == .high)
        #expect(wrong.path == "$.Statement[0].Action")
        let broad = try #require(try Lint.findings(Lint.policy(condition: Lint.tight(), action: #"["sts:*"]"#)).first("action-wrong"))
        #expect(broad.kind == .hygiene && broad.severity == .low)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("action-wrong") == nil)
    }

    @Test("the retired vstoken issuer is broken")
    func legacyIssuer() throws {
        let legacy = #"{"Federated": "arn:aws:iam::123456789012:oidc-provider/vstoken.actions.githubusercontent.com"}"#
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight(), principal: legacy)).first("legacy-issuer")?.kind == .broken)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("legacy-issuer") == nil)
    }

    @Test("a non-GitHub provider is noted at info and not judged by the GitHub rules")
    func notGitHub() throws {
        let google = #"{"Federated": "accounts.google.com"}"#
        let findings = try Lint.findings(Lint.policy(condition: #""StringEquals": {"accounts.google.com:aud": "my-app"}"#, principal: google))
        #expect(findings.map(\.rule) == ["not-github"])
        #expect(findings.first?.severity == .info)
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("not-github") == nil)
    }

    @Test("Deny only, or an unconditional Deny, means nobody gets in")
    func noAllow() throws {
        let denyOnly = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": {"Federated": "\(Lint.provider)"},
          "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\(Lint.tight())}}]}
        """
        #expect(try Lint.findings(denyOnly).first("no-allow")?.severity == .high)
        let blanket = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"Federated": "\(Lint.provider)"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\(Lint.tight())}},
          {"Effect": "Deny", "Principal": "*", "Action": "*"}]}
        """
        let finding = try #require(try Lint.findings(blanket).first("no-allow"))
        #expect(finding.statement == 1)
        #expect(finding.autofix == .removeStatement(1))
        #expect(try Lint.findings(Lint.policy(condition: Lint.tight())).first("no-allow") == nil)
    }
}
