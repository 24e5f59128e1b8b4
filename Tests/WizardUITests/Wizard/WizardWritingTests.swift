import Foundation
import Testing
import OIDCWizardCore
@testable import WizardUI

@Suite("Wizard: writing the files")
struct WizardWritingTests {
    @Test("Ctrl-S jumps to the write step; Enter writes the files generate writes, atomically, and the summary follows")
    func writes() throws {
        let directory = try WizardDriving.temporaryDirectory()
        var driver = WizardDriving.start(WizardDriving.completeDraft, out: directory)
        driver.sendPerforming([.ctrl("s")])
        #expect(driver.state.step == .write)
        #expect(driver.state.existingFiles == [], "the directory was inspected: nothing exists yet")
        driver.sendPerforming([.enter])
        let written = try #require(driver.state.written)
        #expect(written.paths == [directory + "/trust-policy.json", directory + "/.github/workflows/aws-oidc.yml"])
        let setup = try #require(WizardDriving.completeDraft.resolve().setup)
        let plan = GeneratedFiles.plan(for: setup)
        for file in plan.files {
            let onDisk = try String(contentsOfFile: directory + "/" + file.relativePath, encoding: .utf8)
            #expect(onDisk == file.contents, "byte for byte what generate writes")
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: written.paths[0]))) as? [String: Any]
        #expect(parsed?["Version"] as? String == "2012-10-17")
        #expect(driver.screen.contains("Written:"))
        driver.send(.interrupt)
        #expect(driver.exitCode == Wizard.exitWritten, "after writing, quitting asks nothing")
    }

    @Test("Existing files are marked and replaced only after a yes")
    func existingFiles() throws {
        let directory = try WizardDriving.temporaryDirectory()
        try "old".write(toFile: directory + "/trust-policy.json", atomically: true, encoding: .utf8)
        var driver = WizardDriving.start(WizardDriving.completeDraft, out: directory)
        driver.sendPerforming([.ctrl("s")])
        #expect(driver.state.existingFiles == ["trust-policy.json"])
        #expect(driver.screen.contains("exists - will ask before replacing"))
        driver.sendPerforming([.enter])
        #expect(driver.state.dialog == .confirmReplace(["trust-policy.json"]))
        driver.sendPerforming([.character("n")])
        #expect(driver.state.written == nil)
        #expect(try String(contentsOfFile: directory + "/trust-policy.json", encoding: .utf8) == "old")
        driver.sendPerforming([.enter, .character("y")])
        #expect(driver.state.written != nil)
        #expect(try String(contentsOfFile: directory + "/trust-policy.json", encoding: .utf8).contains("sts:AssumeRoleWithWebIdentity"))
    }

    @Test("A wildcard owner needs a second, explicit confirmation that names the risk")
    func criticalConfirmation() throws {
        let directory = try WizardDriving.temporaryDirectory()
        var draft = WizardDriving.completeDraft
        draft.repositories = ["*/app"]
        var driver = WizardDriving.start(draft, out: directory)
        #expect(driver.state.derived.setup?.opensToOtherOwners == true)
        driver.sendPerforming([.ctrl("s"), .enter])
        guard case .confirmRisk(let risks) = driver.state.dialog else {
            Issue.record("expected the risk confirmation, got \(String(describing: driver.state.dialog))")
            return
        }
        #expect(!risks.isEmpty)
        #expect(driver.screen.contains("CRITICAL"))
        driver.sendPerforming([.enter])
        #expect(driver.state.written == nil, "Enter is not a yes")
        driver.sendPerforming([.escape])
        #expect(driver.state.dialog == nil)
        #expect(driver.state.written == nil)
        driver.sendPerforming([.enter, .character("y")])
        #expect(driver.state.written != nil)
    }

    @Test("An incomplete setup cannot be written; the first blocking rule is shown")
    func incomplete() {
        var driver = WizardDriving.start()
        var performed: [WizardCommand] = []
        driver.send([.ctrl("s"), .enter]) { performed.append($0); return nil }
        #expect(performed.isEmpty)
        #expect(driver.state.status?.kind == .error)
        #expect(driver.screen.contains("Nothing to write yet"))
        #expect(driver.takeBells() == 1)
    }

    @Test("A write that fails is reported in the status line, and nothing is marked written")
    func failure() throws {
        let directory = try WizardDriving.temporaryDirectory()
        try "a file".write(toFile: directory + "/blocker", atomically: true, encoding: .utf8)
        var driver = WizardDriving.start(WizardDriving.completeDraft, out: directory + "/blocker")
        driver.sendPerforming([.ctrl("s"), .enter])
        #expect(driver.state.written == nil)
        #expect(driver.state.status?.kind == .error)
        #expect(driver.state.status?.text.contains("cannot write") == true)
    }
}

@Suite("Wizard: help, panels and findings")
struct WizardPanelTests {
    @Test("? opens help for the focused field; Esc closes it")
    func helpForField() throws {
        var driver = WizardDriving.start()
        driver.send([.ctrl("s"), .escape, .escape])
        driver.send(.character("?"))
        #expect(driver.state.help?.topicID == "account-id")
        let topic = try #require(HelpLibrary.topic("account-id"))
        #expect(driver.screen.contains("Help: " + topic.title))
        driver.send(.escape)
        #expect(driver.state.help == nil)
        #expect(driver.state.text(.accountID) == "")
    }

