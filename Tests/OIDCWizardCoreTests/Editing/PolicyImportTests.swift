import Foundation
import Testing
@testable import OIDCWizardCore

@Suite("Importing an existing policy into the wizard's fields")
struct PolicyImportTests {
    @Test("every corpus policy: editable exactly when its GitHub statement fits the model")
    func corpusEditability() throws {
        for entry in EditingCorpus.policies {
            let session = try EditingCorpus.session(entry.json)
            #expect(session.isEditable == entry.editable, "\(entry.name): \(session.imported.verbatimReasons)")
        }
    }

    @Test("the fields: repositories × rules, audience, account, partition and extra claims")
    func fields() throws {
        let grid = try EditingCorpus.session(EditingCorpus.policies[6].json)
        let modelled = try #require(grid.imported.modelled)
        #expect(modelled.index == 1)
        #expect(modelled.draft.repositories == ["acme/app", "acme/api"])
        #expect(modelled.draft.branches == ["main"])
        #expect(modelled.draft.tags == ["v*"])
        #expect(modelled.draft.accountID == "123456789012")
        #expect(modelled.draft.audience == "")
        #expect(grid.imported.verbatimIndices == [0, 2])

        let gov = try #require(try EditingCorpus.session(EditingCorpus.policies[7].json).imported.modelled)
        #expect(gov.partition == .awsUSGov)
        #expect(gov.draft.repositories == ["octocat@123456/my-repo@456789"])
        #expect(gov.draft.environments == ["prod"])
        #expect(gov.draft.extraClaims == ["job_workflow_ref=octocat/ci/.github/workflows/deploy.yml@refs/heads/main"])
    }

    @Test("a statement that is not a full repositories × rules grid stays verbatim, with the reason")
    func notAGrid() throws {
        let session = try EditingCorpus.session(EditingCorpus.policies[8].json)
        #expect(session.imported.modelled == nil)
        #expect(session.imported.verbatimReasons[0]?.contains("repository") == true)
    }

    @Test("the reason names what keeps a statement out of the fields: no subject, or a wildcard over repositories")
    func specificReasons() throws {
        func reason(_ sub: String?) throws -> String? {
            let audience = #""StringEquals": {"\#(Lint.prefix):aud": "sts.amazonaws.com"}"#
            let subject = sub.map { #", "StringLike": {"\#(Lint.prefix):sub": "\#($0)"}"# } ?? ""
            return try EditingCorpus.session(Lint.policy(condition: audience + subject)).imported.verbatimReasons[0]
        }
        #expect(try reason(nil)?.contains("tests no subject") == true)
        #expect(try reason("repo:acme/*")?.contains("\"repo:acme/*\" lets in repositories by a wildcard") == true)
    }
}

@Suite("Round trip: open, save without a change")
struct RoundTripTests {
    @Test("corpus and hazard examples: unchanged draft gives the original policy, and every scenario decides the same")
    func unchangedSave() throws {
        var inputs = EditingCorpus.policies.map { ($0.name, $0.json) }
        inputs += try EditingCorpus.hazardFiles()
        #expect(inputs.count > 30)
        for (name, json) in inputs {
            let session = try EditingCorpus.session(json)
            let policy = try #require(session.currentPolicy, "\(name)")
            #expect(policy == session.original.policy, "\(name)")
            #expect(!session.hasChanges, "\(name)")
            #expect(!session.policyDiff.hasChanges, "\(name)")
            // The meaning, independently: every run of the table decides the same on the written text.
            let written = try PolicyReader.read(text: policy.jsonText).reading.policy
            let requests = session.before.scenarios.map(\.request)
            #expect(EditingCorpus.decisions(session.original.policy, over: requests) == EditingCorpus.decisions(written, over: requests), "\(name)")
            #expect(written.statements.map(\.sid) == session.original.policy.statements.map(\.sid), "\(name)")
        }
    }

