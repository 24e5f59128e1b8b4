import Testing
@testable import OIDCWizardCore

/// The facts every rule shares: taken from the evaluator's compilation where they are the same, never different.
@Suite("A statement's facts, worked out once per analysis")
struct StatementFactsTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"

    static func statement(_ condition: String, principal: String = #"{"Federated": "\#(provider)"}"#) throws -> TrustPolicy {
        try PolicyReader.read(text: """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": \(principal),
              "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {\(condition)}}]}
            """).reading.policy
    }

    @Test("each sub value's glob is the same whether taken from the compiled policy or compiled again", arguments: [
        #""StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/*", "repo:acme/app:ref:refs/heads/main", "repo:a?c/x:*"]}"#,
        #""StringEquals": {"token.actions.githubusercontent.com:sub": ["repo:acme/*", "repo:acme/app:pull_request"]}"#,
        #""StringNotLike": {"token.actions.githubusercontent.com:sub": "repo:evil/*"}"#,
        #""StringEqualsIgnoreCase": {"token.actions.githubusercontent.com:sub": "repo:ACME/*"}"#,
        #""StringLike": {"token.actions.githubusercontent.com:sub": "repo:${aws:username}/*"}"#,
        #""ForAnyValue:StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/*", "*"]}"#,
        #""ArnLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*"}"#,
    ])
    func globsFromCompilation(_ condition: String) throws {
        let policy = try Self.statement(condition)
        let compiled = CompiledPolicy(policy)
        let shared = StatementFacts(index: 0, statement: policy.statements[0], path: .root, compiled: compiled.statements[0])
        let fresh = StatementFacts(index: 0, statement: policy.statements[0], path: .root)
        #expect(shared.clauses.map(\.globs) == fresh.clauses.map(\.globs))
        #expect(shared.clauses.flatMap(\.clause.values).map { WildcardPattern(glob: $0) } == shared.clauses.flatMap(\.globs))
    }

    @Test("the provider's resource after the first slash names the issuer; other providers are not GitHub", arguments: [
        (provider, "token.actions.githubusercontent.com"),
        ("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com/acme", "token.actions.githubusercontent.com/acme"),
        ("arn:aws-cn:iam::123456789012:oidc-provider/token.actions.octo.ghe.com", "token.actions.octo.ghe.com"),
        ("arn:aws:iam::123456789012:oidc-provider/accounts.google.com", nil),
        ("no-slash-at-all", nil),
        // A leading slash cuts nothing off; a slash with a combining mark after it is another character.
        ("/token.actions.githubusercontent.com", nil),
        ("arn:aws:iam::123456789012:oidc-provider/\u{301}/token.actions.githubusercontent.com", "token.actions.githubusercontent.com"),
    ] as [(String, String?)])
    func trust(arn: String, issuer: String?) throws {
        let policy = try Self.statement(#""StringEquals": {"x:aud": "y"}"#, principal: #"{"Federated": "\#(arn)"}"#)
        let facts = StatementFacts(index: 0, statement: policy.statements[0], path: .root)
        if let issuer {
            guard case .gitHub(let flavor, let providerARN, _) = facts.trust else {
                Issue.record("\(arn) should be trusted as GitHub, is \(facts.trust)")
                return
            }
            #expect(flavor.issuerHost == issuer && providerARN == arn)
        } else {
            #expect(facts.trust == .otherFederated([arn]))
        }
    }

    @Test("a key is cut at its last colon into issuer prefix and claim; a colon with a combining mark after it is not one",
          arguments: [
              ("Token.Actions.GitHubUserContent.com:Sub", "token.actions.githubusercontent.com", "sub"),
              ("no-colon", "no-colon", nil),
              ("a:b:c", "a:b", "c"),
              ("token.actions.githubusercontent.com:\u{301}sub", "token.actions.githubusercontent.com:\u{301}sub", nil),
              ("a:b:\u{301}c", "a", "b:\u{301}c"),
          ] as [(String, String, String?)])
    func keySplit(key: String, prefix: String, claim: String?) {
        let (cutPrefix, cutClaim) = StatementFacts.split(key)
        #expect(cutPrefix == prefix && cutClaim == claim)
    }

    @Test("an ASCII character is found among a text's characters, not as the start of a longer one", arguments: [
        ("acme/app", true), ("acme", false), ("acme/\u{301}app", false), ("e\u{301}/x", true), ("", false),
    ])
    func containsCharacter(text: String, found: Bool) {
        #expect(text.containsCharacter(UInt8(ascii: "/")) == found)
        #expect(text.containsCharacter(UInt8(ascii: "/")) == text.contains(where: { $0 == "/" }))
    }
}
