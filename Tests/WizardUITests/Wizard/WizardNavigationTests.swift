import Testing
import OIDCWizardCore
@testable import WizardUI

@Suite("Wizard: moving through the steps and fields")
struct WizardNavigationTests {
    @Test("On start the owner field has focus and typing goes into it; Tab moves to the repositories")
    func startsAtOwner() {
        var driver = WizardDriving.start()
        #expect(driver.state.step == .github)
        #expect(driver.state.focus == .owner)
        driver.type("acme")
        #expect(driver.state.text(.owner) == "acme")
        #expect(driver.frame.cursor != nil, "the cursor stands in the owner field")
        driver.send(.tab)
        #expect(driver.state.focus == .repositories)
        driver.type("app")
        #expect(driver.state.derived.draft.repositories == ["acme/app"], "what is typed counts before Enter")
    }

    @Test("Repository entries join the owner; an other/repo entry is taken as written; ids make the immutable form")
    func repositoryEntries() {
        var driver = WizardDriving.start()
        driver.type("acme")
        driver.send(.tab)
        driver.type("app\nother/lib\n")
        #expect(driver.state.list(.repositories)?.items == ["app", "other/lib"])
        #expect(driver.state.derived.draft.repositories == ["acme/app", "other/lib"])
        driver.send(.tab)
        driver.type("1234")
        driver.send(.tab)
        driver.type("5678")
        #expect(driver.state.derived.draft.repositories == ["acme@1234/app@5678", "other/lib"])
    }