    @Test("In a field where ? is a wildcard it is typed; F1 opens help there")
    func questionMarkInGlobField() {
        var driver = WizardDriving.start()
        driver.send([.tab, .tab, .tab, .tab, .tab])
        #expect(driver.state.focus == .branches)
        driver.type("v?")
        #expect(driver.state.help == nil)
        #expect(driver.state.values(.branches) == ["main", "v?"])
        driver.send(.function(1))
        #expect(driver.state.help?.topicID == "branches")
        driver.send(.function(1))
        #expect(driver.state.help == nil)
    }

    @Test("The flavour name's help follows the chosen flavour")
    func flavourHelp() {
        var driver = WizardDriving.start()
        driver.send([.tab, .tab, .tab, .tab, .right, .right, .tab, .character("?")])
        #expect(driver.state.help?.topicID == "ghe-subdomain")
    }

    @Test("Help scrolls with the arrows and pages")
    func helpScrolls() {
        var driver = WizardDriving.start()
        driver.send(.function(1))
        driver.send([.pageDown, .down])
        #expect((driver.state.help?.scroll.offset ?? 0) >= 0)
        driver.send(.home)
        #expect(driver.state.help?.scroll.offset == 0)
    }

    @Test("F2/F3/F4 and Ctrl-T switch the panel below the form")
    func panels() {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        #expect(driver.state.panel == .policy)
        #expect(driver.screen.contains("\"StringEquals\": {"), "the preview opens at the conditions, the part that decides")
        driver.send(.function(3))
        #expect(driver.state.panel == .findings)
        driver.send(.function(4))
        #expect(driver.state.panel == .scenarios)
        driver.send(.ctrl("t"))
        #expect(driver.state.panel == .policy)
    }

    @Test("The policy preview follows every keystroke")
    func livePreview() {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        #expect(driver.screen.contains("repo:acme/app:ref:refs/heads/main"))
        driver.send([.ctrl("u")])
        driver.type("*")
        #expect(driver.state.text(.owner) == "*")
        #expect(driver.state.derived.policy?.jsonText.contains("repo:*/app:ref:refs/heads/main") == true)
        #expect(driver.screen.contains("repo:*/app:ref:refs/heads/main"))
        #expect(driver.screen.contains("StringLike"), "a wildcard subject is generated under StringLike")
        #expect(driver.screen.contains("A wildcard in the owner lets in repositories of any GitHub"), "the rule, at the field")
        #expect(driver.state.derived.findings.first?.severity == .critical)
        #expect(driver.frame.line(0).contains("CRITICAL"), "the worst severity stays in sight in the step bar")
        #expect(driver.screen.contains("C           \"token.actions.githubusercontent.com:sub\""), "the line is marked in the gutter")
        // Fixing it makes the critical finding disappear, live.
        driver.send(.backspace)
        driver.type("acme")
        #expect(!driver.state.derived.findings.contains { $0.severity == .critical })
        #expect(!driver.frame.line(0).contains("CRITICAL"))
    }

    @Test("Ctrl-N expands a finding with why and fix; Ctrl-G applies the setup-level fix (the real owner is asked for)")
    func applyFix() throws {
        var draft = WizardDriving.completeDraft
        draft.repositories = ["acme*/app"]
        var driver = WizardDriving.start(draft)
        driver.send([.tab, .ctrl("n")])
        #expect(driver.state.panel == .findings)
        #expect(driver.state.selectedFinding == 0)
        let finding = try #require(driver.state.derived.findings.first)
        #expect(finding.severity == .critical)
        #expect(driver.screen.contains("Why:"))
        #expect(driver.state.selectedFix == .askForOwner)
        #expect(driver.screen.contains("Ctrl-G"))
        driver.send(.ctrl("g"))
        #expect(driver.state.focus == .owner)
        #expect(driver.state.text(.owner) == "")
        driver.type("acme")
        #expect(!driver.state.derived.findings.contains { $0.severity == .critical })
    }

    @Test("Turning on any context, its finding offers to turn it off again")
    func anyContextFix() {
        var draft = WizardDriving.completeDraft
        draft.anyContext = true
        var driver = WizardDriving.start(draft)
        let index = driver.state.derived.findings.firstIndex { $0.rule == "any-context" }
        #expect(index != nil)
        while driver.state.selectedFinding != index, driver.state.selectedFinding ?? 0 < 20 { driver.send(.ctrl("n")) }
        #expect(driver.state.selectedFix == .turnOffAnyContext)
        driver.send(.ctrl("g"))
        #expect(!driver.state.anyContext)
        #expect(driver.state.values(.branches) == ["main"])
    }

    @Test("The review step shows the policy, the findings, the table and the AWS CLI next steps")
    func review() {
        var driver = WizardDriving.start(WizardDriving.completeDraft, size: WizardDriving.large)
        driver.send([.ctrl("s"), .escape])
        #expect(driver.state.step == .review)
        #expect(driver.screen.contains("Trust policy"))
        driver.send(.end)
        #expect(driver.screen.contains("aws iam"))
        driver.send(.enter)
        #expect(driver.state.step == .write)
    }
}
