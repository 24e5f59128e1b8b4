import Foundation
import Testing
import OIDCWizardCore
@testable import WizardUI

/// The edit's write step: patching a CloudFormation JSON template in place instead of the side file, and
/// (re)generating the workflow file from the edited fields, driven with keys.
@Suite("Wizard: where an edit saves, and the workflow file")
struct WizardEditSavingTests {
    /// A docs-shaped template: a GitHub OIDC provider and a role trusting it by `Ref`, any ref of acme/app.
    static let template = """
    {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": {
            "Repo": {"Type": "String", "Default": "app"}
        },
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
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Principal": {"Federated": {"Ref": "GitHubOIDCProvider"}},
                                "Action": "sts:AssumeRoleWithWebIdentity",
                                "Condition": {
                                    "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/app:*"}
                                }
                            }
                        ]
                    },
                    "Policies": []
                }
            }
        }
    }

    """

    static func open(_ text: String, name: String, region: String = "", options: WriteBack.Options = WriteBack.Options(),
                     workflow: Bool = false) throws -> (ProgramDriver<Wizard>, String) {
        let directory = try WizardDriving.temporaryDirectory()
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let source = try EditSource.open(path: path)
        let context = EditContext(session: EditSession(source: source, region: region), options: options, writeWorkflow: workflow)
        return (ProgramDriver(program: Wizard(edit: context), size: WizardDriving.large), path)
    }

    /// From the review step to step 2: adds the branch `main` and turns "any context" off.
    static func onlyMain(_ driver: inout ProgramDriver<Wizard>) {
        driver.send([.escape, .escape])
        driver.type("main")
        driver.send([.enter, .tab, .tab, .tab, .tab, .character(" ")])
    }

