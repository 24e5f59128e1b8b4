import Foundation
import Testing
@testable import OIDCWizardCore

/// Patching an edited policy into a CloudFormation JSON template: only the document's bytes change, the
/// template's intrinsics come back, and every unsafe case refuses with its reason.
@Suite("Patching a CloudFormation JSON template in place")
struct TemplatePatchTests {
    /// The shape of the GitHub/AWS docs sample: a GitHub OIDC provider and a role trusting it by `Ref`.
    static let docsSample = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Description": "GitHub Actions OIDC role",
      "Parameters": {
        "GitHubOrg": {"Type": "String", "Default": "acme"},
        "RepositoryName": {"Type": "String", "Default": "app"}
      },
      "Resources": {
        "GithubOidc": {
          "Type": "AWS::IAM::OIDCProvider",
          "Properties": {
            "Url": "https://token.actions.githubusercontent.com",
            "ClientIdList": ["sts.amazonaws.com"]
          }
        },
        "Role": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "github-deploy",
            "AssumeRolePolicyDocument": {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {
                    "Federated": {"Ref": "GithubOidc"}
                  },
                  "Action": "sts:AssumeRoleWithWebIdentity",
                  "Condition": {
                    "StringEquals": {
                      "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
                    },
                    "StringLike": {
                      "token.actions.githubusercontent.com:sub": "repo:acme/app:*"
                    }
                  }
                }
              ]
            },
            "ManagedPolicyArns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
          }
        }
      },
      "Outputs": {
        "RoleArn": {"Value": {"Fn::GetAtt": ["Role", "Arn"]}}
      }
    }

    """

    static func session(_ template: String, name: String = "template.json", role: Int = 0) throws -> EditSession {
        EditSession(source: try EditSource(path: name, data: Data(template.utf8)), roleIndex: role)
    }

    static func patched(_ session: EditSession) throws -> String {
        let policy = try #require(session.currentPolicy)
        let bytes = try TemplatePatch.patch(session.source, policies: [session.roleIndex: policy]).get()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The patched template reads back (with the normal reader) as the edited policy.
    static func expectReadsBack(_ text: String, _ session: EditSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reread = try EditSource(path: session.source.path, data: Data(text.utf8))
        #expect(reread.policies[session.roleIndex].policy == session.currentPolicy, sourceLocation: sourceLocation)
        #expect(ScenarioDiff(before: try #require(session.currentPolicy), after: reread.policies[session.roleIndex].policy).changes.isEmpty,
                sourceLocation: sourceLocation)
    }

    /// Everything before `start` (inclusive) and from `end` on is byte-identical.
    static func expectUnchangedOutside(_ original: String, _ patched: String, after start: String, before end: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let from = try #require(original.range(of: start), sourceLocation: sourceLocation)
        let to = try #require(original.range(of: end, range: from.upperBound..<original.endIndex), sourceLocation: sourceLocation)
        let head = Array(original[..<from.upperBound].utf8)
        let tail = Array(original[to.lowerBound...].utf8)
        let bytes = Array(patched.utf8)
        #expect(bytes.starts(with: head), "the bytes before the document changed", sourceLocation: sourceLocation)
        #expect(bytes.reversed().starts(with: tail.reversed()), "the bytes after the document changed", sourceLocation: sourceLocation)
    }

    @Test("the docs sample: only the document changes, written in the template's layout, the provider Ref kept")
    func docsSampleExactBytes() throws {
        var session = try Self.session(Self.docsSample)
        #expect(session.isEditable)
        session.draft.anyContext = false
        session.draft.branches = ["main"]
        let patched = try Self.patched(session)
        let expected = Self.docsSample.replacingOccurrences(of: """
                      "Condition": {
                        "StringEquals": {
                          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
                        },
                        "StringLike": {
                          "token.actions.githubusercontent.com:sub": "repo:acme/app:*"
                        }
                      }
        """, with: """
                      "Condition": {
                        "StringEquals": {
                          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                          "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"
                        }
                      }
        """)
        #expect(expected != Self.docsSample, "the test's own replacement found its text")
        #expect(patched == expected, "\(patched)")
        try Self.expectReadsBack(patched, session)
    }

    @Test("four-space indentation and Fn::GetAtt for the provider: indented like the template, GetAtt kept")
    func fourSpacesGetAtt() throws {
        let template = Self.docsSample
            .replacingOccurrences(of: "  ", with: "    ")
            .replacingOccurrences(of: #"{"Ref": "GithubOidc"}"#, with: #"{"Fn::GetAtt": ["GithubOidc", "Arn"]}"#)
        var session = try Self.session(template)
        session.draft.anyContext = false
        session.draft.environments = ["production"]
        let patched = try Self.patched(session)
        try Self.expectUnchangedOutside(template, patched, after: #""AssumeRolePolicyDocument": "#, before: #","# + "\n                \"ManagedPolicyArns\"")
        #expect(patched.contains("\n                    \"Statement\": [\n                        {\n"), "one level is four spaces: \(patched)")
        #expect(patched.contains(#""Federated": {"Fn::GetAtt": ["GithubOidc", "Arn"]}"#))
        #expect(patched.contains("repo:acme/app:environment:production"))
        #expect(!patched.contains("${AWS::AccountId}"), "the provider is not hard-coded")
        try Self.expectReadsBack(patched, session)
    }

    @Test("tab indentation and CRLF line endings are kept; Fn::Sub for the provider ARN is kept")
    func tabsAndCRLF() throws {
        let sub = #"{"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"}"#
        let template = Self.docsSample
            .replacingOccurrences(of: "  ", with: "\t")
            .replacingOccurrences(of: #"{"Ref": "GithubOidc"}"#, with: sub)
            .replacingOccurrences(of: "\n", with: "\r\n")
        var session = try Self.session(template)
        #expect(session.isEditable)
        session.draft.anyContext = false
        session.draft.tags = ["v*"]
        let patched = try Self.patched(session)
        try Self.expectUnchangedOutside(template, patched, after: #""AssumeRolePolicyDocument": "#, before: ",\r\n\t\t\t\t\"ManagedPolicyArns\"")
        #expect(patched.contains("\"Federated\": " + sub))
        #expect(!patched.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        #expect(patched.contains("\r\n\t\t\t\t\t\"Statement\": [\r\n\t\t\t\t\t\t{\r\n"), "one level is one tab: \(patched)")
        #expect(patched.contains("repo:acme/app:ref:refs/tags/v*"))
        try Self.expectReadsBack(patched, session)
    }

    /// Three roles; the one edited sits between the others.
    static let threeRoles = """
    {
      "Resources": {
        "Build": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
        "GitHub": {"Type": "AWS::IAM::OIDCProvider", "Properties": {"Url": "https://token.actions.githubusercontent.com", "ClientIdList": ["sts.amazonaws.com"]}},
        "Deploy": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "deploy",
            "AssumeRolePolicyDocument": {
              "Version": "2012-10-17",
              "Statement": {
                "Effect": "Allow",
                "Principal": {"Federated": {"Ref": "GitHub"}},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {
                  "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                  "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*:*"}
                }
              }
            }
          }
        },
        "Audit": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "audit", "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Federated": {"Ref": "GitHub"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:acme/audit:ref:refs/heads/main"}}}]}}}
      }
    }

    """

    @Test("several roles: the chosen one is patched, the others keep every byte and read as before")
    func severalRoles() throws {
        var session = try Self.session(Self.threeRoles, role: 1)
        #expect(session.original.roleName == "deploy")
        session.draft.repositories = ["acme/app"]
        session.draft.anyContext = false
        session.draft.branches = ["main"]
        let patched = try Self.patched(session)
        try Self.expectUnchangedOutside(Self.threeRoles, patched, after: #""RoleName": "deploy","# + "\n        \"AssumeRolePolicyDocument\": ",
                                        before: "\n      }\n    },\n    \"Audit\"")
        #expect(patched.contains("\"Statement\": {\n            \"Effect\""), "a single statement object stays an object: \(patched)")
        try Self.expectReadsBack(patched, session)
        let reread = try EditSource(path: "template.json", data: Data(patched.utf8))
        #expect(reread.policies[0] == session.source.policies[0])
        #expect(reread.policies[2] == session.source.policies[2])
    }

    @Test("two roles patched at once (fix --in-place): both read back as edited")
    func twoRolesAtOnce() throws {
        let source = try EditSource(path: "template.json", data: Data(Self.threeRoles.utf8))
        var deploy = EditSession(source: source, roleIndex: 1)
        deploy.draft.repositories = ["acme/app"]
        var audit = EditSession(source: source, roleIndex: 2)
        audit.draft.branches = ["release"]
        let bytes = try TemplatePatch.patch(source, policies: [1: try #require(deploy.currentPolicy), 2: try #require(audit.currentPolicy)]).get()
        let reread = try EditSource(path: "template.json", data: Data(bytes))
        #expect(reread.policies[1].policy == deploy.currentPolicy)
        #expect(reread.policies[2].policy == audit.currentPolicy)
        #expect(reread.policies[0] == source.policies[0])
        // A document written on one line is rewritten on one line.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Federated": {"Ref": "GitHub"}}"#), "\(text)")
        #expect(text.contains("repo:acme/audit:ref:refs/heads/release"))
    }

    /// A big template shaped like a nested-stack parent: many resources, a nested stack, outputs, minified role.
    static func bigTemplate() -> String {
        var resources: [String] = []
        for i in 0..<40 {
            resources.append(#""Bucket\#(i)": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "data-\#(i)-${AWS::AccountId}"}, "Tags": [{"Key": "n", "Value": "\#(i)"}]}}"#)
        }
        resources.insert(#""Network": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "https://example.com/net.json", "Parameters": {"Cidr": "10.0.0.0/16"}}}"#, at: 5)
        resources.insert(#""Provider": {"Type": "AWS::IAM::OIDCProvider", "Properties": {"Url": "https://token.actions.githubusercontent.com", "ClientIdList": ["sts.amazonaws.com"]}}"#, at: 10)
        resources.insert(#""CiRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "GitHub", "Effect": "Allow", "Principal": {"Federated": {"Fn::GetAtt": "Provider.Arn"}}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/app:ref:refs/heads/main", "repo:acme/app:pull_request"]}, "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}, {"Sid": "BreakGlass", "Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/admin"}}, "Action": "sts:AssumeRole"}]}, "Path": "/ci/"}}"#, at: 25)
        return "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {" + resources.joined(separator: ", ")
            + "}, \"Outputs\": {\"Role\": {\"Value\": {\"Ref\": \"CiRole\"}}}}"
    }

    @Test("a big nested-stack-like template with the role on one line: patched on one line, the kept statement's Fn::Sub and the GetAtt restored")
    func bigTemplate() throws {
        let template = Self.bigTemplate()
        var session = try Self.session(template)
        #expect(session.isEditable)
        session.draft.pullRequests = false
        let patched = try Self.patched(session)
        #expect(!patched.contains("\n"))
        try Self.expectUnchangedOutside(template, patched, after: #""CiRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": "#, before: #", "Path": "/ci/"}}"#)
        #expect(patched.contains(#""Federated": {"Fn::GetAtt": "Provider.Arn"}"#))
        #expect(patched.contains(#""AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/admin"}"#))
        #expect(!patched.contains("pull_request"))
        try Self.expectReadsBack(patched, session)
    }

    @Test("a subject built from parameters is written back as its Fn::Sub while its value is unchanged")
    func parameterSubjectKept() throws {
        let sub = #"{"Fn::Sub": "repo:${GitHubOrg}/${RepositoryName}:ref:refs/heads/main"}"#
        let template = Self.docsSample.replacingOccurrences(of: #""repo:acme/app:*""#, with: sub)
        var session = try Self.session(template)
        #expect(session.isEditable)
        session.draft.environments = ["production"]
        let patched = try Self.patched(session)
        #expect(patched.contains(sub), "\(patched)")
        #expect(patched.contains(#""repo:acme/app:environment:production""#))
        try Self.expectReadsBack(patched, session)
    }

    // MARK: Refusals

    static func refusal(_ session: EditSession) throws -> String {
        let policy = try #require(session.currentPolicy)
        guard case .failure(let refusal) = TemplatePatch.patch(session.source, policies: [session.roleIndex: policy]) else {
            Issue.record("expected a refusal")
            return ""
        }
        return refusal.reason
    }

    @Test("an edit that drops a subject built from parameters refuses: it would hard-code their defaults")
    func parameterSubjectDropped() throws {
        let template = Self.docsSample.replacingOccurrences(of: #""repo:acme/app:*""#, with: #"{"Fn::Sub": "repo:${GitHubOrg}/${RepositoryName}:ref:refs/heads/main"}"#)
        var session = try Self.session(template)
        session.draft.branches = ["release"]
        let reason = try Self.refusal(session)
        #expect(reason.contains("GitHubOrg, RepositoryName"), "\(reason)")
        #expect(reason.contains("hard-code"))
    }

    @Test("an edit that changes the provider named by Ref refuses: the account would be hard-coded")
    func providerChanged() throws {
        var session = try Self.session(Self.docsSample)
        session.draft.accountID = "111122223333"
        session.draft.region = "eu-west-1" // the template leaves the partition open too
        let reason = try Self.refusal(session)
        #expect(reason.contains(#"{"Ref": "GithubOidc"}"#), "\(reason)")
        #expect(reason.contains("deploy time"))
    }

    @Test("a YAML template refuses and says why")
    func yaml() throws {
        let yaml = """
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com}
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals: {token.actions.githubusercontent.com:aud: sts.amazonaws.com}
                      StringLike: {token.actions.githubusercontent.com:sub: "repo:acme/app:*"}
        """
        let source = try EditSource(path: "template.yaml", data: Data(yaml.utf8))
        #expect(TemplatePatch.refusal(for: source, roleIndex: 0)?.reason.contains("YAML") == true)
    }

    @Test("the same logical id twice refuses")
    func duplicateLogicalID() throws {
        let template = Self.threeRoles.replacingOccurrences(of: #""Audit": {"#, with: #""Deploy": {"#)
        let source = try EditSource(path: "template.json", data: Data(template.utf8))
        let reason = try #require(TemplatePatch.refusal(for: source, roleIndex: 1)?.reason)
        #expect(reason.contains("Deploy appears 2 times"), "\(reason)")
    }

    @Test("a duplicate key on the path (AssumeRolePolicyDocument, Properties, Resources) refuses")
    func duplicateKeysOnPath() throws {
        let twice = Self.threeRoles.replacingOccurrences(of: #""Properties": {"RoleName": "audit", "#,
                                                         with: #""Properties": {"RoleName": "audit", "AssumeRolePolicyDocument": {}, "#)
        let source = try EditSource(path: "template.json", data: Data(twice.utf8))
        #expect(TemplatePatch.refusal(for: source, roleIndex: 2)?.reason.contains("2 members named AssumeRolePolicyDocument") == true)
        #expect(TemplatePatch.refusal(for: source, roleIndex: 1) == nil, "another role is still patchable")

        let properties = Self.threeRoles.replacingOccurrences(of: #"{"Type": "AWS::IAM::Role", "Properties": {"RoleName": "audit""#,
                                                              with: #"{"Type": "AWS::IAM::Role", "Properties": {}, "Properties": {"RoleName": "audit""#)
        let second = try EditSource(path: "template.json", data: Data(properties.utf8))
        #expect(TemplatePatch.refusal(for: second, roleIndex: 2)?.reason.contains("2 members named Properties") == true)

        let resources = Self.threeRoles.replacingOccurrences(of: "{\n  \"Resources\": {", with: "{\n  \"Resources\": {},\n  \"Resources\": {")
        let third = try EditSource(path: "template.json", data: Data(resources.utf8))
        #expect(TemplatePatch.refusal(for: third, roleIndex: 1)?.reason.contains("2 members named Resources") == true)
    }

    @Test("Fn::If for the principal refuses, naming the function and where it is")
    func fnIfPrincipal() throws {
        let template = Self.docsSample.replacingOccurrences(of: #"{"Ref": "GithubOidc"}"#,
                                                            with: #"{"Fn::If": ["CreateProvider", {"Ref": "GithubOidc"}, {"Ref": "ProviderArn"}]}"#)
        let source = try EditSource(path: "template.json", data: Data(template.utf8))
        let reason = try #require(TemplatePatch.refusal(for: source, roleIndex: 0)?.reason)
        #expect(reason.contains("Fn::If at $.Statement[0].Principal.Federated"), "\(reason)")
    }

    @Test("a document given as a whole by an intrinsic (Fn::If, Ref to a parameter, Fn::Sub) refuses")
    func wholeDocumentIntrinsic() throws {
        let policy = #"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\",\"token.actions.githubusercontent.com:sub\":\"repo:acme/app:ref:refs/heads/main\"}}}]}"#
        let cases = [
            ("Ref", #"{"Ref": "TrustPolicy"}"#),
            ("Fn::Sub", #"{"Fn::Sub": "\#(policy)"}"#),
            ("Fn::If", #"{"Fn::If": ["Strict", {"Ref": "TrustPolicy"}, {"Ref": "TrustPolicy"}]}"#),
        ]
        var checked: [String] = []
        for (function, document) in cases {
            let template = """
            {"Parameters": {"TrustPolicy": {"Type": "String", "Default": "\(policy)"}},
             "Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": \(document)}}}}
            """
            guard let source = try? EditSource(path: "template.json", data: Data(template.utf8)) else {
                continue // the reader does not take it at all: nothing to patch
            }
            let reason = try #require(TemplatePatch.refusal(for: source, roleIndex: 0)?.reason, "\(function)")
            #expect(reason.contains("given by \(function) as a whole"), "\(reason)")
            checked.append(function)
        }
        #expect(checked.contains("Ref"), "the reader takes a document from a parameter's default: \(checked)")
    }
}