    @Test("One id without the other is said at the id field still empty, in the form's words, quietly")
    func oneIDSaidAtTheEmptyIDField() {
        var driver = WizardDriving.start(SetupDraft(repositories: ["acme/app"]))
        driver.send([.tab, .tab])
        #expect(driver.state.focus == .ownerID)
        driver.type("1234")
        let atRepositoryIDs = driver.state.derived.fieldIssues[.repositoryIDs] ?? []
        #expect(atRepositoryIDs.contains { $0.rule.hasPrefix("Give the repository id as well") && $0.isMissing })
        #expect(!(driver.state.derived.fieldIssues[.repositories] ?? []).contains { $0.rule.hasPrefix("Give both ids") },
                "not at the repositories, in a syntax the form does not use")
        driver.send(.tab)
        driver.type("5678")
        #expect(driver.state.derived.fieldIssues[.repositoryIDs] == nil)
        #expect(driver.state.derived.draft.repositories == ["acme@1234/app@5678"])
    }

    @Test("Command-line options pre-fill the fields, and the fields give back the same draft")
    func prefilled() {
        let draft = SetupDraft(repositories: ["acme@12/app@34", "acme@12/web@56"], tags: ["v*"], region: "us-east-1",
                               accountID: "123456789012", roleName: "release")
        let state = WizardState(draft: draft)
        #expect(state.text(.owner) == "acme")
        #expect(state.text(.ownerID) == "12")
        #expect(state.values(.repositories) == ["app", "web"])
        #expect(state.text(.repositoryIDs) == "34, 56")
        #expect(state.values(.branches).isEmpty, "a tag was given, so main is not added")
        #expect(state.draft == draft)
        #expect(state.derived.setup != nil)
    }

    @Test("With no rule at all, the branch main is filled in, visible and editable")
    func defaultBranch() {
        let state = WizardState(draft: SetupDraft())
        #expect(state.values(.branches) == ["main"])
    }

    @Test("Tab past a step's last field goes to the next step; Shift-Tab at the first goes back to the last field")
    func tabAcrossSteps() {
        var driver = WizardDriving.start()
        driver.send(Array(repeating: .tab, count: 4))
        #expect(driver.state.step == .github)
        #expect(driver.state.focus == .flavor)
        driver.send(.tab)
        #expect(driver.state.step == .access)
        #expect(driver.state.focus == .branches)
        driver.send(.backTab)
        #expect(driver.state.step == .github)
        #expect(driver.state.focus == .flavor)
    }

    @Test("Esc goes back a step and nothing typed is lost")
    func escapeGoesBack() {
        var driver = WizardDriving.start()
        driver.type("acme")
        driver.send(.ctrl("s"))
        #expect(driver.state.step == .write)
        driver.send(.escape)
        #expect(driver.state.step == .review)
        driver.send([.escape, .escape, .escape])
        #expect(driver.state.step == .github)
        #expect(driver.state.focus == .owner, "back where the user left the step")
        #expect(driver.state.text(.owner) == "acme")
    }

    @Test("Esc on the first step asks before quitting; n stays, y quits without writing")
    func escapeQuits() {
        var driver = WizardDriving.start()
        driver.send(.escape)
        #expect(driver.state.dialog == .confirmQuit)
        #expect(driver.screen.contains("Nothing has been written yet"))
        driver.send(.character("n"))
        #expect(driver.state.dialog == nil)
        #expect(!driver.isFinished)
        driver.send([.interrupt, .character("y")])
        #expect(driver.exitCode == Wizard.exitNothingWritten)
    }

    @Test("Left/Right choose the GitHub flavour; its name field appears only when needed")
    func flavour() {
        var driver = WizardDriving.start()
        #expect(!driver.state.visibleFields(of: .github).contains(.flavorName))
        driver.send([.tab, .tab, .tab, .tab, .right])
        #expect(driver.state.flavorKind == .enterpriseCloud)
        driver.send(.tab)
        #expect(driver.state.focus == .flavorName)
        driver.type("octo-ent")
        #expect(driver.state.derived.draft.flavorName == "octo-ent")
        driver.send([.backTab, .left])
        #expect(driver.state.flavorKind == .githubDotCom)
    }

    @Test("Space turns a toggle on; any context shows its warning at the field")
    func toggles() {
        var driver = WizardDriving.start(WizardDriving.completeDraft)
        driver.send(.ctrl("s"))
        driver.send([.escape, .escape, .escape])
        #expect(driver.state.step == .access)
        driver.send([.tab, .tab, .tab, .character(" "), .tab, .character(" ")])
        #expect(driver.state.pullRequests)
        #expect(driver.state.anyContext)
        #expect(driver.state.derived.draft.anyContext)
        #expect(driver.screen.contains("\"Any context\" already lets in every branch"))
    }

    @Test("Lists: Enter adds, Up selects an entry, Enter edits it in place, Delete removes it")
    func listEditing() {
        var driver = WizardDriving.start()
        driver.send([.tab, .tab, .tab, .tab, .tab])
        #expect(driver.state.focus == .branches)
        driver.type("release/*\n")
        #expect(driver.state.values(.branches) == ["main", "release/*"])
        driver.send([.up, .up, .enter])
        #expect(driver.state.list(.branches)?.input.text == "main")
        driver.type("-old")
        #expect(driver.state.values(.branches) == ["main-old", "release/*"], "the edited entry keeps its place")
        driver.send([.enter, .up, .delete])
        #expect(driver.state.values(.branches) == ["main-old"])
    }

    @Test("Region: suggestions from the real region list as you type; Enter takes one and moves on; partition and audience follow")
    func regionCompletion() {
        var driver = WizardDriving.start()
        driver.send(.ctrl("s"))
        driver.send([.escape, .escape])
        #expect(driver.state.step == .aws)
        driver.send(.tab)
        #expect(driver.state.focus == .region)
        driver.type("cn-n")
        #expect(driver.state.derived.regionSuggestions.contains("cn-north-1"))
        #expect(driver.screen.contains("cn-north-1"))
        driver.send(.enter)
        #expect(driver.state.text(.region) == "cn-north-1")
        #expect(driver.state.focus != .region, "what is typed next goes into the next field, not after the region")
        #expect(driver.screen.contains("partition aws-cn"))
        #expect(driver.screen.contains("sts.amazonaws.com.cn"))
    }

    @Test("A status message answers the key before it and goes with the next key")
    func statusGoesWithTheNextKey() {
        var driver = WizardDriving.start()
        driver.send(.ctrl("g"))
        #expect(driver.state.status?.text.contains("Ctrl-N") == true, "asked to expand a finding first")
        driver.send(.tab)
        #expect(driver.state.status == nil, "not left up after the user has moved on")
    }

    @Test("Invalid input is marked at the field with the rule it breaks")
    func invalidInput() {
        var driver = WizardDriving.start()
        driver.send(.ctrl("s"))
        driver.send([.escape, .escape])
        driver.type("12345")
        #expect(driver.state.derived.fieldIssues[.accountID]?.first?.rule.contains("12 digits") == true)
        #expect(driver.screen.contains("12 digits"))
    }
}
