import Foundation
import Testing
@testable import OIDCWizardCore

@Suite("Reading policies from every input format")
struct PolicyInputTests {
    static let provider = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    static let policy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"\(provider)"},
         "Action":"sts:AssumeRoleWithWebIdentity",
         "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/app:*"}}}]}
        """
    static var encodedPolicy: String {
        policy.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    func read(_ text: String, name: String = "input.json") throws -> [PolicySource] {
        try PolicyInput.read(data: Data(text.utf8), name: name)
    }

    func readError(_ bytes: [UInt8], name: String = "policy.json") -> InputError? {
        do {
            _ = try PolicyInput.read(data: Data(bytes), name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test("a bare policy, plain or URL-encoded")
    func barePolicy() throws {
        for text in [Self.policy, Self.encodedPolicy] {
            let sources = try read(text)
            #expect(sources.count == 1)
            #expect(sources[0].roleName == nil)
            #expect(sources[0].location == .root)
            #expect(sources[0].policy.statements[0].conditions[0].values == ["repo:acme/app:*"])
        }
    }

    @Test("aws iam get-role output, with the document as an object or as the API's URL-encoded string")
    func getRole() throws {
        for document in [Self.policy, "\"\(Self.encodedPolicy)\""] {
            let sources = try read(#"{"Role":{"Path":"/","RoleName":"deploy","AssumeRolePolicyDocument":\#(document)}}"#)
            #expect(sources.map(\.roleName) == ["deploy"])
            #expect(sources[0].location.text == "$.Role.AssumeRolePolicyDocument")
            #expect(sources[0].policy.statements.count == 1)
        }
    }

    @Test("aws iam list-roles and get-account-authorization-details: every role")
    func listings() throws {
        let roles = """
            [{"RoleName":"a","AssumeRolePolicyDocument":\(Self.policy)},
             {"RoleName":"b","AssumeRolePolicyDocument":"\(Self.encodedPolicy)"}]
            """
        let listed = try read(#"{"Roles":\#(roles)}"#)
        #expect(listed.map(\.roleName) == ["a", "b"])
        #expect(listed[1].location.text == "$.Roles[1].AssumeRolePolicyDocument")
        let details = try read(#"{"UserDetailList":[],"RoleDetailList":\#(roles),"Policies":[]}"#)
        #expect(details.map(\.roleName) == ["a", "b"])
        #expect(details[0].location.text == "$.RoleDetailList[0].AssumeRolePolicyDocument")
    }

    @Test("a broken document inside a listing names the role")
    func brokenRole() throws {
        let error = try #require(readError(Array(#"{"Roles":[{"RoleName":"x","AssumeRolePolicyDocument":{"Version":"2012-10-17"}}]}"#.utf8), name: "roles.json"))
        #expect(error.description.hasPrefix("roles.json: role \"x\" ($.Roles[0].AssumeRolePolicyDocument): the policy has no \"Statement\""))
    }

    static let yamlTemplate = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Repo:
            Type: String
            Default: acme/app
        Resources:
          GitHubProvider:
            Type: AWS::IAM::OIDCProvider
            Properties:
              Url: https://token.actions.githubusercontent.com
              ClientIdList: [sts.amazonaws.com]
          DeployRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: deploy
              AssumeRolePolicyDocument:
                Version: 2012-10-17
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated: !Ref GitHubProvider
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals:
                        token.actions.githubusercontent.com:aud: sts.amazonaws.com
                      StringLike:
                        token.actions.githubusercontent.com:sub: !Sub repo:${Repo}:ref:refs/heads/main
          OtherRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal:
                      Federated: !GetAtt GitHubProvider.Arn
                    Action: sts:AssumeRoleWithWebIdentity
                  - Effect: Allow
                    Principal:
                      Federated: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
                    Action: sts:AssumeRoleWithWebIdentity
        """

    @Test("a CloudFormation YAML template: every role, with !Ref/!GetAtt/!Sub resolved to the GitHub provider")
    func cloudFormationYAML() throws {
        let sources = try read(Self.yamlTemplate, name: "template.yaml")
        #expect(sources.map(\.roleName) == ["deploy", "OtherRole"])
        let arn = "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"
        let deploy = sources[0].policy.statements[0]
        #expect(deploy.principal == .entries([PrincipalEntry(type: "Federated", values: [arn])]))
        #expect(deploy.conditions.last?.values == ["repo:acme/app:ref:refs/heads/main"])
        #expect(sources[0].policy.version == "2012-10-17")
        #expect(sources[0].location.text == "$.Resources.DeployRole.Properties.AssumeRolePolicyDocument")
        #expect(sources[1].policy.statements.map { $0.principal?.values(ofType: "Federated") } == [[arn], [arn]])
    }

    @Test("a CloudFormation JSON template resolves Ref and Fn::GetAtt the same way")
    func cloudFormationJSON() throws {
        let template = """
            {"Resources":{
              "Provider":{"Type":"AWS::IAM::OIDCProvider","Properties":{"Url":"https://token.actions.githubusercontent.com/acme-enterprise"}},
              "Role":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Principal":{"Federated":{"Fn::GetAtt":["Provider","Arn"]}},"Action":"sts:AssumeRoleWithWebIdentity"},
                {"Effect":"Allow","Principal":{"Federated":{"Ref":"Provider"}},"Action":"sts:AssumeRoleWithWebIdentity"}]}}}}}
            """
        let sources = try read(template, name: "template.json")
        let expected = "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com/acme-enterprise"
        #expect(sources[0].policy.statements.map { $0.principal?.values(ofType: "Federated") } == [[expected], [expected]])
    }

    @Test("an Fn::Sub that repeats a variable which is itself an Fn::Sub cannot blow a small template up")
    func substitutionBomb() throws {
        // 30 levels, each repeating the level below 16 times: 16^30 characters if nothing stopped it.
        var value = #""aaaaaaaaaaaaaaaa""#
        for _ in 0..<30 {
            value = #"{"Fn::Sub":[""# + String(repeating: "${x}", count: 16) + #"",{"x":"# + value + "}]}"
        }
        let template = """
            {"AWSTemplateFormatVersion":"2010-09-09","Resources":{"Role":{"Type":"AWS::IAM::Role","Properties":{
              "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                "Action":"sts:AssumeRoleWithWebIdentity",
                "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":\(value)}}}]}}}}}
            """
        #expect(template.utf8.count < 4_000)
        let source = try #require(try read(template, name: "template.json").first)
        let longest = source.policy.statements.flatMap(\.conditions).flatMap(\.values).map(\.utf8.count).max() ?? 0
        #expect(longest < CloudFormationTemplate.Resolver.documentBudget)
        #expect(!source.notes.isEmpty, "the value left unresolved is reported")
    }

    @Test("a Ref named hundreds of times to a long parameter default is charged for every copy")
    func referenceBomb() throws {
        // Found by the fuzzer: 300 copies of a 3,000-character default made a 7 KB template take minutes.
        let refs = Array(repeating: #"{"Ref":"P"}"#, count: 300).joined(separator: ",")
        let template = """
            {"AWSTemplateFormatVersion":"2010-09-09","Parameters":{"P":{"Type":"String","Default":"repo:acme/\(String(repeating: "a", count: 3_000)):*"}},
             "Resources":{"Role":{"Type":"AWS::IAM::Role","Properties":{"AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
               "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
               "Action":"sts:AssumeRoleWithWebIdentity",
               "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":[\(refs)]}}}]}}}}}
            """
        let source = try #require(try read(template, name: "template.json").first)
        let resolved = source.policy.statements.flatMap(\.conditions).flatMap(\.values).reduce(0) { $0 + $1.utf8.count }
        #expect(resolved > 0 && resolved < CloudFormationTemplate.Resolver.documentBudget)
        #expect(!source.notes.isEmpty, "the Refs left unresolved are reported")
    }

    @Test("a template without a role says so")
    func templateWithoutRoles() throws {
        let error = try #require(readError(Array(#"{"AWSTemplateFormatVersion":"2010-09-09","Resources":{"B":{"Type":"AWS::S3::Bucket"}}}"#.utf8), name: "t.json"))
        #expect(error.description.contains("no AWS::IAM::Role"))
    }

    @Test("bad input is a one-line error naming the file", arguments: [
        (Array("{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}".utf8), "policy.json: line 3, column 3: expected ',' or '}'"),
        (Array("[1,2]".utf8), "policy.json: expected a trust policy"),
        (Array(#"{"Hello":"world"}"#.utf8), "policy.json: this is not a trust policy"),
        ([0x7B, 0x22, 0xFF, 0x22, 0x7D], "policy.json: line 1, column 3: the text is not valid UTF-8"),
        (Array(repeating: UInt8(ascii: "["), count: 100_000), "policy.json: line 1, column 513: the JSON is nested more than 512 levels"),
        ([], "policy.json: the file is empty"),
    ])
    func badInput(bytes: [UInt8], expected: String) throws {
        let error = try #require(readError(bytes))
        #expect(error.description.hasPrefix(expected), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test("hostile YAML is refused, not obeyed", arguments: [
        (String(repeating: "[", count: 100_000), "nested more than 512"),
        (String(repeating: "- ", count: 100_000) + "x", "nested more than 512"),
        ("""
         a: &a ["x","x","x","x","x","x","x","x","x","x"]
         b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
         c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
         d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
         e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
         f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
         g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
         h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
         """, "more than 1000000 values"),
        // Few values, but each a 3,000-character string: 300 MB of text from 3 KB.
        ("a: &a \"" + String(repeating: "x", count: 3_000) + "\"\n" + ["b", "c", "d", "e", "f"].enumerated().map { index, name in
            let previous = index == 0 ? "a" : ["b", "c", "d", "e"][index - 1]
            return "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }.joined(), "characters of text"),
        ("Resources: [unclosed", "line"),
        ("a: 1\na: 2\n", "repeats the key"),
    ])
    func hostileYAML(text: String, expected: String) throws {
        let error = try #require(readError(Array(text.utf8), name: "template.yaml"))
        #expect(error.description.hasPrefix("template.yaml: "))
        #expect(error.description.contains(expected), "\(error)")
    }

    @Test("files: missing, a directory, too large")
    func files() throws {
        #expect(throws: InputError.self) { try PolicyInput.read(path: "/nonexistent/policy.json") }
        do {
            _ = try PolicyInput.read(path: NSTemporaryDirectory())
            Issue.record("a directory was read")
        } catch {
            #expect(error.description.contains("is a directory"))
        }
        let big = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("big-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(PolicyInput.maxBytes + 1))
        try handle.close()
        defer { try? FileManager.default.removeItem(at: big) }
        do {
            _ = try PolicyInput.read(path: big.path)
            Issue.record("an oversized file was read")
        } catch {
            #expect(error.description.hasPrefix(big.path + ": the file is"))
        }
    }
}
