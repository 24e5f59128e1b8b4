import Foundation
import Testing
import OIDCWizardCore
@testable import WizardUI

/// `oidc-wizard edit`: the wizard opened on an existing policy, driven with keys as a person would.
@Suite("Wizard: editing an existing policy")
struct WizardEditTests {
    /// The 2022-blog-post policy: any repository of acme, any branch, tag or pull request.
    static let loosePolicy = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
            "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/*:*"}
          }
        },
        {
          "Sid": "BreakGlass",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::123456789012:role/admin"},
          "Action": "sts:AssumeRole"
        }
      ]
    }

    """

    static func open(_ text: String = loosePolicy, name: String = "trust-policy.json",
                     options: WriteBack.Options = WriteBack.Options()) throws -> (ProgramDriver<Wizard>, String) {
        let directory = try WizardDriving.temporaryDirectory()
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let source = try EditSource.open(path: path)
        let context = EditContext(session: EditSession(source: source), options: options)
        return (ProgramDriver(program: Wizard(edit: context), size: WizardDriving.large), path)
    }

    /// From the review step back to step 1, then replaces the repository `*` with `app`.
    static func tightenRepository(_ driver: inout ProgramDriver<Wizard>) {
        driver.send([.escape, .escape, .escape])
        driver.send([.tab, .up, .delete])
        driver.type("app")
        driver.send([.enter])
    }

    @Test("Opens on the review step with the policy as it is: its findings, its table, every statement, no change")
    func opensAsItIs() throws {
        let (driver, _) = try Self.open()
        let state = driver.state
        #expect(state.step == .review)
        let edit = try #require(state.edit)
        #expect(edit.session.isEditable)
        #expect(!edit.session.hasChanges, "the fields rebuild the statement exactly: opening changes nothing")
        #expect(state.values(.repositories) == ["*"])
        #expect(state.text(.owner) == "acme")
        #expect(state.values(.branches).isEmpty, "no default branch is slipped into an existing policy")
        #expect(state.derived.policy == edit.session.before.policy, "the preview is the whole policy as read")
        #expect(state.derived.findings.count == edit.session.before.findings.count)
        #expect(state.derived.worstSeverity == edit.session.before.worstSeverity)
        #expect((state.derived.worstSeverity ?? .info) >= .high, "repo:acme/*:* is a finding")
        let screen = driver.screen
        #expect(screen.contains("Editing"))
        #expect(screen.contains("The policy as it is"))
        #expect(screen.contains("BreakGlass"), "the verbatim statement is shown")
        #expect(!screen.contains("Changes to the policy"))
    }

    @Test("Editing a field shows the policy diff and the runs whose decision changes")
    func showsDiff() throws {
        var (driver, _) = try Self.open()
        Self.tightenRepository(&driver)
        #expect(driver.state.values(.repositories) == ["app"])
        let session = try #require(driver.state.edit?.session)
        #expect(session.hasChanges)
        let policy = try #require(session.currentPolicy)
        #expect(policy.statements.count == 2, "the verbatim statement is kept")
        #expect(policy.statements[1] == session.before.policy?.statements[1])
        #expect(policy.jsonText.contains("repo:acme/app:*"))
        #expect(driver.state.derived.policy == policy, "the panels show the edited policy")
        let changes = try #require(session.scenarioDiff).changes
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.before.isAllowed && !$0.after.isAllowed }, "tightening only shuts runs out")

        driver.send([.ctrl("s"), .escape]) // write step, then back to review
        #expect(driver.state.step == .review)
        let screen = driver.screen
        #expect(screen.contains("Changes to the policy"))
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { $0.contains("│-") && $0.contains("\"repo:acme/*:*\"") }, "the old subject is removed in the diff")
        #expect(lines.contains { $0.contains("│+") && $0.contains("\"repo:acme/app:*\"") }, "the new one added")
        #expect(screen.contains("Who can get in: what changes"))
        #expect(screen.contains("allowed → denied"))
    }

    @Test("Enter on the write step saves in place after FILE.bak; the file holds the edited policy")
    func savesInPlace() throws {
        var (driver, path) = try Self.open()
        Self.tightenRepository(&driver)
        driver.sendPerforming([.ctrl("s")])
        #expect(driver.screen.contains("Saves to"))
        #expect(driver.screen.contains("trust-policy.json.bak"), "the write step names the backup")
        driver.sendPerforming([.enter])
        let saved = try #require(driver.state.edit?.saved, "status: \(String(describing: driver.state.status))")
        #expect(saved.written == path)
        #expect(saved.backup == path + ".bak")
        #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == Self.loosePolicy, "the backup is the file as it was, byte for byte")
        let written = try PolicyInput.read(data: Data(contentsOf: URL(fileURLWithPath: path)), name: path)
        #expect(written.first?.policy == driver.state.edit?.session.currentPolicy)
        #expect(driver.screen.contains("Saved"))
        driver.send(.enter)

        #expect(driver.exitCode == Wizard.exitWritten)
    }

    @Test("Nothing changed: Enter saves nothing and says so")
    func unchangedSavesNothing() throws {
        var (driver, path) = try Self.open()
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.edit?.saved == nil)
        #expect(driver.state.status?.text.contains("Nothing changed") == true)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
    }

    @Test("A file changed on disk since it was opened is not overwritten; the message says so")
    func changedOnDisk() throws {
        var (driver, path) = try Self.open()
        Self.tightenRepository(&driver)
        try "{\"Version\":\"2012-10-17\",\"Statement\":[]}".write(toFile: path, atomically: true, encoding: .utf8)
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.edit?.saved == nil)
        #expect(driver.state.status?.kind == .error)
        #expect(driver.state.status?.text.contains("changed on disk") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"Version\":\"2012-10-17\",\"Statement\":[]}")
    }

    @Test("An older, different backup is not replaced silently")
    func olderBackup() throws {
        var (driver, path) = try Self.open()
        try "older".write(toFile: path + ".bak", atomically: true, encoding: .utf8)
        Self.tightenRepository(&driver)
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.edit?.saved == nil)
        #expect(driver.state.status?.text.contains("older backup") == true)
        #expect(try String(contentsOfFile: path + ".bak", encoding: .utf8) == "older")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.loosePolicy)
    }

    @Test("A critical finding in the result still needs the explicit confirmation before saving")
    func criticalNeedsConfirmation() throws {
        var (driver, path) = try Self.open()
        // Owner `*`: any GitHub account's repository named like one of acme's.
        driver.send([.escape, .escape, .escape])
        driver.send([.ctrl("u")])
        driver.type("*")
        driver.sendPerforming([.ctrl("s"), .enter])
        guard case .confirmRisk = driver.state.dialog else {
            Issue.record("expected the risk confirmation, got \(String(describing: driver.state.dialog)); status \(String(describing: driver.state.status))")
            return
        }
        driver.sendPerforming([.character("n")])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.loosePolicy)
        driver.sendPerforming([.enter, .character("y")])
        #expect(driver.state.edit?.saved != nil)
    }

    @Test("A policy the wizard cannot take apart is read-only, with the reason, and still analysed")
    func readOnly() throws {
        let policy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}]}
        """
        var (driver, _) = try Self.open(policy)
        let edit = try #require(driver.state.edit)
        #expect(!edit.session.isEditable)
        let reason = try #require(edit.readOnlyReason)
        #expect(reason.contains("statement 1"))
        #expect(driver.state.derived.policy == edit.session.before.policy)
        #expect(!driver.state.derived.findings.isEmpty, "the analysis still shows")
        #expect(!driver.state.derived.scenarios.isEmpty, "the table still shows")
        driver.send([.escape, .escape, .escape])
        driver.type("x")
        #expect(driver.state.text(.owner).isEmpty, "typing changes nothing")
        #expect(driver.state.status?.text == reason)
        #expect(reason.contains("oidc-wizard fix ") && reason.contains("--repo OWNER/REPO"), "where the findings' fixes can be made")
        // Longer than the status line: shown whole, over the bottom of the screen, down to its last word.
        let screen = driver.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(screen.contains("see the diff first)."), "\(driver.screen)")
    }

    @Test("A role dump is not rewritten: the policy goes to <role>.trust-policy.json with the AWS command to apply it")
    func roleDump() throws {
        let dump = "{\"Role\":{\"RoleName\":\"deploy\",\"AssumeRolePolicyDocument\":\(Self.loosePolicy)}}"
        var (driver, path) = try Self.open(dump, name: "role.json")
        #expect(driver.state.edit?.session.source.kind == .roleListing)
        #expect(driver.state.text(.roleName) == "deploy", "the role name comes from the dump")
        Self.tightenRepository(&driver)
        driver.sendPerforming([.ctrl("s"), .enter])
        let saved = try #require(driver.state.edit?.saved, "status: \(String(describing: driver.state.status))")
        let directory = (path as NSString).deletingLastPathComponent
        #expect(saved.written == directory + "/deploy.trust-policy.json")
        #expect(saved.backup == nil)
        #expect(saved.applyCommand == "aws iam update-assume-role-policy --role-name deploy --policy-document file://\(directory)/deploy.trust-policy.json")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == dump, "the dump itself is untouched")
        #expect(driver.screen.contains("update-assume-role-policy"), "the command is shown in the summary")
    }

    /// The loose policy from a path that is the same on every machine (for golden screens).
    static func fixed(size: Size) throws -> ProgramDriver<Wizard> {
        let source = try EditSource(path: "trust-policy.json", data: Data(loosePolicy.utf8))
        return ProgramDriver(program: Wizard(edit: EditContext(session: EditSession(source: source))), size: size)
    }

    @Test("Golden screens: the policy as it is, and the review after tightening", arguments: [WizardDriving.small, WizardDriving.large])
    func goldenScreens(size: Size) throws {
        let name = "\(size.width)x\(size.height)"
        var driver = try Self.fixed(size: size)
        Golden.assertFrame(driver.frame, matches: "edit-as-it-is-\(name)")
        Self.tightenRepository(&driver)
        driver.send([.ctrl("s"), .escape])
        Golden.assertFrame(driver.frame, matches: "edit-review-diff-\(name)")
        driver.send([.ctrl("s")])
        Golden.assertFrame(driver.frame, matches: "edit-write-\(name)")
    }

    @Test("Ctrl-G offers no fix for a finding on a statement kept verbatim")
    func noFixForVerbatimStatements() throws {
        let policy = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:acme/app:ref:refs/heads/main"}}},
          {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*:*"}}}]}
        """
        let (driver, _) = try Self.open(policy)
        let state = driver.state
        #expect(state.edit?.session.imported.modelled?.index == 0)
        let onVerbatim = state.derived.findings.filter { $0.statement == 1 }
        #expect(!onVerbatim.isEmpty, "the second statement's wildcard is found")
        for finding in onVerbatim {
            #expect(SetupFix.derive(for: finding, state: state) == nil, "\(finding.rule) is on the verbatim statement")
        }
    }

    @Test("Quitting: at once when nothing changed; after a question when there are unsaved changes")
    func quitting() throws {
        var (looking, _) = try Self.open()
        looking.send(.interrupt)
        #expect(looking.state.dialog == nil)
        #expect(looking.exitCode == Wizard.exitNothingWritten)

        var (editing, path) = try Self.open()
        Self.tightenRepository(&editing)
        editing.send(.interrupt)
        #expect(editing.state.dialog == .confirmQuit)
        #expect(editing.screen.contains("Your changes have not been saved"))
        editing.send(.character("y"))
        #expect(editing.exitCode == Wizard.exitNothingWritten)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.loosePolicy)
    }

    @Test("the review shows at most about a thousand characters of a row's reason, cut at a word, with where to see the rest")
    func longReasonsAreShortened() {
        let short = "No statement allows it. Statement 1 does not apply: sub matches none of its values."
        #expect(WizardContent.shortened(short) == short)
        // More than the limit in bytes but not in characters: nothing is cut.
        let accented = String(repeating: "éé ", count: 300)
        #expect(accented.utf8.count > WizardContent.maxReasonCharacters && WizardContent.shortened(accented) == accented)
        // A policy of hundreds of statements: the reason names each statement that does not apply.
        let long = (1...300).map { "Statement \($0) does not apply: its sub does not match." }.joined(separator: " ")
        let shown = WizardContent.shortened(long)
        #expect(shown.utf8.count < WizardContent.maxReasonCharacters + 80)
        #expect(shown.hasSuffix(" … (the whole reason: oidc-wizard simulate with this run's claims)"))
        let kept = String(shown.prefix { $0 != "…" }.dropLast())
        #expect(long.hasPrefix(kept) && long.dropFirst(kept.count).first == " ", "cut at a word of the reason")
    }
}