    @Test("A JSON template: the write step offers the patch; choosing it patches only the document, keeps the Ref, backs up")
    func patchTemplate() throws {
        var (driver, path) = try Self.open(Self.template, name: "stack.json")
        Self.onlyMain(&driver)
        #expect(driver.state.values(.branches) == ["main"])
        #expect(!driver.state.anyContext)
        driver.send([.ctrl("s")])
        #expect(driver.state.focus == .saveTarget, "the choice is the write step's first field")
        #expect(driver.screen.contains("< side file >"), "the side file is the default")
        #expect(driver.state.edit?.patchRefusal == nil, "\(driver.state.edit?.patchRefusal ?? "")")
        driver.send([.right])
        #expect(driver.screen.contains("< patch the template >"))
        #expect(driver.state.edit?.destination.backup == path + ".bak", "the backup is named before saving")
        #expect(driver.screen.contains("only the role's"))
        driver.sendPerforming([.enter])
        let saved = try #require(driver.state.edit?.saved, "status: \(String(describing: driver.state.status))")
        #expect(saved.written == path)
        #expect(saved.backup == path + ".bak")
        #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == Self.template)
        let patched = try String(contentsOfFile: path, encoding: .utf8)
        #expect(patched.contains(#""Federated": {"Ref": "GitHubOIDCProvider"}"#))
        #expect(patched.contains("\n                    \"Statement\": [\n                        {\n"), "indented in the template's four spaces: \(patched)")
        let after = try #require(Self.template.range(of: ",\n                \"Policies\""))
        #expect(patched.hasSuffix(Self.template[after.lowerBound...]), "everything after the document is as it was")
        let before = try #require(Self.template.range(of: "\"AssumeRolePolicyDocument\": "))
        #expect(patched.hasPrefix(Self.template[..<before.upperBound]), "everything before the document is as it was")
        let reread = try EditSource.open(path: path)
        #expect(reread.policies[0].policy == driver.state.edit?.session.currentPolicy)
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent + "/deploy.trust-policy.json"))
        #expect(saved.applyCommand?.hasPrefix("aws cloudformation deploy --template-file") == true)
    }

    /// From the write step to step 3: types the role's account id and region, so the provider is written out.
    static func typeAccount(_ driver: inout ProgramDriver<Wizard>) {
        driver.send([.escape, .escape])
        for _ in 0..<20 where driver.state.focus != .accountID { driver.send(.tab) }
        driver.send(.ctrl("u"))
        driver.type("111122223333")
        driver.send(.tab)
        driver.type("eu-west-1")
    }

    @Test("The default stays the side file: the template is not touched; a provider only CloudFormation fills in is written out first")
    func sideFileByDefault() throws {
        var (driver, path) = try Self.open(Self.template, name: "stack.json")
        Self.onlyMain(&driver)
        driver.sendPerforming([.ctrl("s"), .enter])
        // The template names the provider by Ref: `aws iam update-assume-role-policy` would refuse that principal.
        #expect(driver.state.edit?.saved == nil)
        #expect(driver.state.status?.text.contains("only CloudFormation fills in") == true, "\(String(describing: driver.state.status))")
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent + "/deploy.trust-policy.json"))
        Self.typeAccount(&driver)
        driver.sendPerforming([.ctrl("s"), .enter])
        let saved = try #require(driver.state.edit?.saved, "\(String(describing: driver.state.status))")
        #expect(saved.written.hasSuffix("/deploy.trust-policy.json"))
        #expect(try String(contentsOfFile: saved.written, encoding: .utf8).contains("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.template)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
    }

    @Test("When the patch cannot be done the choice says why, and choosing it anyway writes nothing")
    func patchRefused() throws {
        let parameterized = Self.template.replacingOccurrences(of: #""repo:acme/app:*""#,
                                                               with: #"{"Fn::Sub": "repo:acme/${Repo}:*"}"#)
        var (driver, path) = try Self.open(parameterized, name: "stack.json", options: WriteBack.Options(patchTemplate: true))
        #expect(driver.state.edit?.session.isEditable == true)
        Self.onlyMain(&driver)
        driver.send([.ctrl("s")])
        let reason = try #require(driver.state.edit?.patchRefusal)
        #expect(reason.contains("parameter Repo"), "\(reason)")
        #expect(driver.screen.contains("cannot patch: the edit"))
        driver.sendPerforming([.enter])
        #expect(driver.state.edit?.saved == nil)
        #expect(driver.state.status?.kind == .error)
        #expect(driver.state.status?.text.contains("Cannot patch the template") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == parameterized)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        // The side file still works, once the provider is written out.
        driver.send(.left)
        Self.typeAccount(&driver)
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.edit?.saved?.written.hasSuffix("/deploy.trust-policy.json") == true, "\(String(describing: driver.state.status))")
    }

    @Test("A bare policy offers no patch choice; a YAML template says why it cannot be patched")
    func choiceOnlyForTemplates() throws {
        let (bare, _) = try Self.open(WizardEditTests.loosePolicy, name: "trust.json")
        #expect(!bare.state.isVisible(.saveTarget))
        let yaml = """
        Resources:
          DeployRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}
                    Action: sts:AssumeRoleWithWebIdentity
                    Condition:
                      StringEquals: {"token.actions.githubusercontent.com:aud": sts.amazonaws.com}
                      StringLike: {"token.actions.githubusercontent.com:sub": "repo:acme/app:*"}

        """
        let (yamlDriver, _) = try Self.open(yaml, name: "stack.yaml")
        #expect(!yamlDriver.state.isVisible(.saveTarget), "only JSON templates are offered the patch")
    }

    // MARK: Workflow

    /// A tight policy: only main of acme/app.
    static let tightPolicy = """
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                                     "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"}}}]}

    """

    /// What `generate --repo acme/app --branch main --account-id 123456789012 --role-name deploy --region eu-central-1` writes.
    static func generatedWorkflow() throws -> String {
        let draft = SetupDraft(repositories: ["acme/app"], branches: ["main"], region: "eu-central-1",
                               accountID: "123456789012", roleName: "deploy")
        let setup = try #require(draft.resolve().setup)
        return try #require(GeneratedFiles.plan(for: setup).files.first { $0.relativePath == GeneratedFiles.workflowPath }).contents
    }

    /// On the write step: the workflow toggle on, then the directory typed.
    static func chooseWorkflow(_ driver: inout ProgramDriver<Wizard>, into directory: String) {
        driver.sendPerforming([.ctrl("s")])
        #expect(driver.state.focus == .writeWorkflow)
        driver.sendPerforming([.character(" "), .tab])
        #expect(driver.state.focus == .outputDirectory)
        driver.type(directory, perform: { WizardFileSystem.perform($0) })
    }

    @Test("Toggling the workflow writes .github/workflows/aws-oidc.yml with the same bytes as generate; the unchanged policy is not rewritten")
    func workflowSameAsGenerate() throws {
        var (driver, path) = try Self.open(Self.tightPolicy, name: "trust.json", region: "eu-central-1")
        #expect(!driver.state.isVisible(.outputDirectory), "no directory until the workflow is asked for")
        // The role name is not in a bare policy: the toggle says what is missing, then step 3 takes it.
        driver.send([.ctrl("s"), .character(" ")])
        #expect(driver.screen.contains("needed: "), "the missing part is named")
        #expect(driver.state.outputPlan == nil)
        driver.send([.escape, .escape])
        #expect(driver.state.step == .aws)
        driver.send([.tab, .tab, .tab])
        #expect(driver.state.focus == .roleName)
        driver.type("deploy")
        let out = try WizardDriving.temporaryDirectory()
        driver.sendPerforming([.ctrl("s")])
        #expect(driver.state.edit?.writeWorkflow == true, "the toggle kept its state")
        driver.sendPerforming([.tab])
        driver.type(out, perform: { WizardFileSystem.perform($0) })
        #expect(driver.screen.contains("The policy is unchanged: Enter writes only the"))
        driver.sendPerforming([.enter])
        let written = try #require(driver.state.edit?.workflowWritten, "status: \(String(describing: driver.state.status))")
        #expect(written == out + "/" + GeneratedFiles.workflowPath)
        #expect(try String(contentsOfFile: written, encoding: .utf8) == Self.generatedWorkflow())
        #expect(driver.state.edit?.saved == nil, "nothing changed in the policy: not rewritten")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.tightPolicy)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        #expect(!FileManager.default.fileExists(atPath: out + "/trust-policy.json"), "only the workflow is written")
        driver.sendPerforming([.enter])
        #expect(driver.exitCode == Wizard.exitWritten)
    }

    @Test("An existing workflow file is replaced only after a yes; a changed policy is saved first")
    func existingWorkflowNeedsConfirmation() throws {
        let dump = "{\"Role\":{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(Self.tightPolicy)}}"
        var (driver, path) = try Self.open(dump, name: "role.json", region: "eu-central-1", workflow: true)
        let out = try WizardDriving.temporaryDirectory()
        let existing = out + "/" + GeneratedFiles.workflowPath
        try FileManager.default.createDirectory(atPath: (existing as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "old".write(toFile: existing, atomically: true, encoding: .utf8)
        // Add the tag v* (step 2), so the policy changes too.
        driver.send([.escape, .escape, .tab])
        #expect(driver.state.focus == .tags)
        driver.type("v*")
        driver.send([.enter])
        driver.sendPerforming([.ctrl("s")])
        #expect(driver.state.focus == .writeWorkflow)
        driver.sendPerforming([.tab])
        driver.type(out, perform: { WizardFileSystem.perform($0) })
        #expect(driver.state.existingFiles == [GeneratedFiles.workflowPath])
        #expect(driver.screen.contains("aws-oidc.yml  exists -"))
        driver.sendPerforming([.enter])
        guard case .confirmReplace(let files) = driver.state.dialog else {
            Issue.record("expected the replace question, got \(String(describing: driver.state.dialog)); status \(String(describing: driver.state.status))")
            return
        }
        #expect(files == [GeneratedFiles.workflowPath])
        driver.sendPerforming([.character("n")])
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "old")
        #expect(driver.state.edit?.saved == nil, "no means nothing at all is written")
        driver.sendPerforming([.enter, .character("y")])
        let saved = try #require(driver.state.edit?.saved, "status: \(String(describing: driver.state.status))")
        #expect(saved.written.hasSuffix("/deploy.trust-policy.json"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == dump)
        let workflow = try String(contentsOfFile: existing, encoding: .utf8)
        let draft = SetupDraft(repositories: ["acme/app"], branches: ["main"], tags: ["v*"], region: "eu-central-1",
                               accountID: "123456789012", roleName: "deploy")
        let setup = try #require(draft.resolve().setup)
        #expect(workflow == WorkflowGenerator.workflow(for: setup))
        #expect(driver.state.edit?.workflowWritten == existing)
        #expect(driver.state.status?.text.contains("Wrote \(existing)") == true)
    }
}
