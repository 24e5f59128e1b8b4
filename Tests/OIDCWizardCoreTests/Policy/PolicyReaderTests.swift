import Testing
@testable import OIDCWizardCore

@Suite("Reading trust policies the way IAM does")
struct PolicyReaderTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"

    func read(_ text: String) throws -> PolicyReading { try PolicyReader.read(text: text).reading }

    func readError(_ text: String) -> InputError? {
        do {
            _ = try PolicyReader.read(text: text)
            return nil
        } catch {
            return error
        }
    }

    static let tight = """
        {"Version":"2012-10-17","Statement":[{"Sid":"Deploy","Effect":"Allow",
          "Principal":{"Federated":"\(provider)"},"Action":"sts:AssumeRoleWithWebIdentity",
          "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
                                       "token.actions.githubusercontent.com:sub":["repo:acme/app:ref:refs/heads/main","repo:acme/app:environment:prod"]}}}]}
        """

    @Test("a well-formed policy reads into the model without notes")
    func wellFormed() throws {
        let reading = try read(Self.tight)
        #expect(reading.notes.isEmpty)
        let statement = try #require(reading.policy.statements.first)
        #expect(reading.policy.version == "2012-10-17")
        #expect(statement.sid == "Deploy")
        #expect(statement.effect == .allow)
        #expect(statement.principal == .entries([PrincipalEntry(type: "Federated", values: [Self.provider])]))
        #expect(statement.actions == ["sts:AssumeRoleWithWebIdentity"])
        #expect(statement.conditions == [
            ConditionClause(op: "StringEquals", key: "token.actions.githubusercontent.com:aud", values: ["sts.amazonaws.com"]),
            ConditionClause(op: "StringEquals", key: "token.actions.githubusercontent.com:sub",
                            values: ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:environment:prod"]),
        ])
    }

    @Test("Statement may be a single object; Principal may be \"*\"; numbers and booleans become text")
    func lenientShapes() throws {
        let reading = try read("""
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":["sts:AssumeRoleWithWebIdentity"],
             "Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600},"Bool":{"aws:SecureTransport":true}}}}
            """)
        #expect(reading.notes.isEmpty)
        #expect(reading.policy.statementWasObject)
        let statement = try #require(reading.policy.statements.first)
        #expect(statement.principal == .wildcard)
        #expect(statement.conditions.map(\.values) == [["3600"], ["true"]])
    }

    @Test("a repeated operator: the last one is what IAM evaluates, and the lost one is noted with its path")
    func duplicateOperator() throws {
        let reading = try read("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(Self.provider)"},
             "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
               "StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/app:*"},
               "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},
               "StringLike":{"token.actions.githubusercontent.com:aud":"*"}}}]}
            """)
        let statement = try #require(reading.policy.statements.first)
        // The sub constraint is gone: exactly what IAM will evaluate.
        #expect(statement.conditions.map(\.key).filter { $0.hasSuffix(":sub") }.isEmpty)
        #expect(statement.conditions.map(\.op) == ["StringLike", "StringEquals"])
        let note = try #require(reading.notes.first)
        #expect(note.path.text == "$.Statement[0].Condition.StringLike")
        #expect(note.statementIndex == 0)
        guard case .duplicateKey(let key, let kept, let lost) = note.kind else {
            Issue.record("expected a duplicate-key note, got \(note.kind)")
            return
        }
        #expect(key == "StringLike")
        #expect(lost == [.object([JSONMember("token.actions.githubusercontent.com:sub", .string("repo:acme/app:*"))])])
        #expect(kept == .object([JSONMember("token.actions.githubusercontent.com:aud", .string("*"))]))
        #expect(note.message.contains("IAM keeps only the last one"))
        #expect(!note.awsWillReject)
    }

    @Test("duplicate keys are noted wherever they occur", arguments: [
        (#"{"Version":"2012-10-17","Statement":[],"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}"#, "$.Statement"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Principal":"*","Action":"*"}]}"#, "$.Statement[0].Effect"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Condition":{"StringEquals":{"a:sub":"x"}},"Condition":{}}]}"#, "$.Statement[0].Condition"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Condition":{"StringEquals":{"a:sub":"x","a:sub":"y"}}}]}"#, #"$.Statement[0].Condition.StringEquals["a:sub"]"#),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"a","Federated":"b"},"Action":"*"}]}"#, "$.Statement[0].Principal.Federated"),
    ])
    func duplicatesEverywhere(text: String, path: String) throws {
        let reading = try read(text)
        let paths = reading.notes.compactMap { note -> String? in
            if case .duplicateKey = note.kind { return note.path.text }
            return nil
        }
        #expect(paths == [path])
    }

    @Test("the duplicated Effect resolves to the last value, so the statement allows")
    func duplicateEffect() throws {
        let reading = try read(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Principal":"*","Action":"*"}]}"#)
        #expect(reading.policy.statements[0].effect == .allow)
    }

    @Test("wrong types are notes with paths, not errors", arguments: [
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Condition":{"StringLike":{"a:sub":{"x":"y"}}}}]}"#,
         #"$.Statement[0].Condition.StringLike["a:sub"]"#),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Condition":{"StringLike":["x"]}}]}"#,
         "$.Statement[0].Condition.StringLike"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Condition":"x"}]}"#,
         "$.Statement[0].Condition"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"arn:aws:iam::1:root","Action":"*"}]}"#,
         "$.Statement[0].Principal"),
        (#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":{"a":1}}]}"#,
         "$.Statement[0].Action"),
        (#"{"Version":"2012-10-17","Statement":["oops"]}"#, "$.Statement[0]"),
        (#"{"Version":2012,"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}"#, "$.Version"),
    ])
    func wrongTypes(text: String, path: String) throws {
        let reading = try read(text)
        let note = try #require(reading.notes.first { if case .wrongType = $0.kind { return true } else { return false } })
        #expect(note.path.text == path)
        #expect(note.awsWillReject)
    }

    @Test("missing Version, unknown Version, unknown operator, odd spelling, bad Effect and extra members are noted")
    func otherNotes() throws {
        let reading = try read("""
            {"Statement":[{"Effect":"allow","Principal":{"Federated":"x"},"Action":"sts:AssumeRoleWithWebIdentity","Resource":"*",
              "Condition":{"StringLikes":{"a:sub":"x"},"stringlike":{"a:aud":"y"}}}]}
            """)
        let kinds = reading.notes.map(\.kind)
        #expect(kinds.contains(.missingVersion))
        #expect(kinds.contains(.invalidEffect("allow")))
        #expect(kinds.contains(.unknownOperator("StringLikes")))
        #expect(kinds.contains(.unusualOperatorSpelling(written: "stringlike", documented: "StringLike")))
        #expect(kinds.contains(.unexpectedMember("Resource")))
        #expect(reading.policy.statements[0].effect == .invalid("allow"))
        #expect(reading.policy.statements[0].extraMembers == [JSONMember("Resource", .string("*"))])
        let version = try read(#"{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}"#)
        #expect(version.notes.map(\.kind) == [.unknownVersion("2012-10-18")])
    }

    @Test("a statement without Principal or Action is noted")
    func missingParts() throws {
        let reading = try read(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}"#)
        #expect(reading.notes.map(\.kind) == [.missingPrincipal, .missingAction])
    }

    @Test("a URL-encoded document, as the IAM API returns it, is decoded")
    func urlEncoded() throws {
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A1%3Aoidc-provider%2Ftoken.actions.githubusercontent.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRoleWithWebIdentity%22%2C%22Condition%22%3A%7B%22StringLike%22%3A%7B%22token.actions.githubusercontent.com%3Asub%22%3A%22repo%3Aacme%2Fapp%3A%2A%22%7D%7D%7D%5D%7D"
        let reading = try read(encoded)
        #expect(reading.policy.statements[0].conditions[0].values == ["repo:acme/app:*"])
    }

    @Test("not a policy at all is an error that says what is wrong", arguments: [
        ("[]", "must be a JSON object"),
        (#"{"Version":"2012-10-17"}"#, "has no \"Statement\""),
        (#"{"Statement":"Allow"}"#, "must be an object or a list"),
        ("{\"Statement\": [}", "line 1, column 16"),
    ])
    func hardErrors(text: String, expected: String) throws {
        let error = try #require(readError(text))
        #expect(error.description.contains(expected), "\(error)")
    }

    @Test("what the reader produces is what the evaluator decides on: a lost sub constraint lets others in")
    func readerFeedsEvaluator() throws {
        let reading = try read("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(Self.provider)"},
             "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
               "StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"},
               "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}
            """)
        let request = AssumeRequest(principal: Self.provider, context: [
            "token.actions.githubusercontent.com:sub": ["repo:evil/app:ref:refs/heads/main"],
            "token.actions.githubusercontent.com:aud": ["sts.amazonaws.com"],
        ])
        #expect(PolicyEvaluator.evaluate(reading.policy, request).isAllowed)
    }
}
