import Foundation
import Testing
@testable import OIDCWizardCore

/// A policy that does not name its account or partition (a CloudFormation template's provider is
/// `arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/…`): the session resolves it with stand-ins,
/// and none of them may ever reach a saved policy. Unchanged provider ⇒ the principal is kept as written;
/// changed provider ⇒ the account and partition must be typed, else nothing can be saved.
@Suite("Editing a policy whose account or partition is unknown")
struct UnknownProviderTests {
    /// A role trusting a GitHub provider of the same template, by `Ref`.
    static let template = """
    {
      "AWSTemplateFormatVersion": "2010-09-09",
      "Resources": {
        "GitHubOIDCProvider": {
          "Type": "AWS::IAM::OIDCProvider",
          "Properties": {"Url": "https://token.actions.githubusercontent.com", "ClientIdList": ["sts.amazonaws.com"]}
        },
        "DeployRole": {
          "Type": "AWS::IAM::Role",
          "Properties": {
            "RoleName": "deploy",
            "AssumeRolePolicyDocument": {
              "Version": "2012-10-17",
              "Statement": [{
                "Effect": "Allow",
                "Principal": {"Federated": {"Ref": "GitHubOIDCProvider"}},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {
                  "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                  "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/app:*"}
                }
              }]
            }
          }
        }
      }
    }

    """

    /// The same role with the provider ARN written with `Fn::Sub`.
    static func template(provider arn: String) -> String {
        template.replacingOccurrences(of: #"{"Ref": "GitHubOIDCProvider"}"#, with: #"{"Fn::Sub": "\#(arn)"}"#)
    }

    static let placeholderARN = "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"

    static func session(_ text: String, name: String = "template.json") throws -> EditSession {
        EditSession(source: try EditSource(path: name, data: Data(text.utf8)))
    }

    static func federated(_ policy: TrustPolicy?) -> String? {
        policy?.statements.first?.principal?.values(ofType: "Federated").first
    }

    /// The reported bug: a new GitHub flavour regenerates the principal, which named the stand-in account.
    @Test("a new GitHub flavour on a template's provider: no policy to save, the account named as unknown at its field")
    func flavourChangeNeedsAccount() throws {
        var session = try Self.session(Self.template)
        #expect(session.isEditable)
        #expect(session.accountIsUnknown)
        session.draft.flavorKind = .enterpriseCloud
        session.draft.flavorName = "acme"
        #expect(session.currentPolicy == nil, "saved principal: \(Self.federated(session.currentPolicy) ?? "-")")
        let account = try #require(session.after.issues.first { $0.field == .accountID && $0.severity == .error })
        #expect(account.rule.contains("account is unknown"))
        #expect(account.rule.contains("${AWS::AccountId}"))
        #expect(account.rule.contains("step 3"))
        #expect(!account.rule.contains("\n"))
        #expect(session.policyDiff.hasChanges == false, "nothing to show as saved")

        // The account typed: the partition is still unknown (the template leaves it to ${AWS::Partition}).
        session.draft.accountID = "111122223333"
        #expect(session.currentPolicy == nil)
        #expect(!session.accountIsUnknown)
        let region = try #require(session.after.issues.first { $0.field == .region && $0.severity == .error })
        #expect(region.rule.contains("partition is unknown"))
        #expect(session.after.issues.allSatisfy { $0.field != .accountID })

        // The region typed: the principal is written from real values only.
        session.draft.region = "eu-west-1"
        #expect(Self.federated(session.currentPolicy) == "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com/acme")
        session.draft.region = "cn-north-1"
        #expect(Self.federated(session.currentPolicy) == "arn:aws-cn:iam::111122223333:oidc-provider/token.actions.githubusercontent.com/acme")
    }

    @Test("unchanged provider: the principal is kept as written, placeholders and all; the account field only warns")
    func unchangedProviderKeepsPrincipal() throws {
        var session = try Self.session(Self.template)
        #expect(session.after.issues.contains { $0.field == .accountID && $0.severity == .warning && $0.rule.contains("kept as written") },
                "shown from the start: \(session.after.issues)")
        #expect(session.currentPolicy == session.original.policy)
        session.draft.anyContext = false
        session.draft.branches = ["main"]
        let policy = try #require(session.currentPolicy)
        #expect(Self.federated(policy) == Self.placeholderARN)
        #expect(session.after.errorsAreEmpty)
        #expect(session.after.issues.contains { $0.field == .accountID && $0.severity == .warning })
        #expect(!policy.jsonText.contains("123456789012"))
        // Not to a side file for `aws iam update-assume-role-policy`: IAM would refuse the placeholder principal.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unknown-provider-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let onDisk = try EditSource(path: directory + "/template.json", data: Data(Self.template.utf8))
        let refusal = #expect(throws: WriteBack.Failure.self) { try WriteBack.save(policy, of: onDisk) }
        #expect(refusal?.message.contains("only CloudFormation fills in") == true && refusal?.message.contains("--patch-template") == true)
        #expect(!FileManager.default.fileExists(atPath: WriteBack.sidecarPath(for: onDisk, roleIndex: 0)), "nothing written")
        // And patched into the template, the Ref comes back.
        let patched = String(decoding: try TemplatePatch.patch(session.source, policies: [0: policy]).get(), as: UTF8.self)
        #expect(patched.contains(#""Federated": {"Ref": "GitHubOIDCProvider"}"#))
    }