    @Test("regenerating the modelled statement from its unchanged fields means the same (the fit proof)")
    func regeneratedMeansTheSame() throws {
        for entry in EditingCorpus.policies where entry.editable {
            let session = try EditingCorpus.session(entry.json)
            let modelled = try #require(session.imported.modelled)
            let statement = try #require(modelled.regenerate(modelled.draft))
            let regenerated = session.imported.splicing(statement)
            let rows = ScenarioDiff(before: session.original.policy, after: regenerated)
            #expect(!rows.rows.isEmpty)
            #expect(rows.changes.isEmpty, "\(entry.name): \(rows.text)")
            #expect(statement.sid == modelled.original.sid)
            #expect(statement.principal == modelled.original.principal)
        }
    }
}

@Suite("Editing one field changes only what it means")
struct EditOneFieldTests {
    @Test("adding a branch lets that branch in, keeps every other decision, Sid, order and verbatim statements")
    func addBranch() throws {
        var session = try EditingCorpus.session(EditingCorpus.policies[6].json)
        session.draft.branches.append("release")
        let after = try #require(session.currentPolicy)
        #expect(after.statements[0] == session.original.policy.statements[0])
        #expect(after.statements[2] == session.original.policy.statements[2])
        #expect(after.statements[1].sid == "GitHubDeploy")
        #expect(after.id == "deploy-trust")
        let sub = try #require(after.statements[1].conditions.first { $0.key.hasSuffix(":sub") })
        #expect(Set(sub.values) == Set(["repo:acme/app:ref:refs/heads/main", "repo:acme/app:ref:refs/heads/release",
                                        "repo:acme/app:ref:refs/tags/v*", "repo:acme/api:ref:refs/heads/main",
                                        "repo:acme/api:ref:refs/heads/release", "repo:acme/api:ref:refs/tags/v*"]))
        let diff = try #require(session.scenarioDiff)
        #expect(!diff.changes.isEmpty)
        for change in diff.changes {
            #expect(change.subject.hasSuffix(":ref:refs/heads/release"), "\(change.line)")
            #expect(change.after.isAllowed)
        }
        let unified = session.policyDiff.unified()
        #expect(unified.contains("+") && unified.contains("repo:acme/app:ref:refs/heads/release"), "\(unified)")
    }

    @Test("narrowing any context to main removes exactly the other runs")
    func narrowContext() throws {
        var session = try EditingCorpus.session(EditingCorpus.policies[1].json)
        #expect(session.draft.anyContext)
        session.draft.anyContext = false
        session.draft.branches = ["main"]
        #expect(session.hasChanges)
        let diff = try #require(session.scenarioDiff)
        #expect(!diff.changes.isEmpty)
        #expect(diff.changes.allSatisfy { $0.before.isAllowed && !$0.after.isAllowed })
        #expect(diff.rows.contains { $0.subject == "repo:octo-org/octo-repo:ref:refs/heads/main" && $0.after.isAllowed })
        #expect(session.after.findings.allSatisfy { $0.rule != "any-context" })
        #expect(session.before.findings.contains { $0.rule == "any-context" })
    }

    @Test("an invalid field gives no policy to save and says why")
    func invalidDraft() throws {
        var session = try EditingCorpus.session(EditingCorpus.policies[0].json)
        session.draft.repositories = ["not a repo"]
        #expect(session.currentPolicy == nil)
        #expect(!session.after.issues.filter { $0.severity == .error }.isEmpty)
    }

    @Test("a CloudFormation role with a placeholder account keeps its principal when edited")
    func templatePlaceholderAccount() throws {
        let template = """
        {"AWSTemplateFormatVersion":"2010-09-09","Resources":{
          "GitHubProvider":{"Type":"AWS::IAM::OIDCProvider","Properties":{"Url":"https://token.actions.githubusercontent.com","ClientIdList":["sts.amazonaws.com"]}},
          "DeployRole":{"Type":"AWS::IAM::Role","Properties":{"RoleName":"deploy","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":{"Federated":{"Ref":"GitHubProvider"}},"Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
               "token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}}]}}}}}
        """
        var session = EditSession(source: try EditSource(path: "template.json", data: Data(template.utf8)))
        #expect(session.source.kind == .cloudFormationJSON)
        let editable = session.isEditable
        #expect(editable)
        #expect(session.draft.roleName == "deploy")
        session.draft.environments = ["prod"]
        let policy = try #require(session.currentPolicy)
        #expect(policy.statements[0].principal == session.original.policy.statements[0].principal)
    }
}