    @Test("an account id given when opening (edit --account-id) writes the provider out, as if typed in step 3")
    func accountGivenWhenOpening() throws {
        let session = EditSession(source: try EditSource(path: "template.json", data: Data(Self.template.utf8)),
                                  region: "eu-west-1", accountID: "111122223333")
        #expect(session.draft.accountID == "111122223333")
        #expect(session.hasChanges, "the provider changes from the template's placeholder to the account's")
        #expect(Self.federated(session.currentPolicy) == "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com")
        #expect(!session.after.issues.contains { $0.field == .accountID })
        // The rest of the policy is as it was.
        #expect(session.currentPolicy?.statements.first?.conditions == session.original.policy.statements.first?.conditions)
    }

    @Test("the account known, the partition left to CloudFormation: a new flavour needs the region only")
    func knownAccountUnknownPartition() throws {
        var session = try Self.session(Self.template(provider: "arn:${AWS::Partition}:iam::444455556666:oidc-provider/token.actions.githubusercontent.com"))
        #expect(!session.accountIsUnknown)
        session.draft.flavorKind = .gheDotCom
        session.draft.flavorName = "octo"
        #expect(session.currentPolicy == nil)
        #expect(session.after.issues.contains { $0.field == .region && $0.severity == .error })
        #expect(!session.after.issues.contains { $0.field == .accountID })
        session.draft.region = "us-gov-west-1"
        #expect(Self.federated(session.currentPolicy) == "arn:aws-us-gov:iam::444455556666:oidc-provider/token.actions.octo.ghe.com")
    }

    @Test("the partition named, the account a placeholder: a new flavour needs the account only")
    func knownPartitionUnknownAccount() throws {
        var session = try Self.session(Self.template(provider: "arn:aws-us-gov:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"))
        session.draft.flavorKind = .enterpriseCloud
        session.draft.flavorName = "acme"
        #expect(session.currentPolicy == nil)
        #expect(session.after.issues.contains { $0.field == .accountID && $0.severity == .error })
        #expect(!session.after.issues.contains { $0.field == .region && $0.severity == .error })
        session.draft.accountID = "111122223333"
        #expect(Self.federated(session.currentPolicy) == "arn:aws-us-gov:iam::111122223333:oidc-provider/token.actions.githubusercontent.com/acme")
    }

    @Test("a literal account and partition: a new flavour is written at once, as before")
    func literalProvider() throws {
        var session = try Self.session(Self.template(provider: "arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com"))
        #expect(!session.accountIsUnknown)
        #expect(session.after.issues.isEmpty)
        session.draft.flavorKind = .enterpriseCloud
        session.draft.flavorName = "acme"
        #expect(Self.federated(session.currentPolicy) == "arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com/acme")
    }

    /// Every way into a written principal, over inputs that do not name the account or partition: the
    /// principal saved is the original text or built only from what was typed.
    @Test("no edit ever writes a stand-in account, region's partition or role name", arguments: [
        (UnknownProviderTests.template, "template.json"),
        (UnknownProviderTests.template(provider: "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"), "template.json"),
        (UnknownProviderTests.template(provider: "arn:aws-cn:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com")
            .replacingOccurrences(of: #""sts.amazonaws.com"}"#, with: #""sts.amazonaws.com.cn"}"#), "template.json"),
        (#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"}}}}"#, "trust-policy.json"),
    ])
    func noStandInIsWritten(input: String, name: String) throws {
        let opened = try Self.session(input, name: name)
        let original = try #require(Self.federated(opened.original.policy))
        #expect(opened.isEditable, "\(original)")
        typealias Edit = (String, (inout SetupDraft) -> Void)
        let edits: [Edit] = [
            ("a branch", { $0.anyContext = false; $0.branches = ["release"] }),
            ("a flavour", { $0.flavorKind = .enterpriseCloud; $0.flavorName = "acme" }),
            ("a flavour and a region", { $0.flavorKind = .enterpriseServer; $0.flavorName = "git.acme.example"; $0.region = "eu-central-1" }),
            ("a flavour and an account", { $0.flavorKind = .gheDotCom; $0.flavorName = "octo"; $0.accountID = "111122223333" }),
            ("an account", { $0.accountID = "111122223333" }),
            ("an account and a region", { $0.accountID = "111122223333"; $0.region = "us-gov-east-1" }),
            ("a region", { $0.region = "cn-northwest-1" }),
            ("a role name", { $0.roleName = "other" }),
        ]
        for (what, edit) in edits {
            var session = opened
            edit(&session.draft)
            guard let policy = session.currentPolicy else {
                #expect(!session.after.errorsAreEmpty, "\(what): refused with a reason")
                continue
            }
            let text = policy.jsonText
            #expect(!text.contains("123456789012"), "\(what): \(text)")
            #expect(!text.contains("imported-role"), "\(what)")
            let principal = try #require(Self.federated(policy))
            guard principal != original else { continue }
            let draft = session.draft
            if original.contains("${AWS::AccountId}") {
                #expect(principal.contains(":iam::\(draft.accountID):"), "\(what): only the account typed, \(principal)")
            }
            if original.contains("${AWS::Partition}") {
                guard case .known(let region) = RegionCatalog.lookup(draft.region) else {
                    Issue.record("\(what): a new principal for an unknown partition without a region typed: \(principal)")
                    continue
                }
                #expect(principal.hasPrefix("arn:\(region.partition.rawValue):"), "\(what): the typed region's partition, \(principal)")
            }
        }
    }
}

extension PolicyReview {
    var errorsAreEmpty: Bool { !issues.contains { $0.severity == .error } }
}
